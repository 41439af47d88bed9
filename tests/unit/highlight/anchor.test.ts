/**
 * Anchoring highlights: describe a selection, find it again after the page
 * changed, never on a look-alike; and canonical anchoring across reprints
 * of the same clause (seeds 000, 001, 003).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorCanonical, canonicalAnchorFor } from '../../../src/core/highlight/anchor-on-canonical';
import { MIN_SCORE, anchor, describe as describeRange } from '../../../src/core/highlight/anchor-on-page';
import { createAnchorer } from '../../../src/core/highlight/anchorer';
import { CONTEXT_LENGTH } from '../../../src/core/highlight/quote-context';
import type { CanonicalAnchor } from '../../../src/core/highlight/record';
import { normalize } from '../../../src/core/text/normalize';
import { check, clauseByLabel, opinion, seed, testCorpus } from '../corpus-fixture';

const text = () => opinion().text;
/** The range of a phrase that occurs once in a text. */
function range(haystack: string, phrase: string): [number, number] {
  const at = haystack.indexOf(phrase);
  expect(at, `"${phrase}" occurs`).toBeGreaterThanOrEqual(0);
  expect(haystack.indexOf(phrase, at + 1), `"${phrase}" occurs once`).toBe(-1);
  return [at, at + phrase.length];
}
const selectionOf = (haystack: string, phrase: string) => describeRange(haystack, ...range(haystack, phrase));

/** A deterministic spread of ranges over a text (no randomness in unit tests). */
function sampleRanges(haystack: string, count: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    const start = Math.floor((((k * 7919) % 9973) / 9973) * (haystack.length - 80));
    const length = 2 + ((k * 31) % 60);
    if (haystack.slice(start, start + length).trim() !== '') out.push([start, start + length]);
  }
  return out;
}

describe('describing a selection', () => {
  it('keeps the quote and about 32 characters of context either side', () => {
    const t = text();
    const sel = selectionOf(t, '推进生产领域节能降碳');
    expect(sel.quote.exact).toBe('推进生产领域节能降碳');
    expect(sel.quote.prefix.endsWith('（十一）')).toBe(true);
    expect(sel.quote.suffix.startsWith('。实施工业能效')).toBe(true);
    expect(normalize(sel.quote.prefix).text).toHaveLength(CONTEXT_LENGTH);
    expect(normalize(sel.quote.suffix).text).toHaveLength(CONTEXT_LENGTH);
    expect(t.slice(sel.position.start, sel.position.end)).toBe(sel.quote.exact);
  });

  it('counts context in characters that matter, so column breaks do not use it up', () => {
    const columns = seed('000');
    const [s, e] = range(normalize(columns).text, '统筹利用地上地下空间').map((i) => normalize(columns).starts[i]);
    const sel = describeRange(columns, s, e + 1);
    expect(normalize(sel.quote.prefix).text).toHaveLength(CONTEXT_LENGTH);
    expect(sel.quote.prefix.length).toBeGreaterThan(CONTEXT_LENGTH);
  });

  it('leaves whitespace at the edges of a selection out', () => {
    const t = text();
    const [s, e] = range(t, '（十一）推进生产领域节能降碳');
    const sel = describeRange(t, s - 1, e); // the line break before the clause
    expect(sel.quote.exact).toBe('（十一）推进生产领域节能降碳');
    expect(sel.position.start).toBe(s);
    expect(() => describeRange(t, s - 1, s)).toThrow(/whitespace/);
    expect(() => describeRange(t, e, s)).toThrow(RangeError);
  });

  it('keeps context short at the start and end of the page', () => {
    const page = '开头十个字就是全部内容了。';
    const sel = describeRange(page, 0, 4);
    expect(sel.quote.prefix).toBe('');
    expect(sel.quote.suffix).toBe('字就是全部内容了。');
  });
});

