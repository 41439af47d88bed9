/**
 * The reader's saved documents in the corpus database (fake-indexeddb):
 * stored as the `user` pack beside imported ones, refused twice, renamed,
 * removed, and all or nothing when the storage fails mid-write.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CORPUS_DATABASE_NAME, CorpusDatabase, storePack } from '../../../src/storage/corpus-db';
import {
  SavedDocumentRefusal,
  addSavedDocument,
  removeSavedDocument,
  renameSavedDocument,
  savedDocuments,
} from '../../../src/storage/saved-documents';
import { buildPack } from '../../../src/core/corpus/pack';
import { USER_PACK_ID, savedPageDocument } from '../../../src/core/corpus/saved-page';
import { htmlPage } from '../../../src/cli/read-page';
import { procedurePack } from '../laws-fixture';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const saved = (file: string, url: string) => {
  const page = htmlPage(readFileSync(resolve(PAGES, file), 'utf8'));
  return savedPageDocument({ url, title: page.title, text: page.text }, '2026-12-01T12:00:00.000Z');
};
const issuer = saved('npc-anthem-law.html', 'http://www.npc.gov.cn/anthem.html');
const city = saved('anthem-law-reprint.html', 'http://city.example.cn/anthem.html');
const STOP: number[] = [];

let db: CorpusDatabase;

beforeEach(async () => {
  await Dexie.delete(CORPUS_DATABASE_NAME);
  db = new CorpusDatabase();
  await storePack(db, procedurePack());
});

afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const ids = async () => (await savedDocuments(db)).map((d) => d.id).sort();

describe('saved documents in the corpus database', () => {
  it('are one pack of their own beside the imported ones, with its index', async () => {
    await addSavedDocument(db, STOP, issuer);
    await addSavedDocument(db, STOP, city);
    expect(await ids()).toEqual([issuer.id, city.id].sort());
    expect((await db.packs.toCollection().primaryKeys()).sort()).toEqual(['procedure', USER_PACK_ID]);
    const row = await db.packs.get(USER_PACK_ID);
    expect(row?.entries.map((e) => e.id).sort()).toEqual([issuer.id, city.id].sort());
    const index = await db.indexes.get(USER_PACK_ID);
    expect(index?.sizes.length).toBe(2);
    expect(index!.hashes.length).toBeGreaterThan(100);
    expect(await db.documents.where('packId').equals('procedure').count()).toBe(procedurePack().documents.length);
  });

  it('refuses a text already saved, and leaves what is stored as it was', async () => {
    await addSavedDocument(db, STOP, issuer);
    const again = { ...issuer, title: 'another title', savedAt: '2026-12-02T00:00:00.000Z' };
    await expect(addSavedDocument(db, STOP, again)).rejects.toThrow(SavedDocumentRefusal);
    await expect(addSavedDocument(db, STOP, again)).rejects.toThrow(/already saved, as “中华人民共和国国歌法”/);
    expect((await savedDocuments(db)).map((d) => d.title)).toEqual(['中华人民共和国国歌法']);
  });

  it('renames one: same id, text and hash, a new title and series', async () => {
    await addSavedDocument(db, STOP, issuer);
    const renamed = await renameSavedDocument(db, STOP, issuer.id, '国歌法');
    expect(renamed).toMatchObject({ id: issuer.id, title: '国歌法', series: '国歌法', sha256: issuer.sha256 });
    const [stored] = await savedDocuments(db);
    expect(stored).toMatchObject({ title: '国歌法', text: issuer.text, source: issuer.source, savedAt: issuer.savedAt });
    expect((await db.packs.get(USER_PACK_ID))?.entries[0].title).toBe('国歌法');
  });

  it('removes one, and the pack with the last one; an unknown id is refused', async () => {
    await addSavedDocument(db, STOP, issuer);
    await addSavedDocument(db, STOP, city);
    await removeSavedDocument(db, STOP, city.id);
    expect(await ids()).toEqual([issuer.id]);
    await expect(removeSavedDocument(db, STOP, city.id)).rejects.toThrow(/no such saved document/);
    await removeSavedDocument(db, STOP, issuer.id);
    expect(await ids()).toEqual([]);
    expect(await db.packs.get(USER_PACK_ID)).toBeUndefined();
    expect(await db.indexes.get(USER_PACK_ID)).toBeUndefined();
    expect(await db.packs.get('procedure')).toBeDefined();
  });

  it('loses nothing when the storage fails mid-write: the earlier documents and their index stay', async () => {
    await addSavedDocument(db, STOP, issuer);
    const before = await db.indexes.get(USER_PACK_ID);
    vi.spyOn(db.indexes, 'put').mockImplementation(() => Dexie.Promise.reject(new Error('QuotaExceededError')));
    await expect(addSavedDocument(db, STOP, city)).rejects.toThrow(/QuotaExceededError/);
    expect(await ids()).toEqual([issuer.id]);
    expect(await db.indexes.get(USER_PACK_ID)).toEqual(before);
    expect((await db.packs.get(USER_PACK_ID))?.entries.map((e) => e.id)).toEqual([issuer.id]);
  });

  it('keeps an imported pack out of it', async () => {
    await storePack(db, buildPack({ id: 'other', title: 'x' }, [city]));
    expect(await ids()).toEqual([]);
  });
});
