/**
 * Comparison of a placed document with the page: the deviations, classified,
 * at their clause. Works in normalized offsets; the engine maps them back.
 *
 * - Wording: a word diff of each clause body against its page region.
 * - Reorder: clauses outside the longest run in canonical order, one each.
 * - Omission of whole clauses, and insertions between clauses, only inside a
 *   run of reprinted text: a page quoting two clauses amid commentary has
 *   not omitted the others, and its commentary is not an insertion.
 * - Marker: a clause under a different label, or none, within such a run.
 * At the edges of a run, text missing from the clause is "not reprinted",
 * not omitted (a newspaper page that starts in the middle of a clause).
 */
import type { Placement } from './align';
import type { DeviationKind } from './report';
import { diffWords, type Change } from './diff';
import { sameLabel } from '../text/markers';
import type { PreparedDocument, PreparedPage } from './prepare';

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
  /** Canonical range actually reprinted (normalized document offsets). */
  canonicalStart: number;
  canonicalEnd: number;
  /** Canonical characters reproduced word for word. */
  equal: number;
}

export interface Comparison {
  clauses: ClauseComparison[];
  deviations: RawDeviation[];
}

/** Longest page gap between two clauses that still counts as one run of reprinted text. */
const RUN_GAP = 40;
/** Identical characters that show a run of reprinted text has begun (or not yet ended). */
const SOLID = 8;
/** Longest word swap at the edge of a quote that is still taken as an edit. */
const EDGE_EDIT = 4;
/** Share of a document reprinted above which any clause out of order was moved. */
const REPRINT_COVERAGE = 0.5;

/** Canonical characters equal to the page before change k (since the previous change). */
function equalBefore(changes: Change[], k: number): number {
  return changes[k].aStart - (k > 0 ? changes[k - 1].aEnd : 0);
}

/** Canonical characters equal to the page after change k (until the next change or the end). */
function equalAfter(changes: Change[], k: number, length: number): number {
  return (k + 1 < changes.length ? changes[k + 1].aStart : length) - changes[k].aEnd;
}

/**
 * A word swapped for another of similar length, with solid identical text on
 * its inner side: an edit of the clause's edge, not text outside the quote.
 */
function isEdgeEdit(changes: Change[], k: number, length: number): boolean {
  const c = changes[k];
  const a = c.aEnd - c.aStart;
  const b = c.bEnd - c.bStart;
  const short = a > 0 && b > 0 && a <= EDGE_EDIT && b <= EDGE_EDIT;
  return short && (equalAfter(changes, k, length) >= SOLID || equalBefore(changes, k) >= SOLID);
}

export function compareDocument(doc: PreparedDocument, page: PreparedPage, placements: Placement[]): Comparison {
  const deviations: RawDeviation[] = [];
  const clauses: ClauseComparison[] = [];
  const placed = new Set(placements.map((p) => p.clause));
  const inOrder = longestCanonicalRun(placements);
  const reprint = placedShare(doc, placements) >= REPRINT_COVERAGE;

  placements.forEach((placement, i) => {
    const prev = placements[i - 1];
    const next = placements[i + 1];
    const joinedBefore = prev !== undefined && inSameRun(page, prev, placement);
    const joinedAfter = next !== undefined && inSameRun(page, placement, next);
    const geometry = doc.clauses[placement.clause];
    const canonical = doc.norm.text.slice(geometry.bodyStart, geometry.end);
    const pageText = page.norm.text.slice(placement.start, placement.end);

    let changes = diffWords(canonical, pageText);
    let aFrom = 0;
    let aTo = canonical.length;
    // At the edges of a run, what comes before the first solid stretch of
    // identical text is not reprinted (or is not ours), and likewise at the
    // end; except a reworded word right at the edge, which is an edit.
    if (!joinedBefore) {
      let cut = 0;
      while (cut < changes.length && equalBefore(changes, cut) < SOLID && !isEdgeEdit(changes, cut, canonical.length)) cut++;
      if (cut > 0) {
        aFrom = changes[cut - 1].aEnd;
        changes = changes.slice(cut);
      }
    }
    if (!joinedAfter) {
      let keep = changes.length;
      while (keep > 0 && equalAfter(changes, keep - 1, canonical.length) < SOLID && !isEdgeEdit(changes, keep - 1, canonical.length))
        keep--;
      if (keep < changes.length) {
        aTo = changes[keep].aStart;
        changes = changes.slice(0, keep);
      }
    }

    let changed = 0;
    for (const c of changes) {
      changed += c.aEnd - c.aStart;
      deviations.push({
        clause: placement.clause,
        kind: c.aStart === c.aEnd ? 'insertion' : c.bStart === c.bEnd ? 'omission' : 'substitution',
        canonicalStart: geometry.bodyStart + c.aStart,
        canonicalEnd: geometry.bodyStart + c.aEnd,
        pageStart: placement.start + c.bStart,
        pageEnd: placement.start + c.bEnd,
      });
    }
    const reprinted = Math.max(0, aTo - aFrom);
    clauses.push({
      placement,
      canonicalStart: geometry.bodyStart + aFrom,
      canonicalEnd: geometry.bodyStart + Math.max(aFrom, aTo),
      equal: Math.max(0, reprinted - changed),
    });

    // A clause out of order was moved, if the page reprints the document (not a story quoting it).
    if (!inOrder.has(placement.clause) && (joinedBefore || joinedAfter || reprint)) {
      deviations.push({
        clause: placement.clause,
        kind: 'reorder',
        canonicalStart: geometry.start,
        canonicalEnd: geometry.end,
        pageStart: placement.marker?.normStart ?? placement.start,
        pageEnd: placement.end,
      });
    }

    const expected = geometry.marker;
    if (expected && (joinedBefore || placement.marker)) {
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

    if (next && joinedAfter && next.clause > placement.clause) {
      // Whole clauses missing from the middle of a run.
      for (let c = placement.clause + 1; c < next.clause; c++) {
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
      // Text between two clauses of a run, other than the next clause's marker.
      const gapEnd = next.marker ? next.marker.normStart : next.start;
      if (gapEnd > placement.end && hasWords(page.norm.text.slice(placement.end, gapEnd))) {
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
  });
  return { clauses, deviations };
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

/** Share of the document's text (clause bodies) that was placed on the page. */
function placedShare(doc: PreparedDocument, placements: Placement[]): number {
  let total = 0;
  let placed = 0;
  const isPlaced = new Set(placements.map((p) => p.clause));
  doc.clauses.forEach((g, i) => {
    total += g.end - g.bodyStart;
    if (isPlaced.has(i)) placed += g.end - g.bodyStart;
  });
  return total > 0 ? placed / total : 0;
}
