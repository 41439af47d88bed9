/**
 * Document fingerprints: winnowed k-gram hashes of a text's content
 * characters (punctuation and spaces left out). Short k-grams survive
 * synonym spinning, which swaps two-character words but leaves many
 * five-character runs intact; winnowing keeps about 2/(w+1) of them while
 * guaranteeing that any shared run of w+k-1 characters is seen.
 */

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

/** Hash of every k-gram: `hashes[i]` covers `text[i, i+k)`. */
export function kgramHashes(text: string, k: number): Uint32Array {
  const n = text.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ text.charCodeAt(i + j), 0x01000193);
    hashes[i] = h >>> 0;
  }
  return hashes;
}

/** Winnowing: the minimum hash of every window of w k-grams (rightmost on ties). */
export function winnow(hashes: Uint32Array, w: number): number[] {
  const selected: number[] = [];
  if (hashes.length === 0) return selected;
  const windows = Math.max(1, hashes.length - w + 1);
  const width = Math.min(w, hashes.length);
  let min = -1;
  for (let start = 0; start < windows; start++) {
    const last = start + width - 1;
    if (min < start) {
      // The previous minimum left the window: scan it whole.
      min = start;
      for (let i = start + 1; i <= last; i++) if (hashes[i] <= hashes[min]) min = i;
      selected.push(hashes[min]);
    } else if (hashes[last] <= hashes[min]) {
      min = last;
      selected.push(hashes[min]);
    }
  }
  return selected;
}

/** The distinct fingerprints of a normalized text, sorted ascending. */
export function fingerprints(normalizedText: string): Uint32Array {
  const unique = new Set(winnow(kgramHashes(contentOf(normalizedText), K), W));
  return Uint32Array.from(unique).sort();
}
