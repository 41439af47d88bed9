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
const CONTENT = /[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]/;

/** The content characters of a (normalized) text. */
export function contentOf(text: string): string {
  let out = '';
  for (const ch of text) if (CONTENT.test(ch)) out += ch;
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
  if (hashes.length <= w) {
    let min = 0;
    for (let i = 1; i < hashes.length; i++) if (hashes[i] <= hashes[min]) min = i;
    return [hashes[min]];
  }
  let lastPicked = -1;
  for (let start = 0; start + w <= hashes.length; start++) {
    let min = start;
    for (let i = start + 1; i < start + w; i++) if (hashes[i] <= hashes[min]) min = i;
    if (min !== lastPicked) {
      selected.push(hashes[min]);
      lastPicked = min;
    }
  }
  return selected;
}

/** The distinct fingerprints of a normalized text, sorted ascending. */
export function fingerprints(normalizedText: string): Uint32Array {
  const unique = new Set(winnow(kgramHashes(contentOf(normalizedText), K), W));
  return Uint32Array.from(unique).sort();
}
