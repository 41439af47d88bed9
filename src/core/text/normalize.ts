/**
 * Normalization with an offset map: removes the layout noise of reprints
 * (column line breaks, spaces between justified characters, full/half-width
 * forms, quote and dash styles, markdown emphasis) so that two faithful
 * copies normalize to the same string, and every normalized character still
 * knows where it came from in the original.
 *
 * NFKC is not used: it changes lengths unpredictably and leaves 。、“” alone,
 * so the table below is explicit. Jump lines and pronunciation glosses are
 * layout too (layout-noise.ts): dropped like whitespace.
 */
import { findLayoutNoise } from './layout-noise';
import { finish, stepEnds, type Steps } from '../check/steps';

export interface NormalizedText {
  /** The normalized text. */
  text: string;
  /** For each normalized character, the original index where it starts. */
  starts: Int32Array;
  /** For each normalized character, the original index just after its source. */
  ends: Int32Array;
  /** Length of the original text. */
  originalLength: number;
}

/** Half-width punctuation that Chinese text writes full-width. */
const TO_FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
  '｡': '。',
  '､': '、',
  '｢': '"',
  '｣': '"',
};

/** Characters with one reading but several spellings. */
const UNIFY: Record<string, string> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '「': '"',
  '」': '"',
  '＂': '"',
  '〝': '"',
  '〞': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '『': "'",
  '』': "'",
  '＇': "'",
  '％': '%',
  '．': '.',
  '＋': '+',
  '／': '/',
  '～': '~',
  '〜': '~',
  '・': '·',
  '•': '·',
  '‧': '·',
  '･': '·',
};

/** Dash-like characters; a run of them reads as one dash. */
const DASHES = '—–―‒─━－-‐‑';
/** Ellipsis-like characters; a run of them reads as one ellipsis. */
const ELLIPSES = '…⋯';
/** Characters that carry no text: zero-width marks and markdown emphasis. */
const INVISIBLE = '\u200b\u200c\u200d\u2060\ufeff\u00ad*';
const WHITESPACE_CHARS =
  ' \t\n\r\f\v\u3000\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f';

const DASH = 0x2014;
const ELLIPSIS = 0x2026;
/** Table entries: a character's normal form, or one of these. */
const DROP = 0;
const SPACE = 0xffff;

/**
 * The normal form of every UTF-16 code unit: normalization is on the hot
 * path. Built on first use, not at load: the content script loads this
 * module on every page, and most pages never normalize anything.
 */
let table: Uint16Array | undefined;
const normalForms = (): Uint16Array => (table ??= buildTable());

function buildTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  // Full-width ASCII variants: letters and digits become ASCII.
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const ascii = String.fromCharCode(c - 0xfee0);
    if (/[0-9A-Za-z]/.test(ascii)) table[c] = c - 0xfee0;
    else if (TO_FULL_WIDTH[ascii]) table[c] = TO_FULL_WIDTH[ascii].charCodeAt(0);
  }
  for (const [from, to] of Object.entries({ ...TO_FULL_WIDTH, ...UNIFY })) table[from.charCodeAt(0)] = to.charCodeAt(0);
  for (const ch of DASHES) table[ch.charCodeAt(0)] = DASH;
  for (const ch of ELLIPSES) table[ch.charCodeAt(0)] = ELLIPSIS;
  for (const ch of INVISIBLE) table[ch.charCodeAt(0)] = DROP;
  for (const ch of WHITESPACE_CHARS) table[ch.charCodeAt(0)] = SPACE;
  return table;
}

/** Map one character to its normal form (`''` for characters that carry no text). */
export function normalizeChar(ch: string): string {
  const c = normalForms()[ch.charCodeAt(0)];
  return c === DROP || c === SPACE ? '' : String.fromCharCode(c);
}

/**
 * Normalize text. Whitespace is removed; `#` at the start of a line
 * (markdown headings) and `*` (markdown emphasis) are dropped; dash and
 * ellipsis runs collapse.
 */
export function normalize(original: string): NormalizedText {
  return finish(normalizeInSteps(original));
}

/** Characters per step of `normalizeInSteps` (a power of two): a few milliseconds of work. */
const STEP_CHARACTERS = 1 << 16;

/** `normalize` in steps (src/core/check/steps.ts), for a driver that interleaves a long page with other work. */
export function* normalizeInSteps(original: string): Steps<NormalizedText> {
  const forms = normalForms();
  const n = original.length;
  const codes = new Uint16Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let length = 0;
  let atLineStart = true;
  const noise = findLayoutNoise(original);
  let nextNoise = 0;
  if (n > STEP_CHARACTERS) yield;

  let i = 0;
  let steps = 0;
  while (i < n) {
    if (stepEnds(++steps, STEP_CHARACTERS)) yield;
    if (nextNoise < noise.length && i >= noise[nextNoise].start) {
      i = Math.max(i, noise[nextNoise++].end);
      continue;
    }
    const raw = original.charCodeAt(i);
    const c = forms[raw];

    if (c === SPACE) {
      // All whitespace is layout: column breaks, justified spacing, indents.
      // (Spacing between ASCII words is lost too; reprints do not change it.)
      if (raw === 10 || raw === 13) atLineStart = true;
      i++;
      continue;
    }
    if (atLineStart && raw === 35 /* # */) {
      i++;
      continue;
    }
    atLineStart = false;
    if (c === DROP) {
      i++;
      continue;
    }

    if (raw >= 0xd800 && raw <= 0xdbff && i + 1 < n) {
      // A surrogate pair: both units map to the whole character.
      for (let u = 0; u < 2; u++) {
        codes[length] = original.charCodeAt(i + u);
        starts[length] = i;
        ends[length++] = i + 2;
      }
      i += 2;
      continue;
    }
    let end = i + 1;
    let out = c;
    if (c === DASH || c === ELLIPSIS) {
      // Collapse runs: "——" and "－－" are one dash, "……" one ellipsis.
      while (end < n && forms[original.charCodeAt(end)] === c) end++;
    } else if (raw === 46 /* . */ && original.charCodeAt(i + 1) === 46 && original.charCodeAt(i + 2) === 46) {
      while (end < n && original.charCodeAt(end) === 46) end++;
      out = ELLIPSIS;
    }
    codes[length] = out;
    starts[length] = i;
    ends[length++] = end;
    i = end;
  }

  return { text: decode(codes, length), starts: starts.slice(0, length), ends: ends.slice(0, length), originalLength: n };
}

function decode(codes: Uint16Array, length: number): string {
  const CHUNK = 8192;
  let text = '';
  for (let k = 0; k < length; k += CHUNK) {
    text += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + CHUNK)) as unknown as number[]);
  }
  return text;
}

/** Map a normalized range `[start, end)` back to the original text. */
export function toOriginalRange(norm: NormalizedText, start: number, end: number): [number, number] {
  if (norm.text.length === 0) return [0, 0];
  if (start >= norm.text.length) return [norm.originalLength, norm.originalLength];
  const s = norm.starts[Math.max(0, start)];
  if (end <= start) return [s, s];
  return [s, norm.ends[Math.min(end, norm.text.length) - 1]];
}

/** The first normalized index whose source starts at or after `original` (binary search). */
export function toNormalizedIndex(norm: NormalizedText, original: number): number {
  let lo = 0;
  let hi = norm.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (norm.starts[mid] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
