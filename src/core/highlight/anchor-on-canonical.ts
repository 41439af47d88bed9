/**
 * Canonical anchoring: a highlight made on one reprint of a clause, stored
 * as the canonical clause's words, and found again on every other reprint of
 * that clause (according to the page's report). The page may print other
 * words there: the match says so (`changed`) and gives both.
 */
import type { CanonicalDocument } from '../corpus/corpus';
import type { AlignedClause, Report } from '../check/report';
import type { CanonicalAnchor } from './record';
import { normalize, toNormalizedIndex, toOriginalRange, type NormalizedText } from '../text/normalize';
import { CONTEXT_LENGTH, MAX_CONTEXT, contextBounds, roundScore } from './quote-context';

/** Below this the canonical words are not recognisably on the page, even inside their clause. */
export const MIN_CANONICAL_SCORE = 0.5;
/** Largest alignment matrix for canonical anchoring (pattern × region), in cells. */
const MAX_ALIGNMENT_CELLS = 8_000_000;

/** What canonical anchoring needs of a document: its id and full text (a `CanonicalDocument`, or what a content script has). */
export type CanonicalText = Pick<CanonicalDocument, 'id' | 'text'>;

export interface CanonicalMatch {
  /** Page offsets where this page prints the canonical words (`start === end`: it leaves them out). */
  start: number;
  end: number;
  score: number;
  documentId: string;
  clauseId: string;
  /** The page prints other words there (after normalization): show both. */
  changed: boolean;
  /** The highlight's canonical words… */
  canonicalText: string;
  /** …and what this page prints in their place. */
  pageText: string;
}

/**
 * Where a canonical highlight's words are on this page, which reprints its
 * clause (according to `report`), or null if the page does not have the
 * clause or the words are not recognisably there.
 */
export function anchorCanonical(text: string, report: Report, canonical: CanonicalAnchor): CanonicalMatch | null {
  return anchorCanonicalIn(text, normalize(text), report, canonical);
}

/**
 * The canonical anchor for a selection on this page, when it lies inside one
 * aligned clause: the selection's words located in the canonical clause
 * (fuzzily: on an altered reprint the page's words may differ).
 */
export function canonicalAnchorFor(
  text: string,
  report: Report,
  documents: readonly CanonicalText[],
  start: number,
  end: number,
): CanonicalAnchor | null {
  return canonicalAnchorIn(normalize(text), report, documents, start, end);
}

function findAligned(report: Report, documentId: string, clauseId: string): AlignedClause | undefined {
  return report.documents.find((d) => d.id === documentId)?.clauses.find((c) => c.clauseId === clauseId);
}

export function anchorCanonicalIn(text: string, page: NormalizedText, report: Report, canonical: CanonicalAnchor): CanonicalMatch | null {
  const clause = findAligned(report, canonical.documentId, canonical.clauseId);
  if (!clause) return null;
  const quote = normalize(canonical.exact).text;
  if (quote === '') return null;
  const prefix = normalize(canonical.prefix).text.slice(-MAX_CONTEXT);
  const suffix = normalize(canonical.suffix).text.slice(0, MAX_CONTEXT);
  // The clause's region on this page, with a little slack: alignment edges can be a character or two off.
  const SLACK = 16;
  const lo = Math.max(0, toNormalizedIndex(page, clause.pageStart) - SLACK);
  const hi = Math.min(page.text.length, toNormalizedIndex(page, clause.pageEnd) + SLACK);
  const located = locate(page.text.slice(lo, hi), prefix, quote, suffix);
  if (!located || located.score < MIN_CANONICAL_SCORE) return null;

  const qs = lo + located.start;
  const qe = lo + located.end;
  let start: number;
  let end: number;
  if (qe > qs) [start, end] = toOriginalRange(page, qs, qe);
  else start = end = qs < page.text.length ? page.starts[qs] : page.originalLength;
  return {
    start,
    end,
    score: roundScore(located.score),
    documentId: canonical.documentId,
    clauseId: canonical.clauseId,
    changed: page.text.slice(qs, qe) !== quote,
    canonicalText: canonical.exact,
    pageText: text.slice(start, end),
  };
}

