/**
 * Pages in traditional characters: telling them apart, and converting them
 * to simplified characters with an offset map back to the page's own text,
 * so a traditional copy is identified and compared as its simplified
 * counterpart while every deviation is still shown in the page's characters.
 *
 * The conversion is OpenCC's (opencc-js), phrase-segmented as its `tw → cn`
 * and `hk → cn` converters are, with one chain that undoes both Taiwan and
 * Hong Kong character variants (`裡` `著` and `衞` `綫` `説`): a mirror made
 * with any of OpenCC's `cn → t | tw | hk` converts back to the simplified
 * text exactly (tests/unit/text/traditional.test.ts checks the seeds).
 * Taiwan and Hong Kong vocabulary (`資訊` for `信息`, `最佳化` for `优化`)
 * is not rewritten: OpenCC's phrase tables for it rewrite ordinary words too
 * (`核心` → `内核`), which would put deviations into faithful copies. Instead
 * a difference the compare stage finds is excused when those tables explain
 * it (`isRegionalWording`).
 */
import { Trie } from 'opencc-js/core';
import CJK_COMPATIBILITY from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HK_PHRASES_FROM_MAINLAND from 'opencc-js/dict/HKPhrases';
import HK_PHRASES from 'opencc-js/dict/HKPhrasesRev';
import HK_VARIANTS from 'opencc-js/dict/HKVariantsRev';
import HK_VARIANT_PHRASES from 'opencc-js/dict/HKVariantsRevPhrases';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';
import TW_PHRASES_FROM_MAINLAND from 'opencc-js/dict/TWPhrases';
import TW_PHRASES from 'opencc-js/dict/TWPhrasesRev';
import TW_VARIANTS from 'opencc-js/dict/TWVariantsRev';
import TW_VARIANT_PHRASES from 'opencc-js/dict/TWVariantsRevPhrases';
import type { NormalizedText } from './normalize';

/**
 * A text derived from an original one, with the same offset map as a
 * normalized text: for each code unit, the original range it came from.
 */
export type ConvertedText = NormalizedText;

/** A page is traditional when at least this share of its Han characters exist only in traditional writing… */
const TRADITIONAL_SHARE = 0.05;
/** …and at least this many (a faithful traditional copy has about one in three). */
const MIN_TRADITIONAL = 8;

/** Traditional characters that simplified text never uses, each with its usual simplified form. */
let characterMap: Map<string, string> | undefined;

/**
 * Every single traditional character that simplified writing does not use
 * (OpenCC's character table without the characters that are simplified
 * forms themselves, like `著`, or kept in simplified phrases, like `乾坤`),
 * mapped to its first simplified form.
 */
export function traditionalCharacters(): Map<string, string> {
  if (characterMap) return characterMap;
  const entries = TS_CHARACTERS.split('|').map((line) => line.split(' '));
  // Simplified forms, and the characters of phrases simplified writing keeps as they are (`乾坤`).
  const simplifiedForms = new Set(entries.flatMap(([, ...forms]) => forms));
  for (const line of TS_PHRASES.split('|')) for (const ch of line.split(' ')[1]) simplifiedForms.add(ch);
  characterMap = new Map();
  for (const [traditional, ...forms] of entries) {
    if (traditional.length !== 1 || forms[0].length !== 1 || simplifiedForms.has(traditional)) continue;
    characterMap.set(traditional, forms[0]);
  }
  return characterMap;
}

/**
 * The part of `traditionalCharacters` whose simplified forms occur in
 * `texts`: enough to read a traditional copy of those texts character by
 * character (the content script's gate, which only looks for their k-grams).
 * Ordered by how often the simplified form occurs, the most frequent first.
 */
export function traditionalCharactersFor(texts: readonly string[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const text of texts) for (const ch of text) uses.set(ch, (uses.get(ch) ?? 0) + 1);
  const used = [...traditionalCharacters()].filter(([, simplified]) => uses.has(simplified));
  used.sort(([a, s], [b, t]) => uses.get(t)! - uses.get(s)! || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(used);
}

/** The same set as a table over UTF-16 code units: detection runs on every page the engine checks. */
let traditionalTable: Uint8Array | undefined;
function traditionalCodes(): Uint8Array {
  if (traditionalTable) return traditionalTable;
  traditionalTable = new Uint8Array(0x10000);
  for (const ch of traditionalCharacters().keys()) traditionalTable[ch.charCodeAt(0)] = 1;
  return traditionalTable;
}

/** Whether the text is written in traditional characters (one pass over it; no dictionary work). */
export function isTraditional(text: string): boolean {
  const table = traditionalCodes();
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    traditional += table[c];
  }
  return traditional >= MIN_TRADITIONAL && traditional >= TRADITIONAL_SHARE * han;
}

