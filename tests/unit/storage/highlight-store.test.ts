/**
 * The highlight store on IndexedDB (fake-indexeddb): the operations the
 * background runs, all-or-nothing import, typed errors.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_NAME, HighlightDatabase } from '../../../src/storage/highlight-db';
import { HighlightStoreError, createHighlightStore, storeError, type HighlightStore } from '../../../src/storage/highlight-store';
import { IDS, sampleHighlights } from '../highlight/highlight-fixture';

let db: HighlightDatabase;
let store: HighlightStore;
let now: Date;

beforeEach(async () => {
  await Dexie.delete(DATABASE_NAME);
  db = new HighlightDatabase();
  now = new Date('2025-09-10T00:00:00.000Z');
  store = createHighlightStore(db, () => now);
  for (const h of sampleHighlights()) await store.create(h);
});

afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

async function expectStoreError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HighlightStoreError);
  expect((error as HighlightStoreError).code).toBe(code);
  if (message) expect((error as HighlightStoreError).message).toMatch(message);
}

describe('reading', () => {
  it('returns every record as created, oldest first, without the search tokens', async () => {
    const all = await store.all();
    const byCreated = sampleHighlights().sort((a, b) => (a.created < b.created ? -1 : 1));
    expect(all).toEqual(byCreated);
    expect(all.some((h) => 'words' in h)).toBe(false);
  });

  it('finds a page’s highlights by any form of its URL, in page order', async () => {
    const page = await store.forPage('https://www.gov.cn/zhengce/202508/content_7037861.htm?utm_source=weibo#p5');
    expect(page.map((h) => h.id)).toEqual([IDS[3], IDS[0]]);
    expect(await store.forPage('https://www.gov.cn/other.htm')).toEqual([]);
    expect(await store.forPage('chrome://extensions')).toEqual([]);
  });

  it('finds the highlights of canonical clauses, from every page, in canonical order', async () => {
    expect((await store.forCanonicalClauses('urban-opinion-2025', ['c5'])).map((h) => h.id)).toEqual([IDS[0], IDS[1]]);
    expect((await store.forCanonicalClauses('urban-opinion-2025', ['c5', 's0p1', 'c9'])).map((h) => h.id)).toEqual([
      IDS[3],
      IDS[0],
      IDS[1],
    ]);
    expect(await store.forCanonicalClauses('urbanization-plan-2022', ['c5'])).toEqual([]);
    expect(await store.forCanonicalClauses('urban-opinion-2025', [])).toEqual([]);
  });

  it('indexes tags and Chinese search tokens for the library page', async () => {
    expect(await db.highlights.where('tags').equals('产权').primaryKeys()).toEqual([IDS[0]]);
    expect((await db.highlights.where('words').equals('归集').primaryKeys()).sort()).toEqual([IDS[0]]);
    expect(await db.highlights.where('words').equals('归属').primaryKeys()).toEqual([IDS[1]]);
  });
});

describe('creating', () => {
  it('rejects an invalid record with its problems, and stores nothing', async () => {
    await expectStoreError(store.create({ ...sampleHighlights()[0], id: 'x' }), 'invalid', /id must be/);
    expect(await db.highlights.count()).toBe(4);
  });

  it('refuses a second record with the same id', async () => {
    await expectStoreError(store.create(sampleHighlights()[0]), 'conflict', new RegExp(IDS[0]));
  });

  it('loses nothing when two tabs create highlights at once', async () => {
    const base = sampleHighlights()[2];
    const made = Array.from({ length: 20 }, (_, i) => ({ ...base, id: `9b8f3c1e-9a4d-4e6f-8b7a-${String(i).padStart(12, '0')}` }));
    await Promise.all(made.map((h) => store.create(h)));
    expect(await db.highlights.count()).toBe(24);
  });

  it('answers with native promises (Dexie’s do not survive a runtime.onMessage reply in Chromium)', () => {
    const p = store.all();
    expect(p.constructor).toBe(Promise);
    return p;
  });
});

describe('updating and removing', () => {
  it('changes colour, note and tags, and moves modified to now', async () => {
    const updated = await store.update(IDS[1], { color: 'purple', note: '改了一个词', tags: [' 改动 ', '改动'] });
    expect(updated).toMatchObject({
      color: 'purple',
      note: '改了一个词',
      tags: ['改动'],
      modified: '2025-09-10T00:00:00.000Z',
      created: sampleHighlights()[1].created,
    });
    expect(await store.get(IDS[1])).toEqual(updated);
  });

  it('never moves modified backwards, even when the clock is behind', async () => {
    now = new Date('2020-01-01T00:00:00.000Z');
    const updated = await store.update(IDS[0], { note: 'x' });
    expect(updated.modified).toBe('2025-08-30T10:00:00.001Z');
  });

  it('re-attaches: new selectors, the canonical anchor removed', async () => {
    const selectors = sampleHighlights()[2].selectors;
    const updated = await store.update(IDS[0], { selectors, canonical: null });
    expect(updated.selectors).toEqual(selectors);
    expect('canonical' in updated).toBe(false);
    expect(await store.forCanonicalClauses('urban-opinion-2025', ['c5'])).toHaveLength(1);
  });

  it('refuses an invalid change and keeps the record', async () => {
    await expectStoreError(store.update(IDS[0], { color: 'red' as never }), 'invalid', /color must be one of/);
    expect(await store.get(IDS[0])).toEqual(sampleHighlights()[0]);
  });

  it('says when the highlight is gone', async () => {
    await expectStoreError(store.update('ffffffff-9a4d-4e6f-8b7a-1c2d3e4f5a6b', { note: 'x' }), 'not-found');
  });

  it('removes one highlight and says whether it existed', async () => {
    expect(await store.remove(IDS[2])).toBe(true);
    expect(await store.remove(IDS[2])).toBe(false);
    expect((await store.all()).map((h) => h.id)).not.toContain(IDS[2]);
  });

  it('clears everything', async () => {
    await store.clear();
    expect(await store.all()).toEqual([]);
  });
});

describe('importing: replace all or merge, all or nothing', () => {
  it('replaces every record, once the reader confirmed deleting those the file lacks', async () => {
    const [a, b] = sampleHighlights();
    await store.importAll([{ ...a, note: 'imported' }, b], 'replace', { confirmDeletes: true });
    expect((await store.all()).map((h) => [h.id, h.note])).toEqual([
      [IDS[0], 'imported'],
      [IDS[1], ''],
    ]);
  });

  it('refuses, unconfirmed, a replace that would delete highlights, saying how many', async () => {
    await expectStoreError(
      store.importAll([], 'replace'),
      'needs-confirmation',
      /deletes 4 highlights it does not hold; nothing was imported/,
    );
    await expectStoreError(store.importAll(sampleHighlights().slice(1), 'replace'), 'needs-confirmation', /deletes 1 highlight it/);
    expect(await store.all()).toHaveLength(4);
    // The count travels in the reply too, for the options page's question in the reader's language.
    const refusal = await store.importAll([], 'replace').catch((e: HighlightStoreError) => e.toJSON());
    expect(refusal).toMatchObject({ code: 'needs-confirmation', count: 4 });
  });

  it('replaces without asking when the file holds every stored highlight (a restore)', async () => {
    const records = sampleHighlights().map((h) => ({ ...h, note: 'restored' }));
    await store.importAll(records, 'replace');
    expect((await store.all()).map((h) => h.note)).toEqual(['restored', 'restored', 'restored', 'restored']);
  });

  it('merges: records with a new id are added, one with a stored id replaces it, the rest stay', async () => {
    const [a] = sampleHighlights();
    const fresh = { ...a, id: '00000000-0000-4000-8000-00000000abcd', note: 'new' };
    await store.importAll([{ ...a, note: 'from the file' }, fresh], 'merge');
    const all = await store.all();
    expect(all).toHaveLength(5);
    expect(all.find((h) => h.id === a.id)?.note).toBe('from the file');
    expect(all.find((h) => h.id === fresh.id)?.note).toBe('new');
  });

  it('changes nothing when a record is invalid', async () => {
    const records = sampleHighlights();
    records[3] = { ...records[3], url: 'about:blank' };
    await expectStoreError(store.importAll(records.slice(1), 'replace'), 'invalid', /^Highlight 3 of 3 is not valid: url/);
    expect(await store.all()).toHaveLength(4);
  });

  it('changes nothing when two records share an id', async () => {
    const [a] = sampleHighlights();
    await expectStoreError(store.importAll([a, { ...a, note: 'twin' }], 'replace'), 'invalid', /repeats the id/);
    expect(await store.all()).toHaveLength(4);
  });

  it('rolls the clearing back when writing fails half-way (the quota runs out)', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    vi.spyOn(db.highlights, 'bulkPut').mockImplementation(() => Dexie.Promise.reject(quota) as never);
    await expectStoreError(store.importAll([sampleHighlights()[0]], 'replace', { confirmDeletes: true }), 'quota', /no more storage space/);
    vi.restoreAllMocks();
    expect(await store.all()).toHaveLength(4);
  });

  it('export → wipe → import gives identical records', async () => {
    const exported = await store.all();
    await store.clear();
    await store.importAll(exported, 'replace');
    expect(await store.all()).toEqual(exported);
  });
});

describe('errors', () => {
  it('classifies what IndexedDB and Dexie throw, looking inside wrappers', () => {
    const inner = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner });
    expect(storeError(abort, 'save the highlight').code).toBe('quota');
    expect(storeError(Object.assign(new Error('x'), { name: 'MissingAPIError' }), 'read').code).toBe('unavailable');
    expect(storeError(new Error('strange'), 'read the highlights').message).toBe('Could not read the highlights: strange');
    expect(new HighlightStoreError('quota', 'm').toJSON()).toEqual({ code: 'quota', message: 'm' });
  });

  it('says so when the database cannot be opened (IndexedDB refused, as in some private windows)', async () => {
    const refusing = {
      open() {
        throw Object.assign(new Error('A mutation operation was attempted on a database that did not allow mutations.'), {
          name: 'InvalidStateError',
        });
      },
      cmp: indexedDB.cmp.bind(indexedDB),
    } as unknown as IDBFactory;
    const broken = new HighlightDatabase({ indexedDB: refusing, IDBKeyRange });
    await expectStoreError(createHighlightStore(broken).all(), 'unavailable', /cannot be opened/);
  });
});
