/**
 * Comparison of a placed document with the page: the deviations, classified,
 * at their clause. Works in normalized offsets; the engine maps them back.
 *
 * First the page's relation to the document (relation.ts): reprint, excerpt
 * or quotation. Warnings are only about what the page reproduces:
 *
 * - Wording: a word diff of each clause body against its page region, in
 *   passages: an excerpt or a quotation may stop and start again inside a
 *   clause (an ellipsis, a closing quote, the story's own words).
 * - Reorder: clauses outside the longest run in canonical order, one each
 *   (not in a quotation: a story quotes in the order it likes).
 * - Omission of whole clauses only inside a run of a reprint (an excerpt's
 *   left-out parts are summarized by the relation), insertions between
 *   clauses of a run only where the text is not the document's own.
 * - Marker: a clause under a different label, or none, within a run.
 * At the edges of a passage, text missing from the clause is "not reprinted",
 * not omitted (a newspaper page that starts in the middle of a clause).
 */
import type { Placement } from './align';
import type { DeviationKind } from './report';
import { diffWords, type Change } from './diff';
import { segmentByLexicon } from '../corpus/words';
import { sameLabel } from '../text/markers';
import type { PreparedDocument, PreparedPage } from './prepare';
import { classifyRelation, shapeOf, type RelationSummary } from './relation';
import { finish, type Steps } from './steps';

/** A deviation in normalized offsets (canonical: document; page: page). */
export interface RawDeviation {
  clause: number;
  kind: DeviationKind;
  canonicalStart: number;
  canonicalEnd: number;
  pageStart: number;
  pageEnd: number;
  /** A whole clause omitted: its numbers did not change, the clause is missing. */
  wholeClause?: boolean;
  /** Set for marker deviations: the labels compared. */
  canonicalLabel?: string;
  pageLabel?: string;
}

export interface ClauseComparison {
  placement: Placement;
  /** Canonical range from the first to the last text reproduced (normalized document offsets). */
  canonicalStart: number;
  canonicalEnd: number;
  /** Canonical characters reproduced word for word. */
  equal: number;
  /** The stretches of the clause the page reproduces (normalized offsets); one for a whole clause. */
  passages: RawPassage[];
}

export interface RawPassage {
  canonicalStart: number;
  canonicalEnd: number;
  pageStart: number;
  pageEnd: number;
}

export interface Comparison {
  clauses: ClauseComparison[];
  deviations: RawDeviation[];
  relation: RelationSummary;
}

/** Longest page gap between two clauses that still counts as one run of reprinted text. */
const RUN_GAP = 40;
/** Identical characters that show a run of reprinted text has begun (or not yet ended). */
const SOLID = 8;
/** Longest word swap at the edge of a quote that is still taken as an edit. */
const EDGE_EDIT = 4;

export function compareDocument(doc: PreparedDocument, page: PreparedPage, placements: Placement[]): Comparison {
  return finish(compareDocumentInSteps(doc, page, placements));
}

