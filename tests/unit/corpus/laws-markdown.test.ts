import { describe, expect, it } from 'vitest';
import { dateFromFileName, parseLawsMarkdown } from '../../../src/core/corpus/laws-markdown';
import { sourceFileDocument } from '../../../src/core/corpus/pack-source';
import { lawText, REVIEW_2017, REVIEW_2023 } from '../laws-fixture';

describe('the laws Markdown layout', () => {
  const review2023 = parseLawsMarkdown(REVIEW_2023, lawText(REVIEW_2023));

  it('takes the title from "# ", the version date from the file name, the issuer from the info block', () => {
    expect(review2023.title).toBe('中华人民共和国行政复议法');
    expect(review2023.date).toBe('2023-09-01');
    expect(review2023.issuer).toBe('全国人民代表大会常务委员会');
    expect(review2023.info[0]).toContain('1999年4月29日');
    expect(review2023.text).not.toContain('INFO END');
    expect(review2023.text.startsWith('第一章 总则')).toBe(true);
  });

  it('makes 第X章 and 第X节 sections and 第X条 the clauses, 90 articles numbered in order', () => {
    const articles = review2023.clauses.filter((c) => c.kind === 'numbered');
    expect(articles).toHaveLength(90);
    expect(articles.map((a) => a.label).slice(0, 3)).toEqual(['第一条', '第二条', '第三条']);
    expect(articles.at(-1)!.label).toBe('第九十条');
    const labels = review2023.sections.map((s) => s.label);
    expect(labels.slice(0, 3)).toEqual(['第一章', '第二章', '第一节']);
    expect(review2023.sections[0].heading).toBe('总则');
  });

  it('keeps an article\'s items （一）… and later paragraphs inside the article', () => {
    const article11 = review2023.clauses.find((c) => c.label === '第十一条')!;
    expect(article11.text).toContain('\n（一）');
    expect(article11.text).toContain('（十五）');
    const next = review2023.clauses[review2023.clauses.indexOf(article11) + 1];
    expect(next.label).toBe('第十二条');
  });

  it('drops <!-- FORCE BREAK --> and zero-width lines: they are not text', () => {
    const source = '# 某某条例\n\n2020年1月1日 国务院公布\n\n<!-- INFO END -->\n\n​\n第一条 为了规范管理，制定本条例。\n\n<!-- FORCE BREAK -->\n\n第二条 本条例自公布之日起施行。\n';
    const doc = parseLawsMarkdown('某某条例.md', source);
    expect(doc.text).toBe('第一条 为了规范管理，制定本条例。\n第二条 本条例自公布之日起施行。');
    expect(doc.date).toBe('2020-01-01');
    expect(doc.issuer).toBe('国务院');
  });

  it('reads the version date only in the (YYYY-MM-DD) form', () => {
    expect(dateFromFileName('行政复议法(2017-09-01).md')).toBe('2017-09-01');
    expect(dateFromFileName('刑法修正案（十）.md')).toBe('');
  });

  it('gives both versions one series key and a SHA-256 of the text', () => {
    const a = sourceFileDocument(REVIEW_2017, lawText(REVIEW_2017));
    const b = sourceFileDocument(REVIEW_2023, lawText(REVIEW_2023));
    expect(a.series).toBe('中华人民共和国行政复议法');
    expect(b.series).toBe(a.series);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sha256).not.toBe(b.sha256);
    expect(a.source).toBe(REVIEW_2017);
  });
});

describe('plain text and the corpus source format for packs', () => {
  it('reads plain text with the title on its first line, as a statute when it has articles', () => {
    const d = sourceFileDocument('规定(2021-03-01).txt', '某某管理规定\n\n第一章 总则\n第一条 为了加强管理，制定本规定。\n第二条 本规定适用于：\n（一）甲；\n（二）乙。\n');
    expect(d.title).toBe('某某管理规定');
    expect(d.date).toBe('2021-03-01');
    expect(d.clauses.map((c) => [c.id, c.label])).toEqual([
      ['s1h', '第一章'],
      ['c1', '第一条'],
      ['c2', '第二条'],
    ]);
    expect(d.clauses[2].text).toContain('（二）乙。');
  });

  it('reads a policy text: 一、 headings are sections, （一） the clauses', () => {
    const d = sourceFileDocument('通知.txt', '关于做好某项工作的通知\n各地区：\n一、总体要求\n（一）坚持问题导向，抓好落实。\n（二）加强组织领导，压实责任。\n');
    expect(d.clauses.map((c) => [c.id, c.kind, c.label])).toEqual([
      ['s0p1', 'paragraph', ''],
      ['s1h', 'heading', '一、'],
      ['c1', 'numbered', '（一）'],
      ['c2', 'numbered', '（二）'],
    ]);
  });
});
