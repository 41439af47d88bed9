/**
 * Identification: which canonical documents a page reproduces, by
 * containment of their fingerprints in the page's. Greedy explaining-away
 * lets a page hold several documents and stops a document that merely shares
 * sentences with a better match (or with boilerplate) from being reported.
 */
import type { Corpus, FingerprintTable } from '../corpus/corpus';
import { contentOf, forEachFingerprintInSteps, K, kgramHashes, W } from '../corpus/fingerprint';
import { finish, type Steps } from './steps';
import { buildCompactIndex, combineIndexes, documentFingerprints, documentsWith, type CorpusIndex } from '../corpus/fingerprint-index';

/** Fewest distinct fingerprints that count as evidence (about 90 characters of shared text). */
export const MIN_EVIDENCE = 20;
/** The compact index over the bundled corpus and any packs (fingerprint-index.ts). */
export type FingerprintIndex = CorpusIndex;

export interface Identification {
  /** Index into `corpus.documents`. */
  document: number;
  /** Distinct page fingerprints explained by this document. */
  evidence: number;
  /** Containment: share of the document's fingerprints found on the page. */
  score: number;
}

export function buildFingerprintTable(normalizedTexts: string[], boilerplate: string[]): FingerprintTable {
  const stop = new Set<number>();
  for (const phrase of boilerplate) for (const h of kgramHashes(contentOf(phrase), K)) stop.add(h);
  return {
    k: K,
    w: W,
    documents: normalizedTexts.map((t) => Array.from(documentFingerprints(t, stop))),
    stop: [...stop].sort((a, b) => a - b),
  };
}

export function buildFingerprintIndex(table: FingerprintTable): FingerprintIndex {
  return combineIndexes([buildCompactIndex(table.documents)]);
}

/** The documents a page reproduces, best explanation first. */
export function identify(index: FingerprintIndex, pageNormalized: string): Identification[] {
  return finish(identifyInSteps(index, pageNormalized));
}

/** `identify` in steps (./steps.ts): a long page's fingerprints a stretch at a time, then each document found. */
export function* identifyInSteps(index: FingerprintIndex, pageNormalized: string): Steps<Identification[]> {
  // Which documents each distinct page fingerprint points to.
  const hits: number[][] = [];
  const seen = new Set<number>();
  yield* forEachFingerprintInSteps(pageNormalized, (h) => {
    const docs = documentsWith(index, h);
    if (docs && !seen.has(h)) {
      seen.add(h);
      hits.push(docs);
    }
  });
  if (hits.length < MIN_EVIDENCE) return [];

  const total = new Int32Array(index.sizes.length);
  for (const docs of hits) for (const d of docs) total[d]++;
  const unexplained = Int32Array.from(total);
  const explained = new Uint8Array(hits.length);
  const found: Identification[] = [];
  for (;;) {
    let best = 0;
    for (let d = 1; d < unexplained.length; d++) if (unexplained[d] > unexplained[best]) best = d;
    if (unexplained[best] < MIN_EVIDENCE) break;
    found.push({ document: best, evidence: total[best], score: Math.min(1, total[best] / Math.max(1, index.sizes[best])) });
    // What this document explains is no evidence for the next one.
    hits.forEach((docs, i) => {
      if (explained[i] || !docs.includes(best)) return;
      explained[i] = 1;
      for (const d of docs) unexplained[d]--;
    });
    yield;
  }
  return found;
}

export function indexCorpus(corpus: Corpus): FingerprintIndex {
  return buildFingerprintIndex(corpus.fingerprints);
}
