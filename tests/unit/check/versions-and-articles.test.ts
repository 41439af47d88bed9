/**
 * Statutes from a pack, checked article by article, in their versions:
 * 行政复议法 2017 and 2023 (../shared/corpora/laws) with reprint pages made
 * in the test (laws-fixture.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/cli/read-page';
import { corpusView } from '../../../src/core/corpus/corpus-view';
import { createEngine } from '../../../src/core/check/engine';
import { versionNote, versionNoteText } from '../../../src/core/check/version-note';
import { testCorpus } from '../corpus-fixture';
import { procedurePack, reprintPage, REVIEW_2017, REVIEW_2023 } from '../laws-fixture';

const engine = () => createEngine(corpusView(testCorpus(), [procedurePack()]));
const reviewIds = () => {
  const [newest, old] = procedurePack().documents.filter((d) => d.series === '中华人民共和国行政复议法');
  return { newest: newest.id, old: old.id };
};

describe('versions', () => {
  it('matches a reprint of the 2017 text to the 2017 version and names the newer one', () => {
    const report = engine().check(reprintPage(REVIEW_2017, 1, 20));
    const { newest, old } = reviewIds();
    expect(report.documents.map((d) => d.id)).toEqual([old]);
    expect(report.documents[0]).toMatchObject({ date: '2017-09-01', newerVersions: [{ id: newest, date: '2023-09-01' }] });
    expect(report.deviations).toEqual([]);
    expect(versionNoteText(versionNote(report.documents[0])!)).toBe('本页转载的是2017年版本，现行版本为2023年版本。');
  });

  it('matches a reprint of the 2023 text to the newest version, with no newer versions', () => {
    const report = engine().check(reprintPage(REVIEW_2023, 1, 30));
    expect(report.documents.map((d) => d.id)).toEqual([reviewIds().newest]);
    expect(report.documents[0]).toMatchObject({ date: '2023-09-01', newerVersions: [] });
    expect(versionNote(report.documents[0])).toBeUndefined();
    expect(report.deviations).toEqual([]);
  });

  it('gives the bundled documents their date and no newer versions', () => {
    const report = engine().check(testCorpus().documents[0].text);
    expect(report.documents[0]).toMatchObject({ date: testCorpus().documents[0].date, newerVersions: [] });
  });
});

describe('statutes at article level', () => {
  it('links each article printed on the page to its article (第X条 → cN)', () => {
    const report = engine().check(reprintPage(REVIEW_2017, 5, 12));
    expect(report.markers.map((m) => [m.label, m.clauseId])).toEqual([
      ['第五条', 'c5'],
      ['第二章', 's2h'],
      ['第六条', 'c6'],
      ['第七条', 'c7'],
      ['第八条', 'c8'],
      ['第三章', 's3h'],
      ['第九条', 'c9'],
      ['第十条', 'c10'],
      ['第十一条', 'c11'],
      ['第十二条', 'c12'],
    ]);
    // Items （一） inside an article belong to it: no link of their own, and every clause of the report is an article.
    expect(report.documents[0].clauses.map((c) => c.clause)).toEqual(report.markers.map((m) => m.label));
  });

  it('reports a changed word at the article it is in', () => {
    const page = reprintPage(REVIEW_2017, 1, 12, (l) => l.replace('依照本法履行', '依照本法执行'));
    const report = engine().check(page);
    expect(report.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([
      ['第三条', 'substitution', '履行', '执行'],
    ]);
  });

  it('reports a renumbered article like a wrong clause marker', () => {
    const page = reprintPage(REVIEW_2017, 1, 12, (l) => (l.startsWith('第八条') ? l.replace('第八条', '第九条') : l));
    const report = engine().check(page);
    expect(report.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([
      ['第八条', 'marker', '第八条', '第九条'],
    ]);
  });
});

describe('the laws fixture pages (tests/fixtures/pages/laws-pages.json)', () => {
  const pages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/pages/laws-pages.json'), 'utf8')) as {
    file: string;
    expectedDocuments: string[];
  }[];

  it.each(pages.map((p) => [p.file, p]))('%s: its version, faithful, every article placed', (_file, page) => {
    const report = engine().check(readPage(resolve(import.meta.dirname, '../../fixtures/pages', page.file)));
    expect(report.documents.map((d) => d.id)).toEqual(page.expectedDocuments);
    // 第六十六条 of 2023 has no words of its own (each of its phrases recurs in other articles): found between its neighbours.
    expect(report.deviations).toEqual([]);
    expect(report.documents[0].coverage).toBe(1);
  });
});
