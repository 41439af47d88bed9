/**
 * The engine on the fixture pages made the way real sites quote, excerpt
 * and print the documents (tests/fixtures/make-pages.ts), read from their
 * HTML as the CLI and the content script read them.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/cli/read-page';
import { describeRelation } from '../../../src/core/check/relation-description';
import { OPINION, PLAN, brief, check, expectOffsetsSlice, opinion } from '../corpus-fixture';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const read = (file: string) => readPage(resolve(PAGES, file));

function checked(file: string) {
  const page = read(file);
  const report = check(page);
  expectOffsetsSlice(report, page);
  return { page, report, match: report.documents[0] };
}

describe('a story quoting two non-adjacent clauses inline, with commentary between', () => {
  const { page, report, match } = checked('story-two-clauses.html');

  it('is a quotation of （三） and （十七） with no warnings', () => {
    expect(report.documents.map((d) => [d.id, d.relation])).toEqual([[OPINION, 'quotation']]);
    expect(report.deviations.map(brief)).toEqual([]);
    expect(describeRelation(match, report.deviations).reproduced).toEqual([
      { kind: 'clause', label: '（三）' },
      { kind: 'clause', label: '（十七）' },
    ]);
  });

  it('puts each clause’s badge region on the quote, not in the sentence before it', () => {
    for (const c of match.clauses) {
      const quoted = page.slice(c.pageStart, c.pageEnd);
      expect(opinion().text.slice(c.canonicalStart, c.canonicalEnd)).toContain(quoted.slice(0, 12));
      expect(page.slice(c.pageStart - 1, c.pageStart)).toBe('“');
    }
  });
});

describe('an abridged copy under the full title', () => {
  const { report, match } = checked('abridged-excerpt.html');

  it('is an excerpt that prints five parts and leaves out four, with no warnings (its headings are the document’s)', () => {
    expect(match).toMatchObject({ id: OPINION, relation: 'excerpt' });
    expect(match.parts).toEqual({ printed: ['', '一、', '二、', '四、', '六、', '九、'], leftOut: ['三、', '五、', '七、', '八、'] });
    expect(report.deviations.map(brief)).toEqual([]);
    expect(match.matchRatio).toBe(1);
  });
});

describe('a preview cut off in the middle of a clause', () => {
  it('is an excerpt with no omission where it stops', () => {
    const { report, match } = checked('preview-cut-off.html');
    expect(match).toMatchObject({ relation: 'excerpt', matchRatio: 1 });
    expect(match.parts.printed).toEqual(['', '一、', '二、']);
    expect(report.deviations.map(brief)).toEqual([]);
  });
});

describe('print pages with jump lines in the middle of a clause', () => {
  it('is a whole reprint with no warnings', () => {
    const { report, match } = checked('print-jump-lines.html');
    expect(match).toMatchObject({ relation: 'reprint', coverage: 1, matchRatio: 1 });
    expect(report.deviations.map(brief)).toEqual([]);
  });
});

describe('pronunciation glosses', () => {
  it('are layout: the excerpt they gloss has no warnings', () => {
    const { page, report, match } = checked('pinyin-glosses.html');
    expect(page).toContain('禀(bǐng)赋(fù)');
    expect(match).toMatchObject({ relation: 'excerpt', matchRatio: 1 });
    expect(report.deviations.map(brief)).toEqual([]);
  });
});

describe('a quote with OCR slips', () => {
  it('reports each of the seven slips, and is not heavily altered', () => {
    const { report, match } = checked('ocr-quote.html');
    expect(match).toMatchObject({ relation: 'quotation', heavilyAltered: false });
    expect(match.matchRatio).toBeGreaterThan(0.95);
    expect(report.deviations.map((d) => [d.clause, d.kind])).toEqual(Array(7).fill(['（一）', 'substitution']));
    const found = report.deviations.map((d) => d.pageText).join(' ');
    for (const slip of ['武', '给', '圏', '城', '亚', '道', '悌']) expect(found).toContain(slip);
  });
});

describe('a story quoting （三十二） word for word', () => {
  it('gives 0 warnings and says it quotes clause （三十二）', () => {
    const { report, match } = checked('story-quoting-32.html');
    expect(report.documents.map((d) => [d.id, d.relation, d.matchRatio])).toEqual([[PLAN, 'quotation', 1]]);
    expect(report.deviations.map(brief)).toEqual([]);
    expect(describeRelation(match, report.deviations)).toMatchObject({
      relation: 'quotation',
      reproduced: [{ kind: 'clause', label: '（三十二）' }],
      changes: 0,
    });
  });
});

describe('the existing pages keep their relation', () => {
  it.each([
    ['xinhua-opinion.html', 'reprint'],
    ['altered-reprint.html', 'reprint'],
    ['spun-reprint.html', 'reprint'],
    ['news-quoting-clauses.html', 'quotation'],
    ['plan-reprint.html', 'reprint'],
    ['peoples-daily-print.html', 'excerpt'],
  ])('%s is a %s', (file, relation) => {
    expect(checked(file).match.relation).toBe(relation);
  });

  it('seed 001 notes its moved parts 六–九 once, and counts only its changed words', () => {
    const { report, match } = checked('altered-reprint.html');
    const d = describeRelation(match, report.deviations);
    expect(d.movedParts).toEqual(['六、', '七、', '八、', '九、'].map((label) => ({ kind: 'part', label })));
    expect(d.changes).toBe(report.deviations.filter((x) => x.kind !== 'reorder').length);
  });
});
