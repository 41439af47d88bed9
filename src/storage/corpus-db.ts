/**
 * The corpus packs the reader imported: ONE Dexie (IndexedDB) database,
 * `yuanwen-corpus`, in the extension's origin, owned by the background
 * (pages reach it by the messages of src/messages/corpus.ts). Kept apart from
 * the highlights database so a pack's 50 MB never sits in a highlight
 * backup, and either can be versioned alone.
 *
 * Versions:
 * 1. `packs` (id; title, created, importedAt, entries: id/title/series/date
 *    of each document), `indexes` (packId; the pack's compact fingerprint
 *    index as typed arrays, loaded as is when the worker wakes), `documents`
 *    ([packId+id]; the full canonical document, read when a page is
 *    identified with it).
 *
 * A new version is added below the others, never by editing an old one.
 */
import { Dexie, type Table } from 'dexie';
import type { CanonicalDocument } from '../core/corpus/corpus';
import type { CompactIndex } from '../core/corpus/fingerprint-index';
import { documentEntry, type CorpusPack, type DocumentEntry } from '../core/corpus/pack';

export const CORPUS_DATABASE_NAME = 'yuanwen-corpus';

export interface StoredPack {
  id: string;
  title: string;
  created: string;
  /** Epoch ms. */
  importedAt: number;
  entries: DocumentEntry[];
}

export interface StoredIndex extends CompactIndex {
  packId: string;
}

export interface StoredDocument {
  packId: string;
  id: string;
  document: CanonicalDocument;
}

export class CorpusDatabase extends Dexie {
  packs!: Table<StoredPack, string>;
  indexes!: Table<StoredIndex, string>;
  documents!: Table<StoredDocument, [string, string]>;

  constructor(options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(CORPUS_DATABASE_NAME, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : undefined);
    this.version(1).stores({ packs: '&id', indexes: '&packId', documents: '&[packId+id], packId' });
  }
}

/** Documents written per step of an import (progress is reported between steps). */
const DOCUMENTS_PER_STEP = 100;

/**
 * Stores a pack in one transaction: all of it or, if anything fails (a full
 * disk, the worker stopped mid-write), none of it. A pack with the same id
 * is replaced; other packs are never touched.
 */
export async function storePack(
  db: CorpusDatabase,
  pack: CorpusPack,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<StoredPack> {
  const stored: StoredPack = {
    id: pack.id,
    title: pack.title,
    created: pack.created,
    importedAt: Date.now(),
    entries: pack.documents.map(documentEntry),
  };
  await db.transaction('rw', db.packs, db.indexes, db.documents, async () => {
    await db.documents.where('packId').equals(pack.id).delete();
    for (let i = 0; i < pack.documents.length; i += DOCUMENTS_PER_STEP) {
      const step = pack.documents.slice(i, i + DOCUMENTS_PER_STEP);
      await db.documents.bulkPut(step.map((document) => ({ packId: pack.id, id: document.id, document })));
      progress(Math.min(i + DOCUMENTS_PER_STEP, pack.documents.length), pack.documents.length);
    }
    await db.indexes.put({ packId: pack.id, ...pack.index });
    await db.packs.put(stored);
  });
  return stored;
}

export async function removePack(db: CorpusDatabase, packId: string): Promise<boolean> {
  return db.transaction('rw', db.packs, db.indexes, db.documents, async () => {
    const existed = (await db.packs.get(packId)) !== undefined;
    await db.documents.where('packId').equals(packId).delete();
    await db.indexes.delete(packId);
    await db.packs.delete(packId);
    return existed;
  });
}
