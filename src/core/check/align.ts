/**
 * Alignment by content: finds, for each canonical clause, the page region
 * that reproduces it, from shared k-grams ("landmarks": k-grams that occur at most twice in the document), never from the page's
 * labels, which may be missing, renumbered or wrong. Each clause is placed on
 * its own, so reordered parts, partial reprints and quotations amid
 * commentary need no special case; headings, too short for landmarks, are then
 * looked for between their placed neighbours.
 */
import { toOriginalRange } from '../text/normalize';
import { LANDMARK_K, type PageMarker, type PreparedDocument, type PreparedPage } from './prepare';
import { finish, stepEnds, type Steps } from './steps';

/** A canonical clause placed on the page (normalized page offsets). */
export interface Placement {
  /** Index into `doc.clauses`. */
  clause: number;
  /** Page region of the clause body (after any marker). */
  start: number;
  end: number;
  /** Page span actually covered by landmarks. */
  firstLandmark: number;
  lastLandmarkEnd: number;
  /** Number of landmarks supporting the placement. */
  support: number;
  /** The page marker linked to this clause, if any. */
  marker?: PageMarker;
}

interface Landmark {
  p: number;
  d: number;
}

/** Longest jump between two landmarks of one chain, in page characters. */
const MAX_LANDMARK_GAP = 80;
/** Longest text inserted or dropped inside a clause that still leaves it one placement. */
const MAX_CHAIN_GAP = 400;
/**
 * Text inserted inside a clause is at most about as long as the clause (an
 * editor's note in a short article): beyond that, two chains far apart on the
 * page are two places that share a phrase (a law's title, repeated in one
 * of its short articles), not one clause.
 */
const MIN_INSERTION_ALLOWED = 80;
/** Fewest landmarks for a chain to join others in one placement. */
const MIN_CHAIN = 3;
/** A placement must be supported by landmarks over this share of the clause body… */
const MIN_SUPPORT_SHARE = 0.2;
/** …and by at least this many landmarks. */
const MIN_SUPPORT = 4;
/** How far before a region a marker may stand and still label it. */
const MARKER_REACH = 8;
/** How far a heading may stand before its clause when the clause before it is not on the page. */
const HEADING_REACH = 60;

/** A page region (normalized offsets) that alone is looked at: a short quote (short-quotation.ts). */
export interface QuotedRegion {
  start: number;
  end: number;
}

/** In a short quote, landmarks over this share of it place its clause, however long the clause. */
const MIN_QUOTE_SUPPORT_SHARE = 0.6;

export function placeClauses(doc: PreparedDocument, page: PreparedPage, quoted?: QuotedRegion): Placement[] {
  return finish(placeClausesInSteps(doc, page, quoted));
}

/** Page positions, landmarks or chains per step (a power of two): on a long page, a few milliseconds of work. */
const STEP_ITEMS = 1 << 14;

/** `placeClauses` in steps (./steps.ts): a long page's landmarks a stretch at a time, then each clause. */
export function* placeClausesInSteps(doc: PreparedDocument, page: PreparedPage, quoted?: QuotedRegion): Steps<Placement[]> {
  const landmarksByClause = yield* collectLandmarks(doc, page, quoted);
  const placements: Placement[] = [];
  for (let clause = 0; clause < landmarksByClause.length; clause++) {
    const landmarks = landmarksByClause[clause];
    if (landmarks.length === 0 || isShort(doc, clause)) continue;
    const geometry = doc.clauses[clause];
    const bodyLength = geometry.end - geometry.bodyStart;
    const chain = yield* bestChain(landmarks, bodyLength);
    yield;
    let needed = Math.max(MIN_SUPPORT, Math.min(bodyLength - LANDMARK_K + 1, MIN_SUPPORT_SHARE * bodyLength));
    if (quoted) needed = Math.min(needed, Math.max(MIN_SUPPORT, MIN_QUOTE_SUPPORT_SHARE * (quoted.end - quoted.start)));
    if (chain.length < needed) continue;
    const first = chain[0];
    const last = chain[chain.length - 1];
    // A short quote's clause is the quote: the story's words around it are not part of it.
    placements.push({
      clause,
      start: Math.max(quoted?.start ?? 0, first.p - (first.d - geometry.bodyStart)),
      end: Math.min(quoted?.end ?? page.norm.text.length, last.p + (geometry.end - last.d)),
      firstLandmark: first.p,
      lastLandmarkEnd: last.p + LANDMARK_K,
      support: chain.length,
    });
  }
  placements.sort((a, b) => a.start - b.start || a.clause - b.clause);
  stopAtMarkers(page, placements);
  yield;
  resolveOverlaps(placements);
  placeShortClauses(doc, page, placements);
  resolveOverlaps(placements);
  linkMarkers(doc, page, placements);
  return placements;
}