describe('re-anchoring on the same page', () => {
  it('finds every described range again, exactly, on the unchanged Opinion text', () => {
    const t = text();
    const anchorer = createAnchorer(t);
    for (const [s, e] of sampleRanges(t, 300)) {
      const sel = anchorer.describe(s, e);
      expect(anchorer.anchor(sel), sel.quote.exact).toEqual({ start: sel.position.start, end: sel.position.end, score: 1, exact: true });
    }
  });

  it('finds any described range again on any text, even one made of a few repeated characters', () => {
    const chars = fc.constantFrom('城', '市', '发', '展', '，', '。', ' ', '\n', 'a', '1');
    const page = fc.array(chars, { minLength: 1, maxLength: 300 }).map((a) => a.join(''));
    fc.assert(
      fc.property(page, fc.nat(), fc.nat(), (t, x, y) => {
        const s = x % t.length;
        const e = s + 1 + (y % (t.length - s));
        if (t.slice(s, e).trim() === '') return;
        const sel = describeRange(t, s, e);
        expect(anchor(t, sel)).toEqual({ start: sel.position.start, end: sel.position.end, score: 1, exact: true });
      }),
      { numRuns: 500 },
    );
  });

  it('finds a highlight exactly after the page shifted (text added above it)', () => {
    const t = text();
    const sel = selectionOf(t, '建立重点产品碳足迹标识认证制度');
    const shifted = '新华社北京8月28日电\n编者按：这是一段新加的导语，讲述文件出台的背景。\n\n' + t;
    const m = anchor(shifted, sel);
    expect(m).not.toBeNull();
    expect(shifted.slice(m!.start, m!.end)).toBe(sel.quote.exact);
    expect(m!.exact).toBe(true);
    expect(m!.score).toBeGreaterThan(0.95);
  });

  it('finds a highlight through layout noise: column breaks, spaced characters, half-width punctuation', () => {
    const t = text();
    const sel = selectionOf(t, '推动废水、余热、固废协同处置全覆盖');
    // Re-flow into 13-character columns, half-width commas, a spaced heading.
    const flowed = t
      .replace(/，/g, ',')
      .replace(/(.{13})/g, '$1\n')
      .replace('推动废水', '推 动 废 水');
    const m = anchor(flowed, sel);
    expect(m).not.toBeNull();
    expect(normalize(flowed.slice(m!.start, m!.end)).text).toBe(normalize(sel.quote.exact).text);
    expect(m!.exact).toBe(true);
  });

  it('chooses among several occurrences of a short quote by context, not by the first one', () => {
    const t = text();
    const [s] = range(t, '加大既有建筑节能改造力度');
    const sel = describeRange(t, s + 4, s + 6); // 建筑, which occurs many times
    expect(t.split('建筑').length - 1).toBeGreaterThan(3);
    const shifted = '导语。'.repeat(40) + t;
    const m = anchor(shifted, sel)!;
    expect(m.start).toBe(sel.position.start + 120);
  });

  it('anchors fuzzily after a changed character inside the quote', () => {
    const t = text();
    const sel = selectionOf(t, '建立工业园区集中供能体系，推动废水、余热、固废协同处置全覆盖');
    const edited = t.replace('集中供能体系', '集中供热体系');
    const m = anchor(edited, sel)!;
    expect(m).not.toBeNull();
    expect(m.exact).toBe(false);
    expect(edited.slice(m.start, m.end)).toBe('建立工业园区集中供热体系，推动废水、余热、固废协同处置全覆盖');
    expect(m.score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(m.score).toBeLessThan(1);
  });

  it('anchors fuzzily after two changed characters and text inserted before the paragraph', () => {
    const t = text();
    const sel = selectionOf(t, '大力发展绿色建筑，加快新型建材研发应用');
    const edited = t.replace('（十一）推进生产领域', '（十一）【更新】推进生产领域').replace('新型建材研发应用', '新式建材研制应用');
    const m = anchor(edited, sel)!;
    expect(edited.slice(m.start, m.end)).toBe('大力发展绿色建筑，加快新式建材研制应用');
  });

  it('anchors exactly when words were inserted right before the quote (one side of the context changed)', () => {
    const t = text();
    const sel = selectionOf(t, '建立重点产品碳足迹标识认证制度');
    const edited = t.replace('推动落后产能有序退出。建立重点', '推动落后产能有序退出。各地要结合实际，建立重点');
    const m = anchor(edited, sel)!;
    expect(m).not.toBeNull();
    expect(edited.slice(m.start, m.end)).toBe(sel.quote.exact);
  });

  it('finds a passage that moved far with its paragraph and was edited on both sides of and inside the quote', () => {
    const t = text();
    const paragraph = clauseByLabel(opinion(), '（十一）').text;
    const sel = selectionOf(t, '建立工业园区集中供能体系，推动废水、余热、固废协同处置全覆盖');
    const editedParagraph = paragraph
      .replace('建立重点产品碳足迹标识认证制度。', '建立重点产品碳足迹标识制度。') // the prefix's last characters
      .replace('集中供能体系', '集中供热体系') // the quote
      .replace('大力发展绿色建筑', '积极发展绿色建筑'); // the suffix's first characters
    const moved = t.replace(paragraph, '') + '\n' + editedParagraph;
    const m = anchor(moved, sel)!;
    expect(m).not.toBeNull();
    expect(moved.slice(m.start, m.end)).toBe('建立工业园区集中供热体系，推动废水、余热、固废协同处置全覆盖');
  });

  it('is an orphan when the paragraph was rewritten', () => {
    const t = text();
    const paragraph = clauseByLabel(opinion(), '（十一）').text;
    const sel = selectionOf(t, '建立重点产品碳足迹标识认证制度');
    const rewritten = t.replace(
      paragraph,
      '（十一）加快工业绿色转型。各地要制定本地区工业领域降碳路线图，分行业推进技术改造，淘汰高耗能设备，鼓励企业开展清洁生产审核，对达标企业给予财政奖补。',
    );
    expect(anchor(rewritten, sel)).toBeNull();
  });

  it('is an orphan when the highlighted words are gone, even though a short quote still occurs elsewhere', () => {
    const t = text();
    const [s] = range(t, '加大既有建筑节能改造力度');
    const sel = describeRange(t, s + 4, s + 8); // 建筑节能
    const paragraph = clauseByLabel(opinion(), '（十一）').text;
    const rewritten = t.replace(paragraph, '（十一）本段已删除。') + '\n附：建筑节能相关政策汇编另行印发。';
    expect(rewritten.includes('建筑节能')).toBe(true);
    expect(anchor(rewritten, sel)).toBeNull();
  });

  it('never attaches to a look-alike paragraph that shares many of the words', () => {
    const t = text();
    const paragraph = clauseByLabel(opinion(), '（十一）').text;
    const sel = selectionOf(t, '建立工业园区集中供能体系，推动废水、余热、固废协同处置全覆盖');
    // A paragraph elsewhere in the same style: most words shared, a fifth of
    // the characters different (within the fuzzy budget), other context.
    const lookAlike =
      '（二十四）推进农业园区绿色发展。建立农业园区集中供能体系，推动秸秆、余热、粪污协同处置全覆盖。加强农村人居环境整治。';
    const withLookAlike = t + '\n' + lookAlike;
    // While the real paragraph is there, it is chosen…
    const m = anchor(withLookAlike, sel)!;
    expect(m.start).toBe(sel.position.start);
    // …once it is rewritten, the look-alike is not taken instead.
    const rewritten = withLookAlike.replace(
      paragraph,
      '（十一）加快工业绿色转型。各地要制定本地区工业领域降碳路线图，分行业推进技术改造，淘汰高耗能设备，鼓励企业开展清洁生产审核，对达标企业给予财政奖补。',
    );
    expect(anchor(rewritten, sel)).toBeNull();
  });

  it('never attaches to a look-alike sentence placed where the highlight was', () => {
    const t = text();
    const paragraph = clauseByLabel(opinion(), '（十一）').text;
    const sel = selectionOf(t, '建立重点产品碳足迹标识认证制度');
    // Same position, the paragraph's opening kept, a sentence two characters
    // away from the quote (within the fuzzy budget), the rest rewritten.
    const rewritten = t.replace(
      paragraph,
      '（十一）推进生产领域节能降碳。推广节水灌溉技术。建立重点产品碳排放标识认证制度。支持家庭农场发展。',
    );
    expect(anchor(rewritten, sel)).toBeNull();
  });

  it('keeps a long unique sentence whose surrounding paragraphs changed', () => {
    const t = text();
    const sentence = '建立工业园区集中供能体系，推动废水、余热、固废协同处置全覆盖。';
    const sel = selectionOf(t, sentence);
    // The sentence moved into a new paragraph with new neighbours.
    const moved = t.replace(sentence, '') + '\n补充说明：各地要按照统一部署，' + sentence + '以上措施由有关部门负责落实。';
    const m = anchor(moved, sel)!;
    expect(m).not.toBeNull();
    expect(moved.slice(m.start, m.end)).toBe(sentence);
  });

  it('re-anchors 200 highlights on one prepared page without re-normalizing it', () => {
    const t = text();
    const anchorer = createAnchorer(t);
    const selections = sampleRanges(t, 200).map(([s, e]) => anchorer.describe(s, e));
    const shifted = createAnchorer('前言。'.repeat(10) + t);
    for (const sel of selections) expect(shifted.anchor(sel)?.start).toBe(sel.position.start + 30);
  });
});

describe('canonical anchoring across reprints', () => {
  const documents = testCorpus().documents;

  function canonicalFrom003(phrase: string): CanonicalAnchor {
    const page = seed('003');
    const [s, e] = range(page, phrase);
    const c = canonicalAnchorFor(page, check(page), documents, s, e);
    expect(c, phrase).not.toBeNull();
    return c!;
  }

  it('places a selection on seed 003 in its canonical clause', () => {
    const c = canonicalFrom003('优化产权归集、整合、置换');
    expect(c).toMatchObject({ documentId: 'urban-opinion-2025', clauseId: 'c5', clause: '（五）', exact: '优化产权归集、整合、置换' });
    expect(opinion().text.slice(c.canonicalStart, c.canonicalEnd)).toBe(c.exact);
    expect(opinion().text.slice(c.canonicalStart - c.prefix.length, c.canonicalStart)).toBe(c.prefix);
    // Context stays inside the clause: the only text every reprint of it shares.
    const clause = clauseByLabel(opinion(), '（五）');
    expect(c.canonicalStart - c.prefix.length).toBeGreaterThanOrEqual(clause.start);
    expect(c.canonicalEnd + c.suffix.length).toBeLessThanOrEqual(clause.end);
  });

  it('shows a （五） highlight on seed 001 with 归集→归属 reported as changed words', () => {
    const c = canonicalFrom003('优化产权归集、整合、置换');
    const page = seed('001');
    const m = anchorCanonical(page, check(page), c)!;
    expect(m).not.toBeNull();
    expect(m.changed).toBe(true);
    expect(m.canonicalText).toBe('优化产权归集、整合、置换');
    expect(m.pageText).toBe('优化产权归属、整合、置换');
    expect(page.slice(m.start, m.end)).toBe(m.pageText);
  });

  it('shows a highlight of just the changed word on 001, as changed', () => {
    const c = canonicalFrom003('归集、整合');
    const page = seed('001');
    const m = anchorCanonical(page, check(page), c)!;
    expect(m.pageText).toBe('归属、整合');
    expect(m.changed).toBe(true);
  });

  it('shows a （十七） highlight on 001 (which prints 六–九 first) and on 000 (print columns), unchanged', () => {
    const c = canonicalFrom003('构建城市安全风险谱系');
    expect(c.clause).toBe('（十七）');
    for (const prefix of ['001', '000']) {
      const page = seed(prefix);
      const m = anchorCanonical(page, check(page), c)!;
      expect(m, prefix).not.toBeNull();
      expect(m.changed, prefix).toBe(false);
      expect(normalize(m.pageText).text, prefix).toBe('构建城市安全风险谱系');
    }
  });

  it('reports the words 001 changed inside a （十七） highlight', () => {
    const c = canonicalFrom003('健全洪涝联排联调机制');
    const page = seed('001');
    const m = anchorCanonical(page, check(page), c)!;
    expect(m.changed).toBe(true);
    expect(m.pageText).toBe('健全洪涝联防联控机制');
  });

  it('reports words a reprint left out, inside a highlight and as the whole highlight (an empty page range)', () => {
    const c = canonicalFrom003('国家发展改革委要会同有关部门');
    const page = seed('001');
    const report = check(page);
    const m = anchorCanonical(page, report, c)!;
    expect(m.changed).toBe(true);
    expect(m.pageText).toBe('国家发展改革委会同有关部门');

    const p003 = seed('003');
    const [s] = range(p003, '国家发展改革委要会同有关部门');
    const only = canonicalAnchorFor(p003, check(p003), documents, s + 7, s + 8)!;
    expect(only.exact).toBe('要');
    const gone = anchorCanonical(page, report, only)!;
    expect(gone).toMatchObject({ changed: true, canonicalText: '要', pageText: '' });
    expect(gone.start).toBe(gone.end);
    expect(page.slice(gone.start - 7, gone.start + 2)).toBe('国家发展改革委会同');
  });

  it('shows a （五） highlight on 000, the print edition, unchanged', () => {
    const c = canonicalFrom003('优化产权归集、整合、置换');
    const page = seed('000');
    const m = anchorCanonical(page, check(page), c)!;
    expect(m.changed).toBe(false);
    expect(normalize(m.pageText).text).toBe('优化产权归集、整合、置换');
  });

  it('finds nothing on a page that does not reprint the clause', () => {
    const c = canonicalFrom003('优化产权归集、整合、置换');
    const page = seed('004'); // the other document
    expect(anchorCanonical(page, check(page), c)).toBeNull();
  });

  it('has no canonical anchor for a selection outside every aligned clause', () => {
    const page = '这是一段与任何文件无关的文字。'.repeat(3);
    expect(canonicalAnchorFor(page, check(page), documents, 0, 5)).toBeNull();
  });

  it('maps a selection on the altered reprint 001 back to the canonical words', () => {
    const page = seed('001');
    const [s, e] = range(page, '优化产权归属、整合、置换');
    const c = canonicalAnchorFor(page, check(page), documents, s, e)!;
    expect(c.exact).toBe('优化产权归集、整合、置换');
    expect(c.clauseId).toBe('c5');
  });
});
