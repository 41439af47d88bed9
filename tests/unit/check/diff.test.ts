import { describe, expect, it } from 'vitest';
import { characterBreaks, diffChars, diffWords, equalShare, type Edit, type WordBreaks } from '../../../src/core/check/diff';
import { segmentByLexicon, segmentWords, wordBoundaries } from '../../../src/core/corpus/words';
import { normalize } from '../../../src/core/text/normalize';
import { clauseByLabel, opinion, opinionBreaks } from '../corpus-fixture';

/** Rebuild both texts from an edit script: checks it is complete and contiguous. */
function replay(a: string, b: string, edits: Edit[]): { a: string; b: string } {
  let ra = '';
  let rb = '';
  let ai = 0;
  let bi = 0;
  for (const e of edits) {
    expect(e.aStart).toBe(ai);
    expect(e.bStart).toBe(bi);
    if (e.kind === 'equal') expect(a.slice(e.aStart, e.aEnd)).toBe(b.slice(e.bStart, e.bEnd));
    if (e.kind === 'insert') expect(e.aEnd).toBe(e.aStart);
    if (e.kind === 'delete') expect(e.bEnd).toBe(e.bStart);
    ra += a.slice(e.aStart, e.aEnd);
    rb += b.slice(e.bStart, e.bEnd);
    ai = e.aEnd;
    bi = e.bEnd;
  }
  return { a: ra, b: rb };
}

const cost = (edits: Edit[]) => edits.reduce((n, e) => n + (e.kind === 'equal' ? 0 : e.aEnd - e.aStart + e.bEnd - e.bStart), 0);

/** Apply changes to `a`, taking the replacement text from `b`. */
function apply(a: string, b: string, changes: ReturnType<typeof diffWords>): string {
  let out = '';
  let at = 0;
  for (const c of changes) {
    out += a.slice(at, c.aStart) + b.slice(c.bStart, c.bEnd);
    at = c.aEnd;
  }
  return out + a.slice(at);
}

/** A lexicon: words listed are kept whole, everything else is one character per word, on both sides. */
const lexicon = (a: string, ...words: string[]): WordBreaks => {
  const set = new Set(words);
  const starts = new Set(segmentByLexicon(a, set));
  return { canonical: (i) => starts.has(i), page: (text) => segmentByLexicon(text, set) };
};