/**
 * A region estimated from its landmarks may overshoot where the page changed
 * the clause's first or last words; a marker opening a line beyond the
 * landmark span belongs to what comes next (or is the clause's own label).
 */
function stopAtMarkers(page: PreparedPage, placements: Placement[]): void {
  for (const p of placements) {
    for (const m of page.markers) {
      if (m.normStart >= p.lastLandmarkEnd && m.normStart < p.end) p.end = m.normStart;
      if (m.normEnd > p.start && m.normEnd <= p.firstLandmark) p.start = m.normEnd;
    }
  }
}

function* collectLandmarks(doc: PreparedDocument, page: PreparedPage, quoted?: QuotedRegion): Steps<Landmark[][]> {
  const byClause: Landmark[][] = doc.clauses.map(() => []);
  const { kgrams } = page;
  const from = quoted ? quoted.start : 0;
  const to = quoted ? Math.min(kgrams.length, quoted.end - LANDMARK_K + 1) : kgrams.length;
  for (let p = from; p < to; p++) {
    if (stepEnds(p, STEP_ITEMS)) yield;
    const positions = doc.landmarks.get(kgrams[p]);
    if (!positions) continue;
    for (const d of positions) byClause[doc.clauseAt[d]].push({ p, d });
  }
  return byClause;
}

/**
 * The landmarks that best explain a clause: chains of landmarks increasing on
 * both sides, each step close on the page and near the diagonal (rewording
 * grows or shrinks text a little), then the best sequence of such chains
 * (a dropped or inserted sentence breaks the diagonal between two chains).
 */
function* bestChain(landmarks: Landmark[], bodyLength: number): Steps<Landmark[]> {
  const maxInsertion = Math.max(MIN_INSERTION_ALLOWED, bodyLength);
  const all = yield* diagonalChains(landmarks);
  // Lone landmarks are chance matches (page chrome, commentary): only the best chain may be that thin.
  const longest = Math.max(...all.map((c) => c.length));
  const chains = all.filter((c) => c.length >= MIN_CHAIN || c.length === longest);
  // Best-scoring sequence of chains in order on both sides (chains are few):
  // a chain overlapping its predecessor contributes only the landmarks beyond
  // it, or the predecessor gives up its landmarks from where the chain starts
  // (a chance landmark in commentary may have drifted onto its end).
  const score = chains.map((c) => c.length);
  const from = chains.map(() => -1);
  /** Per chain: how many landmarks its predecessor in the sequence keeps (all but those it gave up). */
  const keep = chains.map(() => Infinity);
  const joinable = (pageGap: number, docGap: number) =>
    pageGap <= MAX_CHAIN_GAP && docGap <= MAX_CHAIN_GAP && pageGap - docGap <= maxInsertion;
  // Chains are few, except on a page that repeats the document (a step every few chains then).
  let work = 0;
  for (let j = 0; j < chains.length; j++) {
    work += j;
    if (work >= STEP_ITEMS / 8) {
      work = 0;
      yield;
    }
    const head = chains[j][0];
    for (let i = 0; i < j; i++) {
      const last = chains[i][chains[i].length - 1];
      if (head.p - last.p > MAX_CHAIN_GAP) continue; // ends too far back for either way of joining
      const firstBeyond = firstIndex(chains[j], (a) => a.p > last.p && a.d > last.d);
      const beyond = chains[j].length - firstBeyond;
      if (beyond > 0 && joinable(chains[j][firstBeyond].p - last.p, chains[j][firstBeyond].d - last.d)) {
        if (score[i] + beyond > score[j]) {
          score[j] = score[i] + beyond;
          from[j] = i;
          keep[j] = Infinity;
        }
      }
      const kept = firstIndex(chains[i], (a) => a.p >= head.p || a.d >= head.d);
      const given = chains[i].length - kept;
      if (given === 0 || kept === 0) continue;
      const at = chains[i][kept - 1];
      if (!joinable(head.p - at.p, head.d - at.d)) continue;
      if (score[i] - given + chains[j].length > score[j]) {
        score[j] = score[i] - given + chains[j].length;
        from[j] = i;
        keep[j] = kept;
      }
    }
  }
  let best = 0;
  for (let j = 1; j < chains.length; j++) if (score[j] > score[best]) best = j;
  const sequence: number[] = [];
  for (let j = best; j >= 0; j = from[j]) sequence.unshift(j);
  const picked: Landmark[] = [];
  sequence.forEach((j, k) => {
    const next = sequence[k + 1];
    const chain = next !== undefined && keep[next] !== Infinity ? chains[j].slice(0, keep[next]) : chains[j];
    const last = picked[picked.length - 1];
    for (const a of chain) if (!last || (a.p > last.p && a.d > last.d)) picked.push(a);
  });
  return picked;
}

