/**
 * Text that a page's layout adds to a document and that is not the
 * document's: newspaper jump lines (`（下转第二版）`, `（上接第一版）`,
 * `转第5版`) anywhere, even mid-clause, a print page's header line
 * (`第02版：要闻`) where the text runs on, and pronunciation glosses in
 * parentheses right after a character (`國務(wù)院`, `人民(mín)`, `(jan4)`,
 * `（ㄨˋ）`). `normalize` drops these spans, so they are never a deviation and
 * the offset map still points every other character back to the page.
 */

/** A span of the original text that is layout, `[start, end)`. */
export interface NoiseSpan {
  start: number;
  end: number;
}

const NUMERAL = '[0-9０-９一二三四五六七八九十百]+';
/** `（下转第二版）` `(上接1版)` `〔转第5版〕`, with the spaces print editions put inside. */
const BRACKETED_JUMP = `[（(〔【][\\s\\u3000]*(?:下转|上接|转|接|续)[\\s\\u3000]*第?[\\s\\u3000]*${NUMERAL}[\\s\\u3000]*版[\\s\\u3000]*[）)〕】]`;
/** `转第二版` `接第一版` without brackets (the 第…版 makes them unambiguous). */
const BARE_JUMP = `(?:下转|上接|转|接)第${NUMERAL}版`;
/** A line that is a print page's header, `第02版：要闻`, where a page's text runs on to the next page. */
const PAGE_HEADER = `(?<=^|\n)[ \t\u3000]*第${NUMERAL}版[：:][^\n。，；]{0,8}(?=\r?\n|$)`;

/** Vowels with tone marks (pinyin), ü, and combining diacritics. */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const LETTER = `(?:[a-zü${TONED}'’]|[\\u0300-\\u036f])`;
/** One romanized syllable: letters with an optional tone digit (jyutping, Wade–Giles). */
const SYLLABLE = `${LETTER}{1,7}[1-6]?`;
/** Bopomofo with its tone marks. */
const BOPOMOFO = '[\\u3105-\\u312f\\u31a0-\\u31bfˊˇˋ˙]{1,5}';
const GLOSS = new RegExp(
  `(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])[（(](${SYLLABLE}(?:[ \\-]${SYLLABLE}){0,3}|${BOPOMOFO})[）)]|${BRACKETED_JUMP}|${BARE_JUMP}|${PAGE_HEADER}`,
  'gu',
);

/** A pinyin syllable without tones: an optional initial, vowels, an optional nasal or -r ending. */
const PINYIN = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüv]+(?:n|ng|r)?$/;
const HAS_TONE = new RegExp(`[${TONED}1-6]|[\\u0300-\\u036f]`);
const QUICK = /[（(〔【]|版/;

/**
 * A parenthesized romanization is a gloss when it is marked for tone, or
 * every syllable reads as pinyin (`(ren)`); never an abbreviation
 * (`（5G）` `（PPP）`) or a unit (`（kg）`): those have capitals, digits
 * outside a tone position, or no vowel.
 */
function isGloss(content: string): boolean {
  if (/^[\u3105-\u312f\u31a0-\u31bfˊˇˋ˙]+$/.test(content)) return true;
  if (HAS_TONE.test(content)) return true;
  // Toneless: every syllable pinyin, and longer than a letter (`（a）` `（i）` enumerate).
  return content.split(/[ -]/).every((syllable) => syllable.length > 1 && PINYIN.test(syllable.replace(/['’]/g, '')));
}

/** The layout spans of a text, in order, not overlapping. */
export function findLayoutNoise(text: string): NoiseSpan[] {
  if (!QUICK.test(text)) return [];
  const spans: NoiseSpan[] = [];
  GLOSS.lastIndex = 0;
  for (let m = GLOSS.exec(text); m; m = GLOSS.exec(text)) {
    if (m[1] !== undefined && !isGloss(m[1])) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