describe('diffChars (Myers, exact)', () => {
  it('gives one equal run for identical texts and nothing for two empty ones', () => {
    expect(diffChars('城市更新', '城市更新')).toEqual([{ kind: 'equal', aStart: 0, aEnd: 4, bStart: 0, bEnd: 4 }]);
    expect(diffChars('', '')).toEqual([]);
  });

  it('inserts everything into an empty text and deletes everything from one', () => {
    expect(diffChars('', '城市')).toEqual([{ kind: 'insert', aStart: 0, aEnd: 0, bStart: 0, bEnd: 2 }]);
    expect(diffChars('城市', '')).toEqual([{ kind: 'delete', aStart: 0, aEnd: 2, bStart: 0, bEnd: 0 }]);
  });

  it('finds a one-character substitution as delete + insert between equal runs', () => {
    const edits = diffChars('推动城市发展', '推进城市发展');
    expect(edits.map((e) => e.kind)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(cost(edits)).toBe(2);
    expect(replay('推动城市发展', '推进城市发展', edits)).toEqual({ a: '推动城市发展', b: '推进城市发展' });
  });

  it('finds a shortest edit script', () => {
    // LCS of ABCABBA / CBABAC is 4: 7 + 6 - 2·4 = 5 edits
    expect(cost(diffChars('ABCABBA', 'CBABAC'))).toBe(5);
    expect(cost(diffChars('统筹利用地上地下空间', '统筹利用地上下空间'))).toBe(1);
  });

  it('never degrades into delete-everything/insert-everything on a long clause with scattered changes', () => {
    const a = normalize(opinion().text).text;
    const b = a.replace('稳慎优化行政区划', '稳妥优化行政区划').replace('归集', '归属').replace('联排联调', '联防联控');
    const edits = diffChars(a, b);
    expect(cost(edits)).toBe(2 + 2 + 4);
    expect(equalShare(edits, a.length)).toBeGreaterThan(0.99);
    expect(replay(a, b, edits)).toEqual({ a, b });
  });
});

describe('equalShare', () => {
  it('is the share of the canonical text kept word for word', () => {
    expect(equalShare(diffChars('推动城市发展', '推进城市发展'), 6)).toBeCloseTo(5 / 6);
    expect(equalShare([], 0)).toBe(1);
  });
});

describe('diffWords: changes at word granularity', () => {
  it('reports 推动→推进 as one whole-word substitution, not 动→进', () => {
    const a = '推动城市高质量发展';
    const b = '推进城市高质量发展';
    expect(diffWords(a, b, opinionBreaks(a))).toEqual([{ aStart: 0, aEnd: 2, bStart: 0, bEnd: 2 }]);
  });

  it('widens a change inside a word to the whole word: 稳慎→稳妥', () => {
    const a = '按程序稳慎优化行政区划设置';
    const b = '按程序稳妥优化行政区划设置';
    const [c, ...rest] = diffWords(a, b, opinionBreaks(a));
    expect(rest).toEqual([]);
    expect(a.slice(c.aStart, c.aEnd)).toBe('稳慎');
    expect(b.slice(c.bStart, c.bEnd)).toBe('稳妥');
  });

  it('finds nothing in a faithful text', () => {
    const a = normalize(clauseByLabel(opinion(), '（十四）').text).text;
    expect(diffWords(a, a, opinionBreaks(a))).toEqual([]);
  });

  it('keeps separate changes apart', () => {
    const a = '优化产权归集、整合、置换和登记政策';
    const b = '优化产权归属、整合、置换及登记政策';
    const changes = diffWords(a, b, opinionBreaks(a));
    expect(changes).toHaveLength(2);
    expect(apply(a, b, changes)).toBe(b);
  });

  it('joins changes one character apart into one', () => {
    const a = '健全洪涝联排联调机制';
    const b = '健全洪涝联防联控机制';
    const changes = diffWords(a, b, lexicon(a));
    expect(changes).toHaveLength(1);
    expect(a.slice(changes[0].aStart, changes[0].aEnd)).toBe('排联调');
  });

  it('widens to the words of a lexicon when given one', () => {
    const a = '健全洪涝联排联调机制';
    const b = '健全洪涝联防联控机制';
    const [c] = diffWords(a, b, lexicon(a, '联排联调', '联防联控'));
    expect(a.slice(c.aStart, c.aEnd)).toBe('联排联调');
    expect(b.slice(c.bStart, c.bEnd)).toBe('联防联控');
  });

  it('stays at character granularity where no word boundaries are known', () => {
    const [c] = diffWords('推动城市', '推进城市', characterBreaks);
    expect(c).toEqual({ aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 });
  });

  it('reports an inserted word as a change with an empty canonical side', () => {
    const a = '完善灵活就业人员、农村进城务工人员';
    const b = '完善灵活就业就业人员、农村进城务工人员';
    const changes = diffWords(a, b, opinionBreaks(a));
    expect(changes).toHaveLength(1);
    expect(apply(a, b, changes)).toBe(b);
  });

  it('reports a deleted sentence as one change with an empty page side', () => {
    const a = '加强群租房整治。加快城市基础设施生命线安全工程建设。推动重要设施分布式布局。';
    const b = '加强群租房整治。推动重要设施分布式布局。';
    const changes = diffWords(a, b, opinionBreaks(a));
    expect(changes).toHaveLength(1);
    expect(changes[0].bEnd - changes[0].bStart).toBe(0);
    expect(changes[0].aEnd - changes[0].aStart).toBe('加快城市基础设施生命线安全工程建设。'.length);
  });

  it('always rebuilds the page text from the canonical text and its changes', () => {
    const pairs: [string, string][] = [
      ['统筹利用地上地下空间', '统筹利用地上下空间'],
      ['加强城市建设档案管理', '加强城市建档案管理'],
      ['群众广泛参与，自治、法治、德治', '群众广泛参与、自治、法治、德治'],
      ['依托历史文化街区和历史地段', '依托历史文化街区and历史地段'],
      ['', '城市'],
      ['城市', ''],
    ];
    for (const [a, b] of pairs) expect(apply(a, b, diffWords(a, b, opinionBreaks(a)))).toBe(b);
  });
});

describe('word boundaries shipped with the document', () => {
  it('segments a canonical text once, at build time, into word lengths that cover it exactly', () => {
    const text = '推动城市高质量发展';
    const bounds = wordBoundaries(segmentWords(text), text.length);
    expect(bounds[0]).toBe(0);
    expect(bounds[bounds.length - 1]).toBe(text.length);
    expect(bounds).toContain(2);
  });

  it('splits a word longer than one digit can say, and refuses lengths that do not cover the text', () => {
    const latin = 'x'.repeat(80);
    const lengths = segmentWords(latin);
    expect(wordBoundaries(lengths, 80).at(-1)).toBe(80);
    expect(() => wordBoundaries(lengths, 81)).toThrow(/cover 80 characters/);
    expect(() => wordBoundaries('2!', 3)).toThrow(/base-36/);
  });

  it("finds a page's words by the document's own, longest first", () => {
    const words = new Set(['优先', '先进', '进步']);
    expect(segmentByLexicon('优先进步', words)).toEqual([0, 2, 4]);
    expect(segmentByLexicon('城市', words)).toEqual([0, 1, 2]);
  });
});
