/**
 * Anchoring a highlight on the page it was made on: describe a selection as
 * W3C selectors, and find it again on a later visit. Text in, offsets and a
 * score out; no DOM (the content script maps offsets to DOM ranges with
 * src/page's map).
 *
 * Matching is done on `normalize()`d text and mapped back through its offset
 * map, so a page that re-flows its columns, re-spaces its characters or
 * switches to half-width punctuation does not orphan anything. Offsets in and
 * out are UTF-16 indices into the page text as extracted.
 *
 * Never misplace: a highlight is re-attached only where the quote matches
 * (exactly, or with a few errors) AND its context or its own length makes
 * the place unambiguous (`MIN_SCORE`). Policy documents repeat their
 * vocabulary; a paragraph that shares many words with the highlighted one is
 * not the highlighted one, so a rewritten passage is an orphan, not a guess.
 *
 * Speed: each `anchor(selectors)` costs an `indexOf` and two small context
 * alignments when the quote is still there, and a bit-parallel approximate
 * search (approx-string-match) in a few windows only when it is not.
 */
import search from 'approx-string-match';
import type { HighlightSelectors } from './record';
import { normalize, toNormalizedIndex, toOriginalRange, type NormalizedText } from '../text/normalize';
import { MAX_CONTEXT, contextBounds, roundScore } from './quote-context';

/** Below this a candidate place is not the highlight: the highlight is an orphan. */
export const MIN_SCORE = 0.7;
/** Fuzzy quote matches may differ in at most this share of the quote's characters. */
export const MAX_ERROR_RATE = 0.25;
/**
 * Score weights. The quote counts most, the context decides between
 * look-alikes, the stored position only breaks ties (pages gain and lose
 * whole paragraphs, so a moved position is weak evidence of anything).
 */
const W_QUOTE = 0.55;
const W_CONTEXT = 0.4;
const W_POSITION = 0.05;
/**
 * An exact quote that occurs once on the page supports itself in place of
 * context, from nothing at `SELF_SUPPORT_FROM` normalized characters to fully
 * at `SELF_SUPPORT_FULL`: a unique sentence is the sentence even when the
 * paragraphs around it changed; a unique two-character word is not.
 */
const SELF_SUPPORT_FROM = 8;
const SELF_SUPPORT_FULL = 32;
/** Bounds on candidate places, so a one-character quote on a long page stays cheap. */
const MAX_EXACT = 5_000;
const MAX_FUZZY = 200;
const MAX_SEED_HITS = 20;
const MAX_CONTEXT_HITS = 10;

export interface AnchorMatch {
  /** Page offsets of the highlighted text. */
  start: number;
  end: number;
  /** In [MIN_SCORE, 1]: 1 is the same words in the same context at the same place. */
  score: number;
  /** The quote was found as stored (after normalization), not fuzzily. */
  exact: boolean;
}

/**
 * Selectors for the page text `[start, end)`, whitespace at its edges left
 * out (use the returned position, not the one passed in).
 */
export function describe(text: string, start: number, end: number): HighlightSelectors {
  return describeIn(text, normalize(text), start, end);
}

/** Where a highlight is on this page, or null: an orphan. */
export function anchor(text: string, selectors: HighlightSelectors): AnchorMatch | null {
  return anchorIn(normalize(text), selectors);
}

export function describeIn(text: string, page: NormalizedText, start: number, end: number): HighlightSelectors {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`describe: [${start}, ${end}) is not a non-empty range of a ${text.length}-character text`);
  }
  // Selections often take the line break after a paragraph (triple click);
  // layout whitespace at the edges is not part of what was highlighted, and
  // would not come back on re-anchoring (matching ignores it).
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) throw new RangeError('describe: the selection is only whitespace');
  const [prefixStart, suffixEnd] = contextBounds(page, start, end, 0, text.length);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  /** Score on quote, context and position: ranks candidates. */
  rank: number;
  /** The rank with self-support in place of weak context: compared with MIN_SCORE. */
  confidence: number;
}

