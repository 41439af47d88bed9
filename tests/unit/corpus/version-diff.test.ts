import { describe, expect, it } from 'vitest';
import { versionDiff } from '../../../src/core/corpus/version-diff';
import { numberedClauses, type CanonicalDocument } from '../../../src/core/corpus/corpus';
import { procedurePack } from '../laws-fixture';

const reviewLaw = (date: string): CanonicalDocument => {
  const doc = procedurePack().documents.find((d) => d.series === '中华人民共和国行政复议法' && d.date === date);
  if (!doc) throw new Error(`行政复议法 ${date} not in the procedure pack`);
  return doc;
};

/** A copy of `doc` with one article's body rewritten (offsets of the others shifted). */
function withArticle(doc: CanonicalDocument, label: string, rewrite: (body: string) => string): CanonicalDocument {
  const target = doc.clauses.find((c) => c.label === label)!;
  const body = doc.text.slice(target.bodyStart, target.end);
  const next = rewrite(body);
  const shift = next.length - body.length;
  const moved = (at: number) => (at >= target.end ? at + shift : at);
  return {
    ...doc,
    text: doc.text.slice(0, target.bodyStart) + next + doc.text.slice(target.end),
    clauses: doc.clauses.map((c) => (c === target ? { ...c, end: c.end + shift } : { ...c, start: moved(c.start), bodyStart: moved(c.bodyStart), end: moved(c.end) })),
  };
}

describe('articles that differ between two versions', () => {
  it('finds nothing between a version and itself', () => {
    const law = reviewLaw('2023-09-01');
    expect(versionDiff(law, law)).toEqual({ unchanged: numberedClauses(law).length, changed: [], added: [], removed: [] });
  });

  it('names a changed article, and an article removed or added, by their labels', () => {
    const law = reviewLaw('2017-09-01');
    const changed = withArticle(law, '第五条', (b) => b.replace('人民法院', '有管辖权的人民法院'));
    const diff = versionDiff(law, changed);
    expect(diff.changed).toEqual([{ older: { id: 'c5', label: '第五条' }, newer: { id: 'c5', label: '第五条' } }]);
    expect(diff.unchanged).toBe(numberedClauses(law).length - 1);
    const removed = withArticle(law, '第四十二条', () => '本条由新条文取代，规定完全不同的事项与程序要求，适用于其他机关。');
    const other = versionDiff(law, removed);
    expect(other.removed).toEqual([{ id: 'c42', label: '第四十二条' }]);
    expect(other.added).toEqual([{ id: 'c42', label: '第四十二条' }]);
  });

  it('tells 行政复议法 2017 from 2023 article by article: renumbered articles matched by their text', () => {
    const old = reviewLaw('2017-09-01');
    const newest = reviewLaw('2023-09-01');
    const diff = versionDiff(old, newest);
    const olderCount = numberedClauses(old).length;
    const newerCount = numberedClauses(newest).length;
    expect([olderCount, newerCount]).toEqual([43, 90]);
    // Every article of either version is accounted for exactly once.
    expect(diff.unchanged + diff.changed.length + diff.removed.length).toBe(olderCount);
    expect(diff.unchanged + diff.changed.length + diff.added.length).toBe(newerCount);
    // The 2023 revision rewrote most of the law and more than doubled it.
    expect(diff.added.length).toBeGreaterThan(40);
    expect(diff.changed.length).toBeGreaterThan(10);
    // 第一条 (the law's purpose) was revised in place; 2017 第五条 (going to court after a review) is 2023 第十条, renumbered.
    const became = (label: string) => diff.changed.find((c) => c.older.label === label)?.newer.label;
    expect(became('第一条')).toBe('第一条');
    expect(became('第五条')).toBe('第十条');
  });
});
