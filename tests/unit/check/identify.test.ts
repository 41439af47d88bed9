/**
 * Identification (src/core/check/identify.ts): which canonical documents a
 * page reproduces, by how many of their fingerprints it contains. A page
 * holding two documents gets both; a page with too little shared text, or
 * only boilerplate, gets none.
 */
import { describe, expect, it } from 'vitest';
import { identify, indexCorpus } from '../../../src/core/check/identify';
import { normalize } from '../../../src/core/text/normalize';
import { OPINION, PLAN, opinion, plan, testCorpus } from '../corpus-fixture';

const index = () => indexCorpus(testCorpus());

function identified(page: string): { id: string; score: number; evidence: number }[] {
  return identify(index(), normalize(page).text).map((f) => ({ ...f, id: testCorpus().documents[f.document].id }));
}

describe('identify', () => {
  it('a full reprint: the document, with nearly all of its fingerprints found', () => {
    const [found, ...others] = identified(opinion().text);
    expect(found.id).toBe(OPINION);
    expect(found.score).toBeGreaterThan(0.95);
    expect(others).toEqual([]);
  });

  it('an excerpt: the document, with a score near the share reproduced', () => {
    const excerpt = opinion().text.slice(0, Math.floor(opinion().text.length / 3));
    const [found] = identified(excerpt);
    expect(found.id).toBe(OPINION);
    expect(found.score).toBeGreaterThan(0.2);
    expect(found.score).toBeLessThan(0.5);
  });

  it('a page that reprints two documents: both, each explained by its own text', () => {
    const page = `${opinion().text.slice(0, 3000)}\n\n相关阅读\n\n${plan().text.slice(0, 3000)}`;
    expect(
      identified(page)
        .map((f) => f.id)
        .sort(),
    ).toEqual([OPINION, PLAN].sort());
  });

  it('too little shared text is no evidence (MIN_EVIDENCE): a single sentence identifies nothing', () => {
    const sentence = opinion().text.slice(opinion().clauses[5].bodyStart, opinion().clauses[5].bodyStart + 40);
    expect(identified(`据报道，${sentence}。`)).toEqual([]);
  });

  it('a page with no text of any document identifies nothing', () => {
    expect(identified('今天天气晴朗，气温适宜，市民纷纷走出家门，到公园散步、赏花、放风筝。'.repeat(20))).toEqual([]);
  });
});