export function canonicalAnchorIn(
  page: NormalizedText,
  report: Report,
  documents: readonly CanonicalText[],
  start: number,
  end: number,
): CanonicalAnchor | null {
  for (const match of report.documents) {
    const doc = documents.find((d) => d.id === match.id);
    if (!doc) continue;
    const clause = match.clauses.find((c) => c.pageStart <= start && end <= c.pageEnd);
    if (!clause) continue;
    const ns = toNormalizedIndex(page, start);
    const ne = toNormalizedIndex(page, end);
    const rs = toNormalizedIndex(page, clause.pageStart);
    const re = toNormalizedIndex(page, clause.pageEnd);
    const quote = page.text.slice(ns, ne);
    if (quote === '') return null;
    // The page's context, kept inside the clause: the canonical clause is all it is compared with.
    const prefix = page.text.slice(Math.max(rs, ns - CONTEXT_LENGTH), ns);
    const suffix = page.text.slice(ne, Math.min(re, ne + CONTEXT_LENGTH));

    const clauseText = doc.text.slice(clause.canonicalStart, clause.canonicalEnd);
    const canon = normalize(clauseText);
    const located = locate(canon.text, prefix, quote, suffix);
    if (!located || located.score < MIN_CANONICAL_SCORE || located.end <= located.start) return null;
    const [cs, ce] = toOriginalRange(canon, located.start, located.end).map((x) => x + clause.canonicalStart);
    const [ps, se] = contextBounds(canon, cs - clause.canonicalStart, ce - clause.canonicalStart, 0, clauseText.length).map(
      (x) => x + clause.canonicalStart,
    );
    return {
      documentId: doc.id,
      clauseId: clause.clauseId,
      clause: clause.clause,
      canonicalStart: cs,
      canonicalEnd: ce,
      exact: doc.text.slice(cs, ce),
      prefix: doc.text.slice(ps, cs),
      suffix: doc.text.slice(ce, se),
    };
  }
  return null;
}

interface Located {
  /** Where the quote part lies in the region (normalized). */
  start: number;
  end: number;
  /** 1 − edit distance / length of context + quote. */
  score: number;
}

/**
 * Find `prefix + quote + suffix` in a region, all of it (errors allowed),
 * and say where the quote part landed. Exact when possible; otherwise a
 * semi-global alignment (the pattern whole, the region free at both ends)
 * whose path gives the quote's boundaries: text inserted just before or
 * after the quote is left out of it, text inserted or changed inside is in.
 */
function locate(region: string, prefix: string, quote: string, suffix: string): Located | null {
  const pattern = prefix + quote + suffix;
  const at = region.indexOf(pattern);
  if (at >= 0) return { start: at + prefix.length, end: at + prefix.length + quote.length, score: 1 };

  const m = pattern.length;
  const n = region.length;
  if (n === 0 || (m + 1) * (n + 1) > MAX_ALIGNMENT_CELLS) return null;
  const width = n + 1;
  // Moves: 0 diagonal, 1 up (a pattern character the region lacks), 2 left (a region character the pattern lacks).
  const move = new Uint8Array((m + 1) * width);
  let prev = new Int32Array(width); // row 0: the pattern may start anywhere in the region
  let row = new Int32Array(width);
  for (let i = 1; i <= m; i++) {
    const c = pattern.charCodeAt(i - 1);
    row[0] = i;
    move[i * width] = 1;
    for (let j = 1; j <= n; j++) {
      const diagonal = prev[j - 1] + (c === region.charCodeAt(j - 1) ? 0 : 1);
      const up = prev[j] + 1;
      const left = row[j - 1] + 1;
      let value = diagonal;
      let dir = 0;
      if (up < value) [value, dir] = [up, 1];
      if (left < value) [value, dir] = [left, 2];
      row[j] = value;
      move[i * width + j] = dir;
    }
    [prev, row] = [row, prev];
  }
  let endColumn = 0;
  for (let j = 1; j <= n; j++) if (prev[j] < prev[endColumn]) endColumn = j;
  const distance = prev[endColumn];

  // Walk back; on the quote's first row keep the largest column, on the row after its last the smallest.
  const startRow = prefix.length;
  const endRow = prefix.length + quote.length;
  let quoteStart = -1;
  let quoteEnd = -1;
  let i = m;
  let j = endColumn;
  for (;;) {
    if (i === endRow) quoteEnd = j;
    if (i === startRow && quoteStart < 0) quoteStart = j;
    if (i === 0) break;
    const dir = move[i * width + j];
    if (dir === 0) {
      i--;
      j--;
    } else if (dir === 1) i--;
    else j--;
  }
  return { start: quoteStart, end: Math.max(quoteStart, quoteEnd), score: 1 - distance / m };
}
