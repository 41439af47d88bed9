/**
 * The reader's own documents (pages saved as canonical, src/core/corpus/saved-page.ts)
 * in the corpus database: one pack, USER_PACK_ID, written by the same code
 * as an imported pack (./corpus-db.ts: row, index, documents), so the engine
 * finds them as it finds any imported document. Each change reads the
 * documents, changes them and rewrites that pack and its index in ONE
 * transaction: a refusal or a failure (a full disk, the worker stopped
 * mid-write) leaves the stored documents as they were. Removing the last
 * one removes the pack.
 */
import type { CanonicalDocument } from '../core/corpus/corpus';
import { buildPack } from '../core/corpus/pack';
import { USER_PACK_ID, retitled } from '../core/corpus/saved-page';
import { removePack, storePack, type CorpusDatabase } from './corpus-db';

/** A change the reader asked for that cannot be made; its message says why. Nothing was stored. */
export class SavedDocumentRefusal extends Error {}

export async function savedDocuments(db: CorpusDatabase): Promise<CanonicalDocument[]> {
  return (await db.documents.where('packId').equals(USER_PACK_ID).toArray()).map((r) => r.document);
}

/**
 * Rewrites the saved documents as `change` makes them, in one transaction.
 * `stop`: fingerprints that are never evidence (the bundled boilerplate).
 */
async function rewrite(
  db: CorpusDatabase,
  stop: readonly number[],
  change: (documents: CanonicalDocument[]) => CanonicalDocument[],
): Promise<void> {
  await db.transaction('rw', db.packs, db.indexes, db.documents, async () => {
    const changed = change(await savedDocuments(db));
    if (changed.length === 0) await removePack(db, USER_PACK_ID);
    else await storePack(db, buildPack({ id: USER_PACK_ID, title: USER_PACK_ID }, changed, stop));
  });
}

function find(documents: CanonicalDocument[], id: string): CanonicalDocument {
  const found = documents.find((d) => d.id === id);
  if (!found) throw new SavedDocumentRefusal('no such saved document (it was removed meanwhile)');
  return found;
}

/** Adds a document; refused when a saved document has the same text (SHA-256). */
export function addSavedDocument(db: CorpusDatabase, stop: readonly number[], document: CanonicalDocument): Promise<void> {
  return rewrite(db, stop, (documents) => {
    const same = documents.find((d) => d.sha256 === document.sha256);
    if (same) throw new SavedDocumentRefusal(`this text is already saved, as “${same.title}” (same SHA-256)`);
    return [...documents, document];
  });
}

/** Renames a document (its text and hash unchanged); the renamed document. */
export async function renameSavedDocument(
  db: CorpusDatabase,
  stop: readonly number[],
  id: string,
  title: string,
): Promise<CanonicalDocument> {
  let renamed: CanonicalDocument | undefined;
  await rewrite(db, stop, (documents) => {
    renamed = retitled(find(documents, id), title);
    return documents.map((d) => (d.id === id ? renamed! : d));
  });
  return renamed!;
}

export function removeSavedDocument(db: CorpusDatabase, stop: readonly number[], id: string): Promise<void> {
  return rewrite(db, stop, (documents) => {
    find(documents, id);
    return documents.filter((d) => d.id !== id);
  });
}