export function anchorIn(page: NormalizedText, selectors: HighlightSelectors): AnchorMatch | null {
  const quote = normalize(selectors.quote.exact).text;
  if (quote === '') return null;
  const prefix = normalize(selectors.quote.prefix).text.slice(-MAX_CONTEXT);
  const suffix = normalize(selectors.quote.suffix).text.slice(0, MAX_CONTEXT);
  const text = page.text;
  const hint = toNormalizedIndex(page, selectors.position.start);

  const exact: number[] = [];
  for (let at = text.indexOf(quote); at >= 0 && exact.length < MAX_EXACT; at = text.indexOf(quote, at + 1)) exact.push(at);
  const selfSupport = exact.length === 1 ? clamp01((quote.length - SELF_SUPPORT_FROM) / (SELF_SUPPORT_FULL - SELF_SUPPORT_FROM)) : 0;

  const evaluate = (start: number, end: number, errors: number): Candidate => {
    const quoteScore = 1 - errors / quote.length;
    const before = prefix.length > 0 ? 1 - contextDistance(text, start, prefix, false) / prefix.length : 0;
    const after = suffix.length > 0 ? 1 - contextDistance(text, end, suffix, true) / suffix.length : 0;
    const contextLength = prefix.length + suffix.length;
    // No stored context: the quote was the whole page text, nothing to compare.
    const context = contextLength > 0 ? (before * prefix.length + after * suffix.length) / contextLength : 1;
    const position = 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
    const support = errors === 0 ? Math.max(context, selfSupport) : context;
    return {
      start,
      end,
      errors,
      rank: W_QUOTE * quoteScore + W_CONTEXT * context + W_POSITION * position,
      confidence: W_QUOTE * quoteScore + W_CONTEXT * support + W_POSITION * position,
    };
  };

  const candidates = exact.map((at) => evaluate(at, at + quote.length, 0));
  const bestExact = best(candidates);
  // The quote is still there and its context agrees: no fuzzy search needed.
  if (bestExact && bestExact.rank >= MIN_SCORE) return toMatch(page, bestExact);

  const budget = Math.floor(quote.length * MAX_ERROR_RATE);
  if (budget > 0) {
    const seen = new Set(candidates.map((c) => `${c.start}:${c.end}`));
    const add = (found: Found[]) => {
      for (const m of found) {
        const key = `${m.start}:${m.end}`;
        if (seen.has(key) || m.end <= m.start) continue;
        seen.add(key);
        candidates.push(evaluate(m.start, m.end, m.errors));
      }
    };
    // Where the passage most likely is first: an edit in place is the common
    // case, and a candidate whose context agrees settles it. Only then look
    // for a passage that moved.
    add(fuzzyCandidates(text, quote, localWindows(text, quote, prefix, suffix, hint, budget), budget));
    if (!candidates.some((c) => c.rank >= MIN_SCORE)) add(fuzzyCandidates(text, quote, seedWindows(text, quote, budget), budget));
  }
  const chosen = best(candidates.filter((c) => c.confidence >= MIN_SCORE));
  return chosen ? toMatch(page, chosen) : null;
}

function best(candidates: Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) {
    if (!top || c.rank > top.rank || (c.rank === top.rank && c.confidence > top.confidence)) top = c;
  }
  return top;
}

function toMatch(page: NormalizedText, c: Candidate): AnchorMatch {
  const [start, end] = toOriginalRange(page, c.start, c.end);
  return { start, end, score: roundScore(Math.min(1, c.confidence)), exact: c.errors === 0 };
}

interface Found {
  start: number;
  end: number;
  errors: number;
}

/**
 * Windows of the page where an approximate match of the quote can be. The
 * page is not searched whole: the bit-parallel search costs about a
 * millisecond per quote on a long Chinese page, too much for 200 highlights
 * that have all moved. Searched first, `localWindows`: near the stored
 * position and next to exact hits of the context. Then `seedWindows`: around
 * the places where one of `budget + 1` disjoint pieces of the quote occurs
 * exactly; a match with at most `budget` errors leaves one piece untouched
 * (pigeonhole), so these windows hold every match (up to `MAX_SEED_HITS`
 * hits per piece).
 *
 * Each window is searched on its own, which matters: the search returns
 * only the lowest-error matches of the text it is given, and a look-alike
 * elsewhere with fewer errors must not hide the real, slightly edited
 * passage from the scoring.
 */
