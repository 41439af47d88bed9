/**
 * Normalization with an offset map: removes the layout noise of reprints
 * (column line breaks, spaces between justified characters, full/half-width
 * forms, quote and dash styles, markdown emphasis) so that two faithful
 * copies normalize to the same string, and every normalized character still
 * knows where it came from in the original.
 *
 * NFKC is not used: it changes lengths unpredictably and leaves 。、“” alone,
 * so the table below is explicit.
 */

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
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
  '｡': '。', '､': '、', '｢': '"', '｣': '"',
};

/** Characters with one reading but several spellings. */
const UNIFY: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '‟': '"', '「': '"', '」': '"', '＂': '"', '〝': '"', '〞': '"',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '『': "'", '』': "'", '＇': "'",
  '％': '%', '．': '.', '＋': '+', '／': '/', '～': '~', '〜': '~',
  '・': '·', '•': '·', '‧': '·', '･': '·',
};

/** Dash-like characters; a run of them reads as one dash. */
const DASHES = new Set(['—', '–', '―', '‒', '─', '━', '－', '-', '‐', '‑']);
/** Ellipsis-like characters; a run of them reads as one ellipsis. */
const ELLIPSES = new Set(['…', '⋯']);
/** Characters that carry no text: zero-width marks and markdown emphasis. */
const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '*']);

const WHITESPACE = /[\s\u3000\u00a0]/;

function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9A-Za-z]$/.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Map one character (already known not to be whitespace) to its normal form. */
export function normalizeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Full-width ASCII variants: letters and digits become ASCII.
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    if (isAsciiAlnum(ascii)) return ascii;
    if (TO_FULL_WIDTH[ascii]) return TO_FULL_WIDTH[ascii];
  }
  if (TO_FULL_WIDTH[ch]) return TO_FULL_WIDTH[ch];
  if (UNIFY[ch]) return UNIFY[ch];
  if (DASHES.has(ch)) return '—';
  if (ELLIPSES.has(ch)) return '…';
  return ch;
}

/**
 * Normalize text. Whitespace is removed except a single space between two
 * ASCII words on one line; `#` at the start of a line (markdown headings) and
 * `*` (markdown emphasis) are dropped; dash and ellipsis runs collapse.
 */
export function normalize(original: string): NormalizedText {
  const n = original.length;
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let atLineStart = true;

  const push = (ch: string, start: number, end: number) => {
    out.push(ch);
    starts.push(start);
    ends.push(end);
  };

  let i = 0;
  while (i < n) {
    const ch = original[i];

    if (WHITESPACE.test(ch)) {
      let j = i;
      let newline = false;
      while (j < n && WHITESPACE.test(original[j])) {
        if (original[j] === '\n' || original[j] === '\r') newline = true;
        j++;
      }
      const before = out.length > 0 ? out[out.length - 1] : undefined;
      const after = j < n ? normalizeChar(original[j]) : undefined;
      // Keep one space between ASCII words ("CIM platform"), never inside CJK
      // text, and never inside a number broken across lines ("2\n035").
      const keep = isAsciiAlnum(before) && isAsciiAlnum(after) && !(newline && isDigit(before) && isDigit(after));
      if (keep) push(' ', i, j);
      if (newline) atLineStart = true;
      i = j;
      continue;
    }

    if (atLineStart && ch === '#') {
      i++;
      continue;
    }
    atLineStart = false;

    if (INVISIBLE.has(ch)) {
      i++;
      continue;
    }

    // Surrogate pairs stay whole.
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      push(original.slice(i, i + 2), i, i + 2);
      i += 2;
      continue;
    }

    const norm = normalizeChar(ch);
    if (norm === '—' || norm === '…') {
      // Collapse runs: "——" and "－－" are one dash, "……" and "。。。" one ellipsis.
      let j = i + 1;
      while (j < n && normalizeChar(original[j]) === norm) j++;
      push(norm, i, j);
      i = j;
      continue;
    }
    if (ch === '.' && original[i + 1] === '.' && original[i + 2] === '.') {
      let j = i;
      while (j < n && original[j] === '.') j++;
      push('…', i, j);
      i = j;
      continue;
    }
    push(norm, i, i + 1);
    i++;
  }

  // Surrogate pairs were pushed as two-unit strings: keep one map entry per UTF-16 unit.
  const text = out.join('');
  if (text.length !== out.length) return expandSurrogates(out, starts, ends, n);
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), originalLength: n };
}

function expandSurrogates(out: string[], starts: number[], ends: number[], n: number): NormalizedText {
  const s: number[] = [];
  const e: number[] = [];
  out.forEach((piece, k) => {
    for (let u = 0; u < piece.length; u++) {
      s.push(starts[k]);
      e.push(ends[k]);
    }
  });
  return { text: out.join(''), starts: Int32Array.from(s), ends: Int32Array.from(e), originalLength: n };
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
