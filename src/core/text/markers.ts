/**
 * The clause-marker grammar: `一、` `（一）` `(十四)` `〔三〕` `【五】` `第三条`
 * `第一章` `1、` `1.` `（1）` `①`, full and half width, Chinese numerals up to
 * 九百九十九. Markers are recognised only where they open a line: an
 * enumeration in running text (`第一`, `一、二线城市`) is not a marker.
 */

export type MarkerStyle =
  /** `一、` */
  | 'cn-enum'
  /** `（一）` `(一)` `〔一〕` `【一】` `［一］` */
  | 'cn-bracket'
  /** `第一条` */
  | 'article'
  /** `第一章` `第一节` `第一部分` */
  | 'chapter'
  /** `1、` `1.` */
  | 'arabic-enum'
  /** `（1）` `(1)` */
  | 'arabic-bracket'
  /** `①` */
  | 'circled';

export interface Marker {
  /** Offsets in the text that was scanned. */
  start: number;
  end: number;
  /** As printed, e.g. `(十四)`. */
  label: string;
  style: MarkerStyle;
  value: number;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Value of a Chinese numeral (`十四` → 14, `一百零五` → 105), or NaN. */
export function parseChineseNumeral(s: string): number {
  if (s.length === 0) return NaN;
  let total = 0;
  let digit = -1;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit >= 0 && CN_DIGITS[ch] !== 0 && digit !== 0) return NaN; // "一二" is not a number
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      // Units only descend: "十十", "十百" are not numbers.
      if (CN_UNITS[ch] >= lastUnit) return NaN;
      lastUnit = CN_UNITS[ch];
      total += (digit < 0 ? 1 : digit) * CN_UNITS[ch];
      digit = -1;
    } else {
      return NaN;
    }
  }
  if (digit > 0) total += digit;
  return total > 0 && total < 10000 ? total : NaN;
}

/** The Chinese numeral for 1..9999 as documents print it (`十四`, `二十三`, `一百零五`, `一千二百六十`). */
export function chineseNumeral(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n >= 1000) {
    const rest = n % 1000;
    const head = d[Math.floor(n / 1000)] + '千';
    if (rest === 0) return head;
    // 1005 一千零五, 1050 一千零五十, 1100 一千一百
    return head + (rest < 100 ? '零' + (rest < 20 && rest >= 10 ? '一' : '') : '') + chineseNumeral(rest);
  }
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  const rest = n % 100;
  const head = d[Math.floor(n / 100)] + '百';
  if (rest === 0) return head;
  if (rest < 10) return head + '零' + d[rest];
  return head + d[Math.floor(rest / 10)] + '十' + (rest % 10 ? d[rest % 10] : '');
}

const CN = `[${CN_NUMERAL_CHARS}]{1,8}`;
const OPEN = '[（(〔【［\\[]';
const CLOSE = '[）)〕】］\\]]';
const DIGITS = '[0-9０-９]{1,3}';

/**
 * One alternative per style, anchored at a line start (after optional
 * indentation and markdown heading/emphasis marks, captured as group 1).
 */
const MARKER_PATTERNS: [MarkerStyle, RegExp][] = [
  ['cn-bracket', new RegExp(`^([\\s\\u3000#*]*)(${OPEN}(${CN})${CLOSE})`)],
  ['article', new RegExp(`^([\\s\\u3000#*]*)(第(${CN})条)`)],
  ['chapter', new RegExp(`^([\\s\\u3000#*]*)(第(${CN})(?:编|章|节|部分))`)],
  ['cn-enum', new RegExp(`^([\\s\\u3000#*]*)((${CN})[、，,])`)],
  ['arabic-bracket', new RegExp(`^([\\s\\u3000#*]*)(${OPEN}(${DIGITS})${CLOSE})`)],
  ['arabic-enum', new RegExp(`^([\\s\\u3000#*]*)((${DIGITS})(?:[、，]|[.．](?![0-9０-９])))`)],
  ['circled', /^([\s\u3000#*]*)(([\u2460-\u2473]))/],
];

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function markerValue(style: MarkerStyle, numeral: string): number {
  if (style === 'circled') return numeral.charCodeAt(0) - 0x2460 + 1;
  if (style === 'arabic-enum' || style === 'arabic-bracket') return Number(toHalfWidthDigits(numeral));
  return parseChineseNumeral(numeral);
}

/** What follows a marker must look like the start of a clause, not a number list. */
function plausibleAfter(style: MarkerStyle, rest: string): boolean {
  const next = rest.replace(/^[\s\u3000*]+/, '').charAt(0);
  if (next === '') return style !== 'cn-enum' && style !== 'arabic-enum';
  // `一、二线城市`: another numeral right after an enumeration mark is a list of numbers.
  if ((style === 'cn-enum' || style === 'cn-bracket') && CN_NUMERAL_CHARS.includes(next)) return false;
  // `1、2、3` or `1.5亿`
  if ((style === 'arabic-enum' || style === 'arabic-bracket') && /[0-9０-９%％]/.test(next)) return false;
  return true;
}

/** Recognise a marker at the very start of `line`; offsets are relative to the line. */
export function markerAtLineStart(line: string): Marker | undefined {
  for (const [style, pattern] of MARKER_PATTERNS) {
    const m = pattern.exec(line);
    if (!m) continue;
    const lead = m[1].length;
    const label = m[2];
    const value = markerValue(style, m[3]);
    if (!Number.isFinite(value) || value <= 0) continue;
    if (!plausibleAfter(style, line.slice(lead + label.length))) continue;
    return { start: lead, end: lead + label.length, label, style, value };
  }
  return undefined;
}

/** All markers that open a line in `text`, in order. */
export function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Cheap pre-check: a marker's first visible character is one of a few.
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 24));
    if (/^[\s\u3000#*]*[（(〔【［[第0-9０-９\u2460-\u2473零〇一二两三四五六七八九十百]/.test(line)) {
      const m = markerAtLineStart(line);
      if (m) markers.push({ ...m, start: m.start + lineStart, end: m.end + lineStart });
    }
    lineStart = lineEnd + 1;
  }
  return markers;
}

/**
 * Two labels say the same thing: same numbering system and number. Bracket
 * shapes and widths do not matter (`(十四)` reads as `（十四）`).
 */
export function sameLabel(a: Pick<Marker, 'style' | 'value'>, b: Pick<Marker, 'style' | 'value'>): boolean {
  return a.style === b.style && a.value === b.value;
}
