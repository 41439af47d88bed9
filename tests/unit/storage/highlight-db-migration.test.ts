/**
 * The v1 → v2 migration: a database written by the first cut (epoch-ms
 * times, bare offsets, `red`, tracking parameters in URLs, no tags) opens
 * with the current code and comes back as valid version-2 records, indexed.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { validateHighlight } from '../../../src/core/highlight/record';
import { DATABASE_NAME, DATABASE_VERSION, HighlightDatabase, type HighlightV1 } from '../../../src/storage/highlight-db';
import { createHighlightStore } from '../../../src/storage/highlight-store';

const V1: HighlightV1[] = [
  {
    id: 'a1111111-2222-4333-8444-555555555555',
    url: 'https://www.gov.cn/zhengce/content_1.htm?utm_source=weibo&spm=a.b',
    title: '关于推动城市高质量发展的意见',
    createdAt: Date.UTC(2025, 7, 29, 1, 2, 3, 456),
    color: 'red',
    note: '产权归集要看清',
    quote: { exact: '优化产权归集、整合、置换', prefix: '提高运行效能。', suffix: '和登记政策' },
    start: 1718,
    end: 1730,
  },
  {
    id: 'b1111111-2222-4333-8444-555555555555',
    url: 'https://news.example.cn/a.html',
    title: '转载',
    createdAt: Date.UTC(2025, 7, 30),
    color: 'green',
    note: '',
    quote: { exact: '城市是现代化的重要载体', prefix: '', suffix: '，是人口' },
    start: 0,
    end: 11,
  },
];

let db: HighlightDatabase | undefined;

beforeEach(async () => {
  await Dexie.delete(DATABASE_NAME);
  // The database as version 1 of the code declared and filled it.
  const v1 = new Dexie(DATABASE_NAME);
  v1.version(1).stores({ highlights: 'id, url, createdAt' });
  await v1.open();
  await v1.table('highlights').bulkAdd(V1);
  v1.close();
});

afterEach(() => db?.close());

it('upgrades every version-1 record to a valid version-2 record', async () => {
  db = new HighlightDatabase();
  const store = createHighlightStore(db);
  const all = await store.all();
  expect(db.verno).toBe(DATABASE_VERSION);
  expect(all).toEqual([
    {
      id: V1[0].id,
      url: 'https://www.gov.cn/zhengce/content_1.htm',
      title: '关于推动城市高质量发展的意见',
      created: '2025-08-29T01:02:03.456Z',
      modified: '2025-08-29T01:02:03.456Z',
      color: 'pink',
      note: '产权归集要看清',
      tags: [],
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '优化产权归集、整合、置换', prefix: '提高运行效能。', suffix: '和登记政策' },
        position: { type: 'TextPositionSelector', start: 1718, end: 1730 },
      },
    },
    {
      id: V1[1].id,
      url: 'https://news.example.cn/a.html',
      title: '转载',
      created: '2025-08-30T00:00:00.000Z',
      modified: '2025-08-30T00:00:00.000Z',
      color: 'green',
      note: '',
      tags: [],
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '城市是现代化的重要载体', prefix: '', suffix: '，是人口' },
        position: { type: 'TextPositionSelector', start: 0, end: 11 },
      },
    },
  ]);
  for (const h of all) expect(validateHighlight(h)).toEqual({ ok: true, value: h });
  // No version-1 field is left in the rows.
  const raw = (await db.highlights.toArray()) as unknown as Record<string, unknown>[];
  for (const row of raw) for (const old of ['createdAt', 'quote', 'start', 'end']) expect(row).not.toHaveProperty(old);
});

it('indexes the upgraded records: the normalized URL and the search tokens of quote and note', async () => {
  db = new HighlightDatabase();
  const store = createHighlightStore(db);
  expect((await store.forPage('https://www.gov.cn/zhengce/content_1.htm#top')).map((h) => h.id)).toEqual([V1[0].id]);
  expect(await db.highlights.where('words').equals('看清').primaryKeys()).toEqual([V1[0].id]);
  expect(await db.highlights.where('words').startsWith('载').primaryKeys()).toEqual([V1[1].id]);
});

it('keeps working on the upgraded database: new highlights get tags and canonical anchors', async () => {
  db = new HighlightDatabase();
  const store = createHighlightStore(db, () => new Date('2025-09-01T00:00:00.000Z'));
  const updated = await store.update(V1[1].id, { tags: ['序言'] });
  expect(updated.tags).toEqual(['序言']);
  expect(await db.highlights.where('tags').equals('序言').primaryKeys()).toEqual([V1[1].id]);
});
