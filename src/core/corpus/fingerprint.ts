/**
 * Document fingerprints: winnowed k-gram hashes of a text's content
 * characters (punctuation and spaces left out). Short k-grams survive
 * synonym spinning, which swaps two-character words but leaves many
 * five-character runs intact; winnowing keeps about 2/(w+1) of them while
 * guaranteeing that any shared run of w+k-1 characters is seen.
 */
import { finish, stepEnds, type Steps } from '../check/steps';

export const K = 5;
export const W = 8;

/** Letters, digits and CJK ideographs: what survives re-punctuation. */
export function isContentChar(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  );
}

/** The content characters of a (normalized) text. */
export function contentOf(text: string): string {
  const kept: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isContentChar(c)) kept.push(c);
  }
  let out = '';
  for (let k = 0; k < kept.length; k += 8192) out += String.fromCharCode(...kept.slice(k, k + 8192));
  return out;
}

/** Characters per step of the `…InSteps` functions here (a power of two): a few milliseconds of work. */
const STEP_CHARACTERS = 1 << 16;

/** FNV-1a hash of every k-gram: `hashes[i]` covers `text[i, i+k)`. */
export function kgramHashes(text: string, k: number): Uint32Array {
  return finish(kgramHashesInSteps(text, k));
}

/** `kgramHashes` in steps (src/core/check/steps.ts) of `STEP_CHARACTERS` each. */
export function* kgramHashesInSteps(text: string, k: number): Steps<Uint32Array> {
  const n = text.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + k; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    hashes[i] = h >>> 0;
    if (stepEnds(i, STEP_CHARACTERS)) yield;
  }
  return hashes;
}

/**
 * Visits the winnowed fingerprints of a normalized text's content
 * characters (k = K, window W; the rightmost minimum on ties), without
 * building intermediate strings: identification runs on every page.
 */
export function forEachFingerprint(normalizedText: string, visit: (hash: number) => void): void {
  finish(forEachFingerprintInSteps(normalizedText, visit));
}

/** `forEachFingerprint` in steps (src/core/check/steps.ts) of `STEP_CHARACTERS` each, for a driver that interleaves long pages with other work. */
export function* forEachFingerprintInSteps(normalizedText: string, visit: (hash: number) => void): Steps<void> {
  const codes = new Uint16Array(normalizedText.length);
  let n = 0;
  for (let i = 0; i < normalizedText.length; i++) {
    const c = normalizedText.charCodeAt(i);
    if (isContentChar(c)) codes[n++] = c;
    if (stepEnds(i, STEP_CHARACTERS)) yield;
  }
  const grams = n - K + 1;
  if (grams <= 0) return;
  const hashes = new Uint32Array(grams);
  for (let i = 0; i < grams; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + K; j++) h = Math.imul(h ^ codes[j], 0x01000193);
    hashes[i] = h >>> 0;
    if (stepEnds(i, STEP_CHARACTERS)) yield;
  }
  const width = Math.min(W, grams);
  let min = -1;
  for (let start = 0; start + width <= grams; start++) {
    const last = start + width - 1;
    if (min < start) {
      // The previous minimum left the window: scan it whole.
      min = start;
      for (let i = start + 1; i <= last; i++) if (hashes[i] <= hashes[min]) min = i;
      visit(hashes[min]);
    } else if (hashes[last] <= hashes[min]) {
      min = last;
      visit(hashes[min]);
    }
    if (stepEnds(start, STEP_CHARACTERS)) yield;
  }
}

/** The distinct fingerprints of a normalized text, sorted ascending. */
export function fingerprints(normalizedText: string): Uint32Array {
  const unique = new Set<number>();
  forEachFingerprint(normalizedText, (h) => unique.add(h));
  return Uint32Array.from(unique).sort();
}
