/**
 * Library search (src/library/search.ts, with the index lookup of
 * src/storage/search-index.ts) on fake-indexeddb: Chinese words
 * found inside notes and quotes through the `*words` index, confirmed on the
 * text (bigrams present but not in a row do not match), Latin prefixes,
 * filters; and the popup's grouping of deviations by clause.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHighlight, type Highlight } from '../../../src/core/highlight/record';
import { HighlightDatabase, toRow } from '../../../src/storage/highlight-db';
import { indexCandidates } from '../../../src/storage/search-index';
import { NO_FILTERS, search, searchableText, type CandidateLookup } from '../../../src/library/search';
import { groupDeviations } from '../../../src/popup/deviation-groups';
import { emptyReport, type Deviation } from '../../../src/core/check/report';

let db: HighlightDatabase;
let all: Highlight[];

function make(i: number, exact: string, note: string, extra: Partial<Parameters<typeof createHighlight>[0]> = {}): Highlight {
  const r = createHighlight(
    {
      url: `https://site${i % 2}.example.cn/a${i}.html`,
      title: 't',
      note,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      },
      ...extra,
    },
    `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    new Date(Date.UTC(2025, 8, 1, 0, i)),
  );
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.value;
}

beforeEach(async () => {
  db = new HighlightDatabase({}, `library-search-${Math.random()}`);
  all = [
    make(1, '推动城市高质量发展', '写期末论文时引用这一条'),
    make(2, '城市更新行动', '期末论述论文', { color: 'green', tags: ['韧性'] }),
    make(3, 'Urbanization plan 2022', 'compare wording', { color: 'green' }),
  ];
  await db.highlights.bulkAdd(all.map(toRow));
});
afterEach(() => db.close());

/** The background's answer to `yuanwen/highlights-search`, without the message. */
const candidates: CandidateLookup = (query) => indexCandidates(db.highlights, query);
const texts = () => new Map(all.map((h) => [h.id, searchableText(h)]));
const ids = (hs: Highlight[]) => hs.map((h) => h.id.slice(-1)).sort();

describe('library search', () => {
  it('finds a note by a Chinese word inside it', async () => {
    expect(ids((await search(candidates, all, texts(), '期末论文', NO_FILTERS)).results)).toEqual(['1']);
  });

  it('takes candidates from the index and confirms them on the text: bigrams out of order do not match', async () => {
    // 2's note (期末论述论文) has every bigram of 期末论文 (期末 末论 论文), not in a row.
    expect([...(await indexCandidates(db.highlights, '期末论文'))!].map((id) => id.slice(-1)).sort()).toEqual(['1', '2']);
    expect(ids((await search(candidates, all, texts(), '期末论文', NO_FILTERS)).results)).toEqual(['1']);
  });

  it('matches quotes, tags, Latin prefixes, several words, and one Chinese character', async () => {
    const q = async (query: string) => ids((await search(candidates, all, texts(), query, NO_FILTERS)).results);
    expect(await q('城市')).toEqual(['1', '2']);
    expect(await q('韧性')).toEqual(['2']);
    expect(await q('urban')).toEqual(['3']);
    expect(await q('compare word')).toEqual(['3']);
    expect(await q('更')).toEqual(['2']);
    expect(await q('')).toEqual(['1', '2', '3']);
  });

  it('applies filters', async () => {
    expect(ids((await search(candidates, all, texts(), '', { ...NO_FILTERS, color: 'green', site: 'site0.example.cn' })).results)).toEqual([
      '2',
    ]);
    expect(ids((await search(candidates, all, texts(), '', { ...NO_FILTERS, tag: '韧性' })).results)).toEqual(['2']);
  });
});

describe('the popup groups deviations by clause', () => {
  it('in canonical order, with canonical context either side', () => {
    const text = '一、总则\n（一）推动城市治理智慧化精细化。\n（二）加强协调。';
    const d = (clause: string, start: number, end: number, page: string): Deviation => ({
      documentId: 'x',
      clause,
      kind: 'substitution',
      canonicalText: text.slice(start, end),
      pageText: page,
      canonicalStart: start,
      canonicalEnd: end,
      pageStart: start,
      pageEnd: start + page.length,
      number: false,
    });
    const iz = text.indexOf('智慧');
    const report = {
      ...emptyReport(),
      deviations: [d('（二）', text.indexOf('协调'), text.indexOf('协调') + 2, '协同'), d('（一）', iz, iz + 2, '智能')],
    };
    const groups = groupDeviations(report, 'x', text);
    expect(groups.map((g) => g.clause)).toEqual(['（一）', '（二）']);
    expect(groups[0].items[0]).toMatchObject({ canonical: '智慧', page: '智能', before: '（一）推动城市治理', after: '化精细化。' });
  });
});