function localWindows(text: string, quote: string, prefix: string, suffix: string, hint: number, budget: number): [number, number][] {
  const reach = quote.length + budget;
  const windows: [number, number][] = [[hint - reach - 64, hint + reach + 64]];
  const ANCHOR = 16;
  if (prefix.length >= 4) {
    const tail = prefix.slice(-ANCHOR);
    for (let at = text.indexOf(tail), n = 0; at >= 0 && n < MAX_CONTEXT_HITS; at = text.indexOf(tail, at + 1), n++) {
      windows.push([at + tail.length, at + tail.length + reach + ANCHOR]);
    }
  }
  if (suffix.length >= 4) {
    const head = suffix.slice(0, ANCHOR);
    for (let at = text.indexOf(head), n = 0; at >= 0 && n < MAX_CONTEXT_HITS; at = text.indexOf(head, at + 1), n++) {
      windows.push([at - reach - ANCHOR, at]);
    }
  }
  return windows;
}

function seedWindows(text: string, quote: string, budget: number): [number, number][] {
  const windows: [number, number][] = [];
  const pieces = budget + 1;
  const size = Math.floor(quote.length / pieces);
  for (let p = 0; p < pieces && size >= 2; p++) {
    const offset = p * size;
    const piece = quote.slice(offset, offset + size);
    for (let at = text.indexOf(piece), n = 0; at >= 0 && n < MAX_SEED_HITS; at = text.indexOf(piece, at + 1), n++) {
      windows.push([at - offset - budget, at - offset + quote.length + budget]);
    }
  }
  return windows;
}

function fuzzyCandidates(text: string, quote: string, windows: [number, number][], budget: number): Found[] {
  const found: Found[] = [];
  for (const [from, to] of mergeWindows(windows, text.length)) {
    if (to - from < quote.length - budget) continue;
    for (const m of search(text.slice(from, to), quote, budget)) found.push({ start: m.start + from, end: m.end + from, errors: m.errors });
    if (found.length >= MAX_FUZZY) break;
  }
  return found;
}

/** Windows clipped to the text, sorted, overlapping ones joined. */
function mergeWindows(windows: [number, number][], length: number): [number, number][] {
  const clipped = windows.map(([a, b]): [number, number] => [Math.max(0, a), Math.min(length, b)]).filter(([a, b]) => b > a);
  clipped.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const w of clipped) {
    const last = out[out.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push(w);
  }
  return out;
}

/**
 * Edit distance between a context string and the page text next to a
 * candidate: the text ending at `at` (a prefix, `forward` false) or starting
 * at `at` (a suffix). The alignment is pinned at `at`, next to the quote,
 * and free at the far end, so a context that the page shortened or
 * lengthened costs only its actual edits.
 */
function contextDistance(text: string, at: number, context: string, forward: boolean): number {
  const m = context.length;
  const span = m + (m >> 2) + 2;
  const n = forward ? Math.min(span, text.length - at) : Math.min(span, at);
  // Row i: the i context characters nearest the quote; column j: the j page characters nearest it.
  let prev = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  let bestLast = m;
  for (let i = 1; i <= m; i++) {
    const c = forward ? context.charCodeAt(i - 1) : context.charCodeAt(m - i);
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const t = forward ? text.charCodeAt(at + j - 1) : text.charCodeAt(at - j);
      const diagonal = prev[j - 1] + (c === t ? 0 : 1);
      const up = prev[j] + 1;
      const left = row[j - 1] + 1;
      row[j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
    [prev, row] = [row, prev];
  }
  for (let j = 0; j <= n; j++) if (prev[j] < bestLast) bestLast = prev[j];
  return bestLast;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff ||
    c === 0x200b
  );
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
