/**
 * The inverted fingerprint index, compact: built once (when the corpus or a
 * pack is built, or a pack imported), stored as it is and loaded without
 * rebuilding. Three typed arrays in CSR form instead of a Map of arrays:
 *
 *   hashes[i]                         the i-th distinct fingerprint, ascending
 *   documents[starts[i]..starts[i+1]) the documents that contain it
 *   sizes[d]                          how many indexed fingerprints document d has
 *
 * so a posting costs 4 bytes plus 8 bytes per distinct fingerprint (at most
 * 12 bytes). An engine over several packs queries each one's index in turn
 * (`CorpusIndex`): importing a pack never rebuilds another's index.
 */
import { fingerprints } from './fingerprint';
import { indexOfHash } from './sorted-hashes';

/** A fingerprint in more documents than this is boilerplate, whatever the stop list says. */
export const MAX_DOCUMENT_FREQUENCY = 50;

export interface CompactIndex {
  hashes: Uint32Array;
  /** `hashes.length + 1` offsets into `documents`. */
  starts: Uint32Array;
  documents: Uint32Array;
  sizes: Uint32Array;
}

/** A document's distinct fingerprints that are not on the stop list (boilerplate). */
export function documentFingerprints(normalizedText: string, stop: ReadonlySet<number>): Uint32Array {
  const all = fingerprints(normalizedText);
  return stop.size === 0 ? all : all.filter((h) => !stop.has(h));
}

/** Builds the index from each document's distinct fingerprints. */
export function buildCompactIndex(perDocument: ArrayLike<number>[]): CompactIndex {
  if (perDocument.length >= 1 << 20) throw new Error('an index holds at most 1,048,575 documents');
  let total = 0;
  for (const hashes of perDocument) total += hashes.length;
  // One number per posting, hash * 2^20 + document (exact below 2^52), sorted natively.
  const pairs = new Float64Array(total);
  let at = 0;
  perDocument.forEach((hashes, d) => {
    for (let i = 0; i < hashes.length; i++) pairs[at++] = hashes[i] * 1048576 + d;
  });
  pairs.sort();

  const hashes = new Uint32Array(total);
  const starts = new Uint32Array(total + 1);
  const documents = new Uint32Array(total);
  const sizes = new Uint32Array(perDocument.length);
  let distinct = 0;
  let postings = 0;
  for (let i = 0; i < total; ) {
    const hash = Math.floor(pairs[i] / 1048576);
    let j = i;
    while (j < total && Math.floor(pairs[j] / 1048576) === hash) j++;
    if (j - i <= MAX_DOCUMENT_FREQUENCY) {
      hashes[distinct] = hash;
      starts[distinct] = postings;
      distinct++;
      for (let k = i; k < j; k++) {
        const d = pairs[k] - hash * 1048576;
        documents[postings++] = d;
        sizes[d]++;
      }
    }
    i = j;
  }
  starts[distinct] = postings;
  return {
    hashes: hashes.slice(0, distinct),
    starts: starts.slice(0, distinct + 1),
    documents: documents.slice(0, postings),
    sizes,
  };
}

/** Bytes the index's arrays hold. */
export function indexBytes(index: CompactIndex): number {
  return index.hashes.byteLength + index.starts.byteLength + index.documents.byteLength + index.sizes.byteLength;
}

/**
 * Several compact indexes (the bundled corpus's, then each pack's) read as
 * one: document numbers run on from one index to the next.
 */
export interface CorpusIndex {
  parts: { index: CompactIndex; base: number }[];
  /** Per document number, its indexed fingerprints. */
  sizes: Uint32Array;
}

export function combineIndexes(indexes: CompactIndex[]): CorpusIndex {
  let base = 0;
  const parts = indexes.map((index) => {
    const part = { index, base };
    base += index.sizes.length;
    return part;
  });
  const sizes = new Uint32Array(base);
  for (const p of parts) sizes.set(p.index.sizes, p.base);
  return { parts, sizes };
}

/** The documents that contain `hash`, or undefined when none does. */
export function documentsWith(index: CorpusIndex, hash: number): number[] | undefined {
  let found: number[] | undefined;
  for (const { index: part, base } of index.parts) {
    const i = indexOfHash(part.hashes, hash);
    if (i < 0) continue;
    found ??= [];
    for (let k = part.starts[i]; k < part.starts[i + 1]; k++) found.push(base + part.documents[k]);
  }
  return found;
}
