/**
 * The context kept either side of a highlighted quote, shared by anchoring
 * on the same page and on other reprints of a canonical clause.
 */
import { toNormalizedIndex, type NormalizedText } from '../text/normalize';

/** Context kept either side of a quote, in normalized characters (layout noise does not use it up). */
export const CONTEXT_LENGTH = 32;
/** Context compared, at most, per side (stored context is about 32). */
export const MAX_CONTEXT = 64;

/**
 * Original offsets `CONTEXT_LENGTH` normalized characters before `start` and
 * after `end`, kept within `[lo, hi)`.
 */
export function contextBounds(norm: NormalizedText, start: number, end: number, lo: number, hi: number): [number, number] {
  const ns = toNormalizedIndex(norm, start);
  const ne = toNormalizedIndex(norm, end);
  const ps = ns - CONTEXT_LENGTH;
  const prefixStart = ps <= 0 ? 0 : norm.starts[ps];
  const se = ne + CONTEXT_LENGTH;
  const suffixEnd = se > norm.text.length ? norm.originalLength : norm.ends[se - 1];
  return [Math.max(lo, Math.min(prefixStart, start)), Math.min(hi, Math.max(suffixEnd, end))];
}

/** Scores are reported to three decimals. */
export function roundScore(x: number): number {
  return Math.round(x * 1000) / 1000;
}
