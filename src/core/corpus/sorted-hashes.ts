/**
 * Lookups in an ascending list of distinct fingerprints, by binary search.
 * The content script asks it of every page's fingerprints: building a Set of
 * the corpus's thousands first would cost more, on a page that reprints
 * nothing, than all of that page's lookups.
 */

/** Where `hash` is in `sorted` (ascending, distinct), or -1. */
export function indexOfHash(sorted: ArrayLike<number>, hash: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const h = sorted[mid];
    if (h < hash) lo = mid + 1;
    else if (h > hash) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export function hasHash(sorted: ArrayLike<number>, hash: number): boolean {
  return indexOfHash(sorted, hash) !== -1;
}