/** `compareDocument` in steps (./steps.ts): one placed clause each. */
export function* compareDocumentInSteps(doc: PreparedDocument, page: PreparedPage, placements: Placement[]): Steps<Comparison> {
  const deviations: RawDeviation[] = [];
  const clauses: ClauseComparison[] = [];
  const placed = new Set(placements.map((p) => p.clause));
  const inOrder = longestCanonicalRun(placements);
  const runs = groupRuns(page, placements);
  const relation = classifyRelation(
    shapeOf(doc.doc),
    runs.map((run) => run.map((p) => p.clause)),
    placed,
  );
  const reprint = relation.relation === 'reprint';
  const quotation = relation.relation === 'quotation';

  for (let i = 0; i < placements.length; i++) {
    if (i > 0) yield;
    const placement = placements[i];
    const prev = placements[i - 1];
    const next = placements[i + 1];
    const joinedBefore = prev !== undefined && inSameRun(page, prev, placement);
    const joinedAfter = next !== undefined && inSameRun(page, placement, next);
    const geometry = doc.clauses[placement.clause];
    const canonical = doc.norm.text.slice(geometry.bodyStart, geometry.end);
    const pageText = page.norm.text.slice(placement.start, placement.end);

    const changes = diffWords(canonical, pageText, {
      canonical: (i) => doc.wordStarts[geometry.bodyStart + i] === 1,
      page: (text) => segmentByLexicon(text, doc.lexicon),
    });
    // A reprint reproduces the clause whole; an excerpt or a quotation may
    // stop and start again inside it (an ellipsis, a closing quote and the
    // page's own words): each stretch is a passage, trimmed at its edges.
    const segments: Segment[] = reprint ? [{ changes }] : splitAtGaps(changes, pageText, quotation);
    let passages: ClausePassage[] = [];
    segments.forEach((segment, k) => {
      const lo = k === 0 ? 0 : segments[k - 1].gapAfter!.aEnd;
      const hi = k + 1 < segments.length ? segment.gapAfter!.aStart : canonical.length;
      const bLo = k === 0 ? 0 : segments[k - 1].gapAfter!.bEnd;
      const bHi = k + 1 < segments.length ? segment.gapAfter!.bStart : pageText.length;
      const passage = trimPassage(segment.changes, lo, hi, bLo, bHi, k === 0 && joinedBefore, k + 1 === segments.length && joinedAfter);
      if (passage) passages.push(passage);
    });
    // Between the page's own words, a few characters the clause also has are chance, not a passage.
    const solid = passages.filter((p) => equalIn(p) >= SOLID);
    if (solid.length > 0) passages = solid;

    let equal = 0;
    for (const passage of passages) {
      for (const c of passage.changes) {
        deviations.push({
          clause: placement.clause,
          kind: c.aStart === c.aEnd ? 'insertion' : c.bStart === c.bEnd ? 'omission' : 'substitution',
          canonicalStart: geometry.bodyStart + c.aStart,
          canonicalEnd: geometry.bodyStart + c.aEnd,
          pageStart: placement.start + c.bStart,
          pageEnd: placement.start + c.bEnd,
        });
      }
      equal += Math.max(0, equalIn(passage));
    }
    const first = passages[0];
    const last = passages[passages.length - 1];
    clauses.push({
      placement,
      canonicalStart: geometry.bodyStart + (first?.aFrom ?? 0),
      canonicalEnd: geometry.bodyStart + (last?.aTo ?? 0),
      equal,
      passages: passages.map((p) => ({
        canonicalStart: geometry.bodyStart + p.aFrom,
        canonicalEnd: geometry.bodyStart + p.aTo,
        pageStart: placement.start + p.bFrom,
        pageEnd: placement.start + p.bTo,
      })),
    });

    // A clause out of order was moved, if the page copies the document (a story quotes in any order).
    if (!quotation && !inOrder.has(placement.clause) && (joinedBefore || joinedAfter || reprint)) {
      deviations.push({
        clause: placement.clause,
        kind: 'reorder',
        canonicalStart: geometry.start,
        canonicalEnd: geometry.end,
        pageStart: placement.marker?.normStart ?? placement.start,
        pageEnd: placement.end,
      });
    }

    // A quote needs no label; a label it prints must be the clause's.
    const expected = geometry.marker;
    if (expected && ((joinedBefore && !quotation) || placement.marker)) {
      const found = placement.marker;
      if (!found || !sameLabel(found, expected)) {
        deviations.push({
          clause: placement.clause,
          kind: 'marker',
          canonicalStart: geometry.start,
          canonicalEnd: geometry.bodyStart,
          pageStart: found?.normStart ?? placement.start,
          pageEnd: found?.normEnd ?? placement.start,
          canonicalLabel: expected.label,
          pageLabel: found?.label ?? '',
        });
      }
    }

    if (next && joinedAfter && next.clause > placement.clause && !quotation) {
      // Whole clauses missing from the middle of a reprint (an excerpt's left-out parts are summarized, not warned).
      for (let c = placement.clause + 1; c < next.clause && reprint; c++) {
        if (placed.has(c)) continue;
        const g = doc.clauses[c];
        deviations.push({
          clause: c,
          kind: 'omission',
          canonicalStart: g.start,
          canonicalEnd: g.end,
          pageStart: placement.end,
          pageEnd: placement.end,
          wholeClause: true,
        });
      }
      // Text between two clauses of a run, other than the next clause's marker and text the document has.
      const gapEnd = next.marker ? next.marker.normStart : next.start;
      const gap = page.norm.text.slice(placement.end, gapEnd);
      if (gapEnd > placement.end && hasWords(gap) && !isElision(gap) && !doc.norm.text.includes(gap)) {
        deviations.push({
          clause: placement.clause,
          kind: 'insertion',
          canonicalStart: geometry.end,
          canonicalEnd: geometry.end,
          pageStart: placement.end,
          pageEnd: gapEnd,
        });
      }
    }
  }
  return { clauses, deviations, relation };
}

/** The changes of one stretch of a clause, and the gap that ends it (none for the last). */
interface Segment {
  changes: Change[];
  gapAfter?: Change;
}

/** A stretch of a clause the page reproduces: canonical `[aFrom, aTo)`, page `[bFrom, bTo)` (clause-relative), and its changes. */
interface ClausePassage {
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
  changes: Change[];
}