interface Converter {
  /** CJK compatibility ideographs to their unified forms, over the whole text. */
  normalization: Trie;
  /** Phrases that must be converted as one piece; the stages never match across pieces. */
  segmentation: Trie;
  /** Applied in order, each within every piece. */
  stages: Trie[];
}

let converter: Converter | undefined;

function trie(...dictionaries: string[]): Trie {
  const t = new Trie();
  t.loadDictGroup(dictionaries); // earlier dictionaries take precedence
  return t;
}

/** OpenCC's tw2s/hk2s configuration, with both regions' variant tables in its first stage (Taiwan's first). */
function buildConverter(): Converter {
  return {
    normalization: trie(CJK_COMPATIBILITY),
    segmentation: trie(TS_PHRASES),
    stages: [trie(TW_VARIANT_PHRASES, TW_VARIANTS, HK_VARIANT_PHRASES, HK_VARIANTS), trie(TS_PHRASES, TS_CHARACTERS)],
  };
}

/** A text being converted: its code units and, for each, the original range it came from. */
interface Tracked {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Convert `[from, to)` of `source` with `trie`, appending to `out`. A
 * replacement of the same length maps code unit to code unit; one of
 * another length (rare: a few phrases) maps every unit to the whole source.
 */
function convertRange(trie: Trie, source: Tracked, from: number, to: number, out: Builder): void {
  const piece = from === 0 && to === source.text.length ? source.text : source.text.slice(from, to);
  let i = 0;
  while (i < piece.length) {
    const match = trie.matchPrefix(piece, i);
    if (!match) {
      out.push(piece.charCodeAt(i), source.starts[from + i], source.ends[from + i]);
      i++;
      continue;
    }
    const { end, value } = match;
    if (value.length === end - i) {
      for (let k = 0; k < value.length; k++) out.push(value.charCodeAt(k), source.starts[from + i + k], source.ends[from + i + k]);
    } else {
      const start = source.starts[from + i];
      const stop = source.ends[from + end - 1];
      for (let k = 0; k < value.length; k++) out.push(value.charCodeAt(k), start, stop);
    }
    i = end;
  }
}

/** Growable output of one conversion stage. */
class Builder {
  private codes: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;

  get size(): number {
    return this.length;
  }

  constructor(capacity: number) {
    this.codes = new Uint16Array(Math.max(16, capacity));
    this.starts = new Int32Array(this.codes.length);
    this.ends = new Int32Array(this.codes.length);
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length++] = end;
  }

