/**
 * Short quotations (issue 9, item 7): one quoted sentence of 30 characters
 * or more links to its clause, with no warning, and only when the sentence
 * could come from nowhere else.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/cli/read-page';
import { corpusView } from '../../../src/core/corpus/corpus-view';
import { createEngine } from '../../../src/core/check/engine';
import { longQuotes, MAX_QUOTE_DOCUMENTS, quoteCandidates } from '../../../src/core/check/short-quotation';
import { normalize } from '../../../src/core/text/normalize';
import { ONE_SENTENCE } from '../../fixtures/short-quotes';
import { OPINION, check, testCorpus } from '../corpus-fixture';
import { procedurePack } from '../laws-fixture';

const page = (file: string) => readPage(resolve(import.meta.dirname, '../../fixtures/pages', file));

describe('quoted sentences', () => {
  it('are found in any quotation marks, raw or normalized, at 30 content characters or more', () => {
    const text = `他说：“${ONE_SENTENCE}”。又说「${ONE_SENTENCE}」。还说“健全社会心理服务体系和危机干预机制”。`;
    expect(longQuotes(text).map((q) => q.text)).toEqual([ONE_SENTENCE, ONE_SENTENCE]);
    expect(longQuotes(normalize(text).text)).toHaveLength(2);
    const [first] = longQuotes(text);
    expect(text.slice(first.start, first.end)).toBe(ONE_SENTENCE);
  });

  it('name their documents only when every fingerprint that counts agrees, and enough of them', () => {
    const docs: Record<number, number[]> = { 1: [0], 2: [0], 3: [0, 1], 4: [0], 5: [0, 1, 2, 3, 4], 6: [1] };
    const of = (h: number) => docs[h];
    expect(quoteCandidates([1, 2, 3, 4], of)).toEqual([0]);
    // A phrase in more than MAX_QUOTE_DOCUMENTS documents is no evidence, for or against.
    expect(docs[5].length).toBeGreaterThan(MAX_QUOTE_DOCUMENTS);
    expect(quoteCandidates([1, 2, 3, 4, 5], of)).toEqual([0]);
    expect(quoteCandidates([1, 2, 5], of)).toEqual([]);
    // Words of two documents in one quote identify neither.
    expect(quoteCandidates([1, 2, 3, 4, 6], of)).toEqual([]);
  });
});

describe('a story quoting one sentence of （二十三）, word for word, without its label', () => {
  const text = page('story-one-sentence.html');
  const report = check(text);

  it('is a quotation of （二十三） with no warnings', () => {
    expect(report.documents.map((d) => [d.id, d.relation, d.clauses.map((c) => c.clause)])).toEqual([
      [OPINION, 'quotation', ['（二十三）']],
    ]);
    expect(report.deviations).toEqual([]);
  });

  it('links the quote itself, not the story around it', () => {
    const [clause] = report.documents[0].clauses;
    expect(text.slice(clause.pageStart, clause.pageEnd)).toBe(ONE_SENTENCE);
  });
});

describe('quotes that are not evidence enough', () => {
  it('link nothing: a formulaic sentence, a phrase shared with another text, one changed word, under 30 characters', () => {
    const report = check(page('story-unfounded-quotes.html'));
    expect(report.documents).toEqual([]);
    expect(report.deviations).toEqual([]);
  });
});

describe('a short quote of a statute in two versions', () => {
  const engine = createEngine(corpusView(testCorpus(), [procedurePack()]));
  const review = procedurePack().documents.filter((d) => d.series === '中华人民共和国行政复议法');
  const story = (sentence: string) =>
    `本报讯 律师提醒，行政复议法规定，“${sentence}”。当事人应当注意期限。记者了解到，今年以来该市行政复议案件数量有所增加，多数案件涉及行政处罚和行政许可。`;

  it('goes to the newest version that holds the sentence word for word', () => {
    const report = engine.check(story('因不可抗力或者其他正当理由耽误法定申请期限的，申请期限自障碍消除之日起继续计算'));
    expect(report.documents.map((d) => [d.id, d.relation, d.newerVersions])).toEqual([[review[0].id, 'quotation', []]]);
    expect(report.deviations).toEqual([]);
  });

  it('goes to the old version when only it has the sentence, and says a newer one exists', () => {
    const report = engine.check(
      story('为了防止和纠正违法的或者不当的具体行政行为，保护公民、法人和其他组织的合法权益，保障和监督行政机关依法行使职权'),
    );
    expect(report.documents.map((d) => [d.id, d.date, d.newerVersions.map((v) => v.id)])).toEqual([
      [review[1].id, '2017-09-01', [review[0].id]],
    ]);
  });
});