/**
 * The first index of a chain where `from` holds, or its length. A chain
 * increases on both sides, so "past a point on both sides" and "at or past
 * it on either" hold from some index on: binary search, not a scan (a long
 * page of chance landmarks has many chains to join).
 */
function firstIndex(chain: Landmark[], from: (a: Landmark) => boolean): number {
  let lo = 0;
  let hi = chain.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (from(chain[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function* diagonalChains(landmarks: Landmark[]): Steps<Landmark[][]> {
  const chains: Landmark[][] = [];
  // Landmarks come in page order: a chain whose last landmark is too far behind can never grow again.
  let active: Landmark[][] = [];
  let work = 0;
  for (const a of landmarks) {
    work += 1 + active.length;
    if (work >= STEP_ITEMS) {
      work = 0;
      yield;
    }
    if (active.length > 8) active = active.filter((c) => a.p - c[c.length - 1].p <= MAX_LANDMARK_GAP);
    // Join the chain this landmark continues with the least drift from its
    // diagonal: a repeated phrase also yields landmarks off the true diagonal.
    let target: Landmark[] | undefined;
    let targetDrift = Infinity;
    for (const chain of active) {
      const last = chain[chain.length - 1];
      const dp = a.p - last.p;
      const dd = a.d - last.d;
      if (dp <= 0 || dd <= 0 || dp > MAX_LANDMARK_GAP) continue;
      const drift = Math.abs(dp - dd);
      if (drift > 6 + 0.5 * Math.max(dp, dd)) continue;
      if (drift < targetDrift || (drift === targetDrift && last.p > target![target!.length - 1].p)) {
        target = chain;
        targetDrift = drift;
      }
    }
    if (target) target.push(a);
    else {
      const chain = [a];
      chains.push(chain);
      active.push(chain);
    }
  }
  return chains.sort((a, b) => a[0].p - b[0].p);
}

/** Neighbouring regions must not overlap: cut between their landmark spans. */
function resolveOverlaps(placements: Placement[]): void {
  for (let i = 1; i < placements.length; i++) {
    const a = placements[i - 1];
    const b = placements[i];
    if (a.end <= b.start) continue;
    const cut = Math.max(a.lastLandmarkEnd, Math.min(b.start, b.firstLandmark));
    a.end = Math.max(a.lastLandmarkEnd, Math.min(a.end, cut));
    b.start = Math.max(b.start, a.end);
  }
}

/** Clauses shorter than this are placed between their neighbours, not by landmarks. */
export const SHORT_CLAUSE = 24;

function isShort(doc: PreparedDocument, index: number): boolean {
  const g = doc.clauses[index];
  return doc.doc.clauses[index].kind === 'heading' || g.end - g.bodyStart < SHORT_CLAUSE;
}

/**
 * Headings and other short paragraphs (a signature, a title line) are too
 * short for landmarks: look for each between the placed clauses around it, by
 * its text first, then by a marker of its kind. A longer clause that has no
 * landmarks enough is looked for too, by its text only and only between two
 * placed neighbours.
 */
function placeShortClauses(doc: PreparedDocument, page: PreparedPage, placements: Placement[]): void {
  const byClause = new Map(placements.map((p) => [p.clause, p]));
  const text = page.norm.text;
  const headings = new Set<string>();
  doc.doc.clauses.forEach((c, i) => {
    if (c.kind === 'heading') headings.add(doc.norm.text.slice(doc.clauses[i].bodyStart, doc.clauses[i].end));
  });
  doc.doc.clauses.forEach((clause, index) => {
    if (byClause.has(index)) return;
    // A clause too short for landmarks, or one whose words all recur elsewhere in the document (a statute's
    // "被申请人不履行法定职责的，…" article has no k-gram of its own): found word for word between its neighbours.
    const short = isShort(doc, index);
    const before = byClause.get(index - 1);
    const after = byClause.get(index + 1);
    if (!short && !(before && after)) return;
    // Search between the neighbours' landmark span (their estimated edges may
    // overshoot into the heading), widest first.
    const windows: [number, number, boolean][] = [];
    if (before && after && before.lastLandmarkEnd <= after.firstLandmark) {
      windows.push([before.lastLandmarkEnd, after.firstLandmark, false]);
      if (before.end <= after.start) windows.push([before.end, after.start, true]);
    }
    if (short && after) windows.push([Math.max(0, after.firstLandmark - HEADING_REACH), after.firstLandmark, false]);
    if (short && before) windows.push([before.lastLandmarkEnd, Math.min(text.length, before.lastLandmarkEnd + HEADING_REACH), false]);

    const geometry = doc.clauses[index];
    const body = doc.norm.text.slice(geometry.bodyStart, geometry.end);
    for (const [lo, hi, between] of windows) {
      const found = findShortClause(page, headings, body, clause.kind === 'heading', lo, hi, between);
      if (!found) continue;
      const placement: Placement = {
        clause: index,
        start: found[0],
        end: found[1],
        firstLandmark: found[0],
        lastLandmarkEnd: found[1],
        support: 0,
      };
      placements.push(placement);
      byClause.set(index, placement);
      return;
    }
  });
  placements.sort((a, b) => a.start - b.start || a.clause - b.clause);
}

function findShortClause(
  page: PreparedPage,
  headings: Set<string>,
  body: string,
  heading: boolean,
  lo: number,
  hi: number,
  between: boolean,
): [number, number] | undefined {
  if (hi <= lo) return undefined;
  const window = page.norm.text.slice(lo, hi);
  const exact = window.lastIndexOf(body);
  if (exact >= 0) return [lo + exact, lo + exact + body.length];
  if (!heading) return undefined;
  const marker = page.markers.find(
    (m) => m.normStart >= lo && m.normEnd <= hi && (m.style === 'cn-enum' || m.style === 'arabic-enum' || m.style === 'chapter'),
  );
  // Another heading of the document printed word for word is that heading
  // (an excerpt that left out the parts between), not this one renumbered.
  const isOtherHeading = (start: number, end: number) => {
    const text = page.norm.text.slice(start, end);
    return text !== body && headings.has(text);
  };
  if (marker) {
    const end = lineEndAfter(page, marker.normEnd, hi);
    return isOtherHeading(marker.normEnd, end) ? undefined : [marker.normEnd, end];
  }
  // A heading stripped of its label between two placed clauses (spun
  // copies), up to the next clause's marker, if any.
  const nextMarker = page.markers.find((m) => m.normStart >= lo && m.normStart < hi);
  const end = nextMarker ? nextMarker.normStart : hi;
  if (between && end - lo >= 2 && end - lo <= 2 * body.length + 8 && !isOtherHeading(lo, end)) return [lo, end];
  return undefined;
}

/** Normalized offset of the end of the original line holding `from`, capped at `limit`. */
function lineEndAfter(page: PreparedPage, from: number, limit: number): number {
  const { norm, original } = page;
  for (let i = from + 1; i < limit; i++) {
    const gapStart = norm.ends[i - 1];
    const gapEnd = norm.starts[i];
    if (original.slice(gapStart, gapEnd).includes('\n')) return i;
  }
  return limit;
}

/**
 * A marker standing just before a placed numbered clause or heading labels
 * it, whatever number it prints: the content decides which clause it is.
 */
function linkMarkers(doc: PreparedDocument, page: PreparedPage, placements: Placement[]): void {
  let m = 0;
  let previousEnd = 0;
  for (const placement of placements) {
    const kind = doc.doc.clauses[placement.clause].kind;
    if (kind !== 'paragraph') {
      while (m < page.markers.length && page.markers[m].normEnd < placement.start - MARKER_REACH) m++;
      const marker = page.markers[m];
      if (
        marker &&
        marker.normStart >= previousEnd &&
        marker.normEnd <= Math.max(placement.firstLandmark, placement.start) &&
        marker.normEnd >= placement.start - MARKER_REACH
      ) {
        placement.marker = marker;
        placement.start = Math.max(placement.start, marker.normEnd);
        m++;
      } else {
        placement.marker = inlineLabel(doc, page, placement, previousEnd);
      }
    }
    previousEnd = placement.end;
  }
}

/**
 * The canonical label printed right before a clause but not at a line start
 * (a heading run into the paragraph before it): linked, as it says the same.
 */
function inlineLabel(doc: PreparedDocument, page: PreparedPage, placement: Placement, previousEnd: number): PageMarker | undefined {
  const expected = doc.clauses[placement.clause].marker;
  if (!expected) return undefined;
  const label = doc.norm.text.slice(doc.clauses[placement.clause].start, doc.clauses[placement.clause].bodyStart);
  const start = placement.start - label.length;
  if (start < previousEnd || page.norm.text.slice(start, placement.start) !== label) return undefined;
  const [originalStart, originalEnd] = toOriginalRange(page.norm, start, placement.start);
  return {
    ...expected,
    start: originalStart,
    end: originalEnd,
    label: page.original.slice(originalStart, originalEnd),
    normStart: start,
    normEnd: placement.start,
  };
}