  private grow(): void {
    const size = this.codes.length * 2;
    const codes = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  done(): Tracked {
    let text = '';
    for (let k = 0; k < this.length; k += 8192) {
      text += String.fromCharCode.apply(null, this.codes.subarray(k, Math.min(this.length, k + 8192)) as unknown as number[]);
    }
    return { text, starts: this.starts.slice(0, this.length), ends: this.ends.slice(0, this.length) };
  }
}

/** Where the segmentation cuts the text into pieces: `[start, end)` pairs covering it. */
function segment(segmentation: Trie, text: string): number[] {
  const cuts: number[] = [];
  let runStart = -1;
  let i = 0;
  while (i < text.length) {
    const match = segmentation.matchPrefix(text, i);
    if (match) {
      if (runStart >= 0) cuts.push(runStart, i);
      runStart = -1;
      cuts.push(i, match.end);
      i = match.end;
    } else {
      if (runStart < 0) runStart = i;
      i++;
    }
  }
  if (runStart >= 0) cuts.push(runStart, text.length);
  return cuts;
}

/**
 * The text in simplified characters, each code unit mapped to the original
 * range it was converted from. Meant for traditional text (`isTraditional`);
 * simplified text passes through nearly unchanged, but at a dictionary's cost.
 */
export function toSimplified(original: string): ConvertedText {
  converter ??= buildConverter();
  const identity: Tracked = { text: original, starts: new Int32Array(original.length), ends: new Int32Array(original.length) };
  for (let i = 0; i < original.length; i++) {
    identity.starts[i] = i;
    identity.ends[i] = i + 1;
  }
  let current = stage(converter.normalization, identity, [0, original.length]).text;
  let cuts = segment(converter.segmentation, current.text);
  for (const t of converter.stages) ({ text: current, cuts } = stage(t, current, cuts));
  return { ...current, originalLength: original.length };
}

/** One stage over every piece; the pieces' places in its output are where the next stage cuts. */
function stage(trie: Trie, source: Tracked, cuts: number[]): { text: Tracked; cuts: number[] } {
  const out = new Builder(source.text.length + 16);
  const next: number[] = [];
  for (let c = 0; c < cuts.length; c += 2) {
    const start = out.size;
    convertRange(trie, source, cuts[c], cuts[c + 1], out);
    next.push(start, out.size);
  }
  return { text: out.done(), cuts: next };
}

/**
 * `inner` (derived from `outer.text`) with its offsets taken through `outer`
 * to `outer`'s original: normalizing converted text gives a normalized text
 * whose offsets index the page as it was.
 */
export function throughConversion(inner: NormalizedText, outer: ConvertedText): NormalizedText {
  const starts = new Int32Array(inner.text.length);
  const ends = new Int32Array(inner.text.length);
  for (let i = 0; i < inner.text.length; i++) {
    starts[i] = outer.starts[inner.starts[i]];
    ends[i] = outer.ends[inner.ends[i] - 1];
  }
  return { text: inner.text, starts, ends, originalLength: outer.originalLength };
}

/** Taiwan and Hong Kong words → the mainland words they stand for, all in simplified characters (`最佳化` → `优化`, `高阶` → `高端|高级`). */
let regionalPhrases: { trie: Trie; longest: number } | undefined;

function regionalWording(): { trie: Trie; longest: number } {
  if (regionalPhrases) return regionalPhrases;
  const candidates = new Map<string, Set<string>>();
  // Both directions' tables: region → mainland, and mainland → region read backwards.
  const tables: [string, boolean][] = [
    [TW_PHRASES, false],
    [HK_PHRASES, false],
    [TW_PHRASES_FROM_MAINLAND, true],
    [HK_PHRASES_FROM_MAINLAND, true],
  ];
  for (const [dictionary, backwards] of tables) {
    // One conversion for the whole table (a line break never joins a phrase), split back into lines of words.
    const converted = toSimplified(dictionary.replace(/ /g, '\t').replace(/\|/g, '\n')).text;
    for (const line of converted.split('\n')) {
      const words = line.split('\t');
      const [regional, mainland] = backwards ? [words[1], words[0]] : words;
      if (!regional || !mainland || regional === mainland) continue;
      let set = candidates.get(regional);
      if (!set) candidates.set(regional, (set = new Set()));
      set.add(mainland);
    }
  }
  const trie = new Trie();
  let longest = 0;
  for (const [regional, mainland] of candidates) {
    trie.addWord(regional, [...mainland].join('|'));
    longest = Math.max(longest, regional.length);
  }
  return (regionalPhrases = { trie, longest });
}

/** Readings of a text with regional words put in mainland words: at most this many are tried. */
const MAX_READINGS = 16;

/**
 * Whether a difference between a traditional page and the canonical text is
 * Taiwan or Hong Kong vocabulary for the canonical words, not a change: the
 * page's `[pageStart, pageEnd)` and the canonical `[canonicalStart,
 * canonicalEnd)` (both texts normalized, the page in simplified characters)
 * read the same once the regional words around them are put in mainland
 * words. A phrase may start before the difference (`最佳` for `优` in
 * `最佳化`/`优化`) and end after it.
 */
export function isRegionalWording(
  page: string,
  pageStart: number,
  pageEnd: number,
  canonical: string,
  canonicalStart: number,
  canonicalEnd: number,
): boolean {
  const { trie, longest } = regionalWording();
  for (let from = Math.max(0, pageStart - longest + 1); from <= pageStart; from++) {
    let at = from;
    let readings = [''];
    let explained = false;
    while (!(explained && at >= pageEnd)) {
      if (at >= page.length || at > pageEnd + longest) break;
      const match = trie.matchPrefix(page, at);
      // A phrase that reaches into the difference (or, for an omission, up to it).
      if (match && match.end > pageStart - (pageStart === pageEnd ? 1 : 0)) {
        const words = match.value.split('|');
        readings = readings.flatMap((r) => words.map((w) => r + w)).slice(0, MAX_READINGS);
        at = match.end;
        explained = true;
      } else {
        const ch = page[at++];
        readings = readings.map((r) => r + ch);
      }
    }
    if (!explained || at < pageEnd) continue;
    const start = canonicalStart - (pageStart - from);
    if (start < 0) continue;
    const expected = canonical.slice(start, canonicalEnd + (at - pageEnd));
    if (readings.includes(expected)) return true;
  }
  return false;
}
