/**
 * The two texts the engine compares, prepared once: a canonical document
 * with its clause geometry in normalized coordinates and its k-gram table,
 * and a page with its markers. Preparing a document is done once per engine
 * (the service worker or CLI may check many pages).
 */
import type { CanonicalDocument } from '../corpus/corpus';
import { kgramHashes, kgramHashesInSteps } from '../corpus/fingerprint';
import { lexiconOf, wordBoundaries } from '../corpus/words';
import { findMarkers, markerAtLineStart, type Marker } from '../text/markers';
import { normalize, toNormalizedIndex, toOriginalRange, type NormalizedText } from '../text/normalize';
import type { ConvertedText } from '../text/traditional';
import { finish, type Steps } from './steps';

/** k-gram length for alignment landmarks (with punctuation, unlike fingerprints). */
export const LANDMARK_K = 4;
/** A k-gram that occurs more often than this in a document is no landmark. */
const MAX_LANDMARK_REPEATS = 2;

export interface ClauseGeometry {
  /** Normalized offsets of the whole clause, label included. */
  start: number;
  end: number;
  /** Normalized offsets of the text after the label. */
  bodyStart: number;
  /** The canonical label parsed as a marker, for comparing with the page's. */
  marker?: Marker;
}

export interface PreparedDocument {
  doc: CanonicalDocument;
  norm: NormalizedText;
  clauses: ClauseGeometry[];
  /** For each normalized position, the index of the clause whose body holds it, or -1. */
  clauseAt: Int32Array;
  /** k-gram hash → normalized positions in clause bodies (rare k-grams only). */
  landmarks: Map<number, number[]>;
  /** 1 at each normalized position where a canonical word starts (the document's own segmentation). */
  wordStarts: Uint8Array;
  /** The document's own words (normalized), by which a page's words are recognised. */
  lexicon: Set<string>;
}

export interface PageMarker extends Marker {
  /** Normalized offsets of the marker. */
  normStart: number;
  normEnd: number;
}

export interface PreparedPage {
  original: string;
  norm: NormalizedText;
  markers: PageMarker[];
  /** k-gram hashes of the normalized page (`LANDMARK_K`). */
  kgrams: Uint32Array;
}

export function prepareDocument(doc: CanonicalDocument): PreparedDocument {
  const norm = normalize(doc.text);
  const clauses: ClauseGeometry[] = doc.clauses.map((c) => ({
    start: toNormalizedIndex(norm, c.start),
    end: toNormalizedIndex(norm, c.end),
    bodyStart: toNormalizedIndex(norm, c.bodyStart),
    marker: c.label ? markerAtLineStart(c.label + '文') : undefined,
  }));
  const clauseAt = new Int32Array(norm.text.length).fill(-1);
  clauses.forEach((g, i) => clauseAt.fill(i, g.bodyStart, g.end));

  const hashes = kgramHashes(norm.text, LANDMARK_K);
  const landmarks = new Map<number, number[]>();
  for (let d = 0; d < hashes.length; d++) {
    const c = clauseAt[d];
    if (c < 0 || d + LANDMARK_K > clauses[c].end) continue;
    const list = landmarks.get(hashes[d]);
    if (list) list.push(d);
    else landmarks.set(hashes[d], [d]);
  }
  for (const [h, list] of landmarks) if (list.length > MAX_LANDMARK_REPEATS) landmarks.delete(h);

  const wordStarts = new Uint8Array(norm.text.length + 1);
  const normBoundaries = [...new Set(wordBoundaries(doc.wordLengths, doc.text.length).map((b) => toNormalizedIndex(norm, b)))];
  for (const b of normBoundaries) wordStarts[b] = 1;
  return { doc, norm, clauses, clauseAt, landmarks, wordStarts, lexicon: lexiconOf(norm.text, normBoundaries) };
}

/**
 * `simplified`: a traditional page's text in simplified characters (what
 * `norm` was made from), where the markers are looked for (`第三條` is
 * `第三条`); they are reported as printed, with offsets into `original`.
 */
export function preparePage(original: string, norm: NormalizedText = normalize(original), simplified?: ConvertedText): PreparedPage {
  return finish(preparePageInSteps(original, norm, simplified));
}

/** `preparePage` in steps (./steps.ts): the markers, then the k-grams a stretch at a time. */
export function* preparePageInSteps(original: string, norm: NormalizedText, simplified?: ConvertedText): Steps<PreparedPage> {
  const markers = findMarkers(simplified?.text ?? original).map((m) => {
    const [start, end] = simplified ? toOriginalRange(simplified, m.start, m.end) : [m.start, m.end];
    return {
      ...m,
      start,
      end,
      label: simplified ? original.slice(start, end) : m.label,
      normStart: toNormalizedIndex(norm, start),
      normEnd: toNormalizedIndex(norm, end),
    };
  });
  yield;
  return { original, norm, markers, kgrams: yield* kgramHashesInSteps(norm.text, LANDMARK_K) };
}
