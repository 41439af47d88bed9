/**
 * Diff of one canonical clause against its page text, at word granularity.
 *
 * A character diff (Myers, exact: no timeout, so it never degrades into
 * "delete everything, insert everything") finds what changed; each change is
 * then widened to the canonical text's word boundaries around it (segmented
 * once, when the corpus was built), so `推动`→`推进` is one substitution,
 * not `动`→`进`, in every browser alike.
 */

export type EditKind = 'equal' | 'delete' | 'insert';

/** A run of one kind: `a[aStart, aEnd)` against `b[bStart, bEnd)`. */
export interface Edit {
  kind: EditKind;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** A change between canonical (`a`) and page (`b`); one side may be empty. */
export interface Change {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Myers' O(ND) shortest edit script over UTF-16 code units. */
export function diffChars(a: string, b: string): Edit[] {
  let prefix = 0;
  const minLen = Math.min(a.length, b.length);
  while (prefix < minLen && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < minLen - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;

  const edits: Edit[] = [];
  if (prefix > 0) edits.push({ kind: 'equal', aStart: 0, aEnd: prefix, bStart: 0, bEnd: prefix });
  myersMiddle(a, b, prefix, a.length - suffix, prefix, b.length - suffix, edits);
  if (suffix > 0) {
    edits.push({ kind: 'equal', aStart: a.length - suffix, aEnd: a.length, bStart: b.length - suffix, bEnd: b.length });
  }
  return slideToBoundaries(mergeRuns(edits), a, b);
}

/** How good a place a boundary between `left` and `right` is for an edit to start or end. */
function boundaryScore(left: string | undefined, right: string | undefined): number {
  if (left === undefined || right === undefined) return 6;
  if ('。！？；'.includes(left)) return 5;
  if ('，、：'.includes(left)) return 3;
  if ('。！？；，、：'.includes(right)) return 1;
  return 0;
}

/**
 * A pure insertion or deletion next to repeated text can sit in several
 * places (`…工程。[加强群租房整治。]加快…` or `…工程。加[强群租房整治。加]快…`):
 * Myers picks one at random; move it to where it starts and ends at
 * sentence or clause punctuation, as a reader would describe it.
 */
function slideToBoundaries(edits: Edit[], a: string, b: string): Edit[] {
  for (let i = 1; i + 1 < edits.length; i++) {
    const prev = edits[i - 1];
    const e = edits[i];
    const next = edits[i + 1];
    if (prev.kind !== 'equal' || next.kind !== 'equal' || e.kind === 'equal') continue;
    const text = e.kind === 'delete' ? a : b;
    const s = e.kind === 'delete' ? e.aStart : e.bStart;
    const len = e.kind === 'delete' ? e.aEnd - e.aStart : e.bEnd - e.bStart;
    // How far the edit can move while the text it removes or adds stays the same.
    let left = 0;
    while (left < prev.aEnd - prev.aStart && text[s - left - 1] === text[s + len - left - 1]) left++;
    let right = 0;
    while (right < next.aEnd - next.aStart && text[s + right] === text[s + len + right]) right++;
    if (left === 0 && right === 0) continue;
    let bestShift = 0;
    let bestScore = -1;
    for (let shift = -left; shift <= right; shift++) {
      const at = s + shift;
      const score = boundaryScore(text[at - 1], text[at]) + boundaryScore(text[at + len - 1], text[at + len]);
      if (score > bestScore) {
        bestScore = score;
        bestShift = shift;
      }
    }
    if (bestShift === 0) continue;
    prev.aEnd += bestShift;
    prev.bEnd += bestShift;
    e.aStart += bestShift;
    e.aEnd += bestShift;
    e.bStart += bestShift;
    e.bEnd += bestShift;
    next.aStart += bestShift;
    next.bStart += bestShift;
  }
  return edits.filter((e) => e.aStart !== e.aEnd || e.bStart !== e.bEnd);
}

function myersMiddle(a: string, b: string, a0: number, a1: number, b0: number, b1: number, out: Edit[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 && m === 0) return;
  if (n === 0) {
    out.push({ kind: 'insert', aStart: a0, aEnd: a0, bStart: b0, bEnd: b1 });
    return;
  }
  if (m === 0) {
    out.push({ kind: 'delete', aStart: a0, aEnd: a1, bStart: b0, bEnd: b0 });
    return;
  }
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];
      else x = v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(a0 + x) === b.charCodeAt(b0 + y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Backtrack through the saved frontiers (trace[d] holds V before step d).
  const path: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d];
    const at = (k: number) => prev[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const snakeX = prevK === k + 1 ? prevX : prevX + 1;
    const snakeY = snakeX - k;
    if (x > snakeX) path.push({ kind: 'equal', aStart: a0 + snakeX, aEnd: a0 + x, bStart: b0 + snakeY, bEnd: b0 + y });
    if (prevK === k + 1) path.push({ kind: 'insert', aStart: a0 + prevX, aEnd: a0 + prevX, bStart: b0 + prevY, bEnd: b0 + prevY + 1 });
    else path.push({ kind: 'delete', aStart: a0 + prevX, aEnd: a0 + prevX + 1, bStart: b0 + prevY, bEnd: b0 + prevY });
    x = prevX;
    y = prevY;
  }
  if (x > 0) path.push({ kind: 'equal', aStart: a0, aEnd: a0 + x, bStart: b0, bEnd: b0 + y });
  for (let i = path.length - 1; i >= 0; i--) out.push(path[i]);
}

function mergeRuns(edits: Edit[]): Edit[] {
  const merged: Edit[] = [];
  for (const e of edits) {
    if (e.aStart === e.aEnd && e.bStart === e.bEnd) continue;
    const last = merged[merged.length - 1];
    if (last && last.kind === e.kind && last.aEnd === e.aStart && last.bEnd === e.bStart) {
      last.aEnd = e.aEnd;
      last.bEnd = e.bEnd;
    } else merged.push({ ...e });
  }
  return merged;
}

/** Characters shared by both sides, as a share of `a`. */
export function equalShare(edits: Edit[], aLength: number): number {
  if (aLength === 0) return 1;
  let equal = 0;
  for (const e of edits) if (e.kind === 'equal') equal += e.aEnd - e.aStart;
  return equal / aLength;
}

/**
 * Word boundaries of both texts, by position: the canonical text's come
 * with its document (segmented once, at build time), the page's from that
 * document's own words (corpus/words.ts), never from the runtime's
 * segmenter, so every engine widens alike.
 */
export interface WordBreaks {
  /** Whether a canonical word starts (or ends) at a position of `a`. */
  canonical: (aPos: number) => boolean;
  /** The word boundaries of a few characters of the page, from 0 to `text.length`. */
  page: (text: string) => number[];
}

/** No word boundaries known: changes stay at character granularity. */
export const characterBreaks: WordBreaks = { canonical: () => true, page: (text) => [...Array(text.length + 1).keys()] };

/** How far around a change to look for the enclosing word. */
const WORD_CONTEXT = 4;
/** Changes closer than this (in equal characters) are one change. */
const JOIN_GAP = 1;

/**
 * The changes between `a` (canonical) and `b` (page), each widened to whole
 * words. `a` and `b` should be normalized text.
 */
export function diffWords(a: string, b: string, breaks: WordBreaks): Change[] {
  const edits = diffChars(a, b);
  const changes: Change[] = [];
  for (const e of edits) {
    if (e.kind === 'equal') continue;
    const last = changes[changes.length - 1];
    if (last && e.aStart - last.aEnd <= JOIN_GAP && e.bStart - last.bEnd <= JOIN_GAP) {
      last.aEnd = Math.max(last.aEnd, e.aEnd);
      last.bEnd = Math.max(last.bEnd, e.bEnd);
    } else changes.push({ aStart: e.aStart, aEnd: e.aEnd, bStart: e.bStart, bEnd: e.bEnd });
  }
  // Each change may widen over the equal run beside it, up to its neighbour.
  const widened = changes.map((c, i) => {
    const before = i > 0 ? c.aStart - changes[i - 1].aEnd : c.aStart;
    const after = i + 1 < changes.length ? changes[i + 1].aStart - c.aEnd : Math.min(a.length - c.aEnd, b.length - c.bEnd);
    return widenToWords(a, b, c, Math.min(WORD_CONTEXT, before, c.bStart), Math.min(WORD_CONTEXT, after), breaks);
  });
  // Widening can make neighbours touch: join them.
  const joined: Change[] = [];
  for (const c of widened) {
    const last = joined[joined.length - 1];
    if (last && c.aStart <= last.aEnd && c.bStart <= last.bEnd) {
      last.aEnd = Math.max(last.aEnd, c.aEnd);
      last.bEnd = Math.max(last.bEnd, c.bEnd);
    } else joined.push({ ...c });
  }
  return joined;
}

/**
 * Widen a change by the same amount on both sides (the context around a
 * change is equal text, so it is the same on both sides) until both its ends
 * fall on word boundaries of both texts.
 */
function widenToWords(a: string, b: string, c: Change, maxLeft: number, maxRight: number, breaks: WordBreaks): Change {
  const bLo = Math.max(0, c.bStart - WORD_CONTEXT);
  const bHi = Math.min(b.length, c.bEnd + WORD_CONTEXT);
  const pageBreaks = new Set(breaks.page(b.slice(bLo, bHi)).map((x) => x + bLo));
  // The window's edges are not real boundaries unless they are the text's ends.
  const isBreak = (aPos: number, bPos: number) =>
    (aPos === 0 || aPos === a.length || breaks.canonical(aPos)) &&
    (bPos === 0 || bPos === b.length || (pageBreaks.has(bPos) && bPos !== bLo && bPos !== bHi));
  let left = 0;
  while (left < maxLeft && !isBreak(c.aStart - left, c.bStart - left)) left++;
  let right = 0;
  while (right < maxRight && !isBreak(c.aEnd + right, c.bEnd + right)) right++;
  return { aStart: c.aStart - left, aEnd: c.aEnd + right, bStart: c.bStart - left, bEnd: c.bEnd + right };
}