/** Page text this long inside a quotation is the page's own words, not an edit of the quote. */
const OWN_WORDS = 10;

/**
 * Split a clause's changes where the page stops reproducing it and starts
 * again: an elision (`……`, `（略）`), a quote mark the canonical text does not
 * have there, or, in a quotation, a stretch of the page's own words.
 */
function splitAtGaps(changes: Change[], pageText: string, quotation: boolean): Segment[] {
  const segments: Segment[] = [{ changes: [] }];
  for (const c of changes) {
    const b = pageText.slice(c.bStart, c.bEnd);
    const gap = isElision(b) || /["']/.test(b) || (quotation && b.length >= OWN_WORDS);
    if (gap) {
      segments[segments.length - 1].gapAfter = c;
      segments.push({ changes: [] });
    } else segments[segments.length - 1].changes.push(c);
  }
  return segments;
}

/**
 * What of a stretch is reproduced: at an edge that is not joined to more of
 * the document, the text before the first solid run of identical characters
 * is not reproduced (a quote that starts mid-clause), and likewise at the
 * end; except a word reworded right at the edge, which is an edit.
 */
function trimPassage(
  changes: Change[],
  lo: number,
  hi: number,
  bLo: number,
  bHi: number,
  joinedBefore: boolean,
  joinedAfter: boolean,
): ClausePassage | undefined {
  const before = (k: number) => changes[k].aStart - (k > 0 ? changes[k - 1].aEnd : lo);
  const after = (k: number) => (k + 1 < changes.length ? changes[k + 1].aStart : hi) - changes[k].aEnd;
  const isEdgeEdit = (k: number) => {
    const c = changes[k];
    const a = c.aEnd - c.aStart;
    const b = c.bEnd - c.bStart;
    const short = a > 0 && b > 0 && a <= EDGE_EDIT && b <= EDGE_EDIT;
    return short && (after(k) >= SOLID || before(k) >= SOLID);
  };
  let from = 0;
  let to = changes.length;
  let aFrom = lo;
  let bFrom = bLo;
  let aTo = hi;
  let bTo = bHi;
  if (!joinedBefore) {
    while (from < changes.length && before(from) < SOLID && !isEdgeEdit(from)) from++;
    if (from > 0) {
      aFrom = changes[from - 1].aEnd;
      bFrom = changes[from - 1].bEnd;
    }
  }
  if (!joinedAfter) {
    while (to > from && after(to - 1) < SOLID && !isEdgeEdit(to - 1)) to--;
    if (to < changes.length) {
      aTo = changes[to].aStart;
      bTo = changes[to].bStart;
    }
  }
  if (aTo <= aFrom) return undefined;
  return { aFrom, aTo, bFrom, bTo: Math.max(bFrom, bTo), changes: changes.slice(from, to) };
}

/** Canonical characters of a passage the page reproduces word for word. */
function equalIn(p: ClausePassage): number {
  let changed = 0;
  for (const c of p.changes) changed += c.aEnd - c.aStart;
  return p.aTo - p.aFrom - changed;
}

/** Page text that says "left out here": an ellipsis, `（略）`, `(节选)`. */
function isElision(text: string): boolean {
  return /^[，。；、]*(?:…+|[（〔(](?:略|节选|摘要|有删节)[）〕)])[，。；、]*$/.test(text) || /^…+$/.test(text);
}

/** Placements grouped in runs: page-consecutive clauses printed one after another, in canonical order. */
function groupRuns(page: PreparedPage, placements: Placement[]): Placement[][] {
  const runs: Placement[][] = [];
  placements.forEach((p, i) => {
    if (i > 0 && inSameRun(page, placements[i - 1], p)) runs[runs.length - 1].push(p);
    else runs.push([p]);
  });
  return runs;
}

function hasWords(text: string): boolean {
  return /[0-9A-Za-z\u3400-\u9fff]/.test(text);
}

/** Two page-consecutive placements belong to one run of reprinted text. */
function inSameRun(page: PreparedPage, a: Placement, b: Placement): boolean {
  if (b.clause <= a.clause) return false;
  const gapEnd = b.marker ? b.marker.normStart : b.start;
  return gapEnd - a.end <= RUN_GAP;
}

/** Clauses in the longest subsequence that keeps canonical order (the rest were moved). */
function longestCanonicalRun(placements: Placement[]): Set<number> {
  const n = placements.length;
  const tails: number[] = [];
  const prev = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = placements[i].clause;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (placements[tails[mid]].clause < c) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const run = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) run.add(placements[i].clause);
  return run;
}
