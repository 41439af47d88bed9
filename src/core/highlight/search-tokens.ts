/**
 * Search tokens for highlights, stored in a multi-entry index so the library
 * page can search quotes and notes without scanning every record. Chinese has
 * no spaces between words and no dictionary is bundled, so CJK runs are cut
 * into overlapping character bigrams (城市 高质 …), the usual index for
 * Chinese full-text search: any query of two or more characters is a set of
 * bigrams that must all be present (then confirmed on the text itself); a
 * one-character query is a prefix lookup on the bigrams. Latin letters and
 * digits form lower-cased words.
 *
 * Text is compared after `normalize()`, so full- and half-width forms and
 * layout spaces do not matter.
 */
import { normalize } from '../text/normalize';

/** Cap per record: a highlight of a whole chapter should not write thousands of index entries. */
export const MAX_TOKENS = 2_000;

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WORD = /[0-9a-z]/;

/** Distinct tokens of some texts, in first-seen order. */
export function searchTokens(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const token of tokenize(text)) {
      out.add(token);
      if (out.size >= MAX_TOKENS) return [...out];
    }
  }
  return [...out];
}

/** The tokens of a query, in order, repeats kept (a query is short). */
export function queryTokens(query: string): string[] {
  return [...tokenize(query)];
}

function* tokenize(text: string): Generator<string> {
  // normalize() drops whitespace, which would glue Latin words together; keep
  // word breaks by normalizing each whitespace-separated piece on its own.
  for (const piece of text.split(/\s+/)) {
    const s = normalize(piece).text.toLowerCase();
    let i = 0;
    while (i < s.length) {
      if (CJK.test(s[i])) {
        let j = i;
        while (j < s.length && CJK.test(s[j])) j++;
        if (j - i === 1) yield s[i];
        for (let k = i; k + 1 < j; k++) yield s.slice(k, k + 2);
        i = j;
      } else if (WORD.test(s[i])) {
        let j = i;
        while (j < s.length && WORD.test(s[j])) j++;
        yield s.slice(i, j);
        i = j;
      } else i++;
    }
  }
}
