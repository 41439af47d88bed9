/**
 * The reader's own documents: pages saved as canonical from the popup
 * (src/core/corpus/saved-page.ts). They are one pack, USER_PACK_ID, stored by
 * the same code as an imported pack (src/storage/corpus-db.ts: row, index,
 * documents), so the engine, the viewer and highlights find them as they
 * find any imported document. Each change rebuilds that pack's index from
 * its documents inside one transaction: a failure (a full disk, the worker
 * stopped mid-write) leaves the stored documents as they were.
 */
import { t } from '../platform/browser';
import { bundledCorpus } from '../platform/bundled-corpus';
import type { CanonicalDocument } from '../core/corpus/corpus';
import { SourceFormatError } from '../core/corpus/laws-markdown';
import { buildPack, serializePack } from '../core/corpus/pack';
import {
  EXPORT_PACK_ID,
  USER_PACK_ID,
  retitled,
  savedDocumentSummary,
  savedPageDocument,
  type PageSource,
  type SavedDocumentSummary,
} from '../core/corpus/saved-page';
import { removePack, storePack } from '../storage/corpus-db';
import type { CorpusResult, PackFile } from '../messages/corpus';
import { db, packsChanged } from './corpus';

/** A change the reader asked for that cannot be made (said as is; nothing was stored). */
class Refused extends Error {}

async function savedDocuments(): Promise<CanonicalDocument[]> {
  const rows = await db().documents.where('packId').equals(USER_PACK_ID).toArray();
  return rows.map((r) => r.document);
}

/** Reads the documents, changes them and stores the result, all in one transaction. */
async function changeSaved<T>(
  change: (documents: CanonicalDocument[]) => { documents: CanonicalDocument[]; value: T },
): Promise<CorpusResult<T>> {
  const database = db();
  let value: T;
  try {
    await database.transaction('rw', database.packs, database.indexes, database.documents, async () => {
      const changed = change(await savedDocuments());
      value = changed.value;
      if (changed.documents.length === 0) await removePack(database, USER_PACK_ID);
      else
        await storePack(
          database,
          buildPack({ id: USER_PACK_ID, title: USER_PACK_ID }, changed.documents, bundledCorpus().fingerprints.stop),
        );
    });
  } catch (e) {
    if (e instanceof Refused || e instanceof SourceFormatError) return { ok: false, error: e.message };
    return { ok: false, error: `storage failed (${(e as Error).message}); nothing was changed` };
  }
  await packsChanged();
  return { ok: true, value: value! };
}

function find(documents: CanonicalDocument[], id: string): CanonicalDocument {
  const found = documents.find((d) => d.id === id);
  if (!found) throw new Refused('no such saved document (it was removed meanwhile)');
  return found;
}

export function savePage(source: PageSource): Promise<CorpusResult<SavedDocumentSummary>> {
  return changeSaved((documents) => {
    const document = savedPageDocument(source, new Date().toISOString());
    const same = documents.find((d) => d.sha256 === document.sha256);
    if (same) throw new Refused(`this text is already saved, as “${same.title}” (same SHA-256)`);
    return { documents: [...documents, document], value: savedDocumentSummary(document) };
  });
}

export function renameSaved(id: string, title: string): Promise<CorpusResult<SavedDocumentSummary>> {
  return changeSaved((documents) => {
    const renamed = retitled(find(documents, id), title);
    return { documents: documents.map((d) => (d.id === id ? renamed : d)), value: savedDocumentSummary(renamed) };
  });
}

export function removeSaved(id: string): Promise<CorpusResult<boolean>> {
  return changeSaved((documents) => {
    find(documents, id);
    return { documents: documents.filter((d) => d.id !== id), value: true };
  });
}

/** Newest first. */
export async function listSaved(): Promise<SavedDocumentSummary[]> {
  return (await savedDocuments()).map(savedDocumentSummary).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The reader's documents as an ordinary pack file (imports here, elsewhere, or in `yuanwen check --corpus`). */
export async function exportSaved(): Promise<CorpusResult<PackFile>> {
  const documents = await savedDocuments();
  if (documents.length === 0) return { ok: false, error: 'no saved documents to export' };
  const created = new Date().toISOString();
  const pack = buildPack({ id: EXPORT_PACK_ID, title: t('savedExportTitle'), created }, documents, bundledCorpus().fingerprints.stop);
  return { ok: true, value: { fileName: `yuanwen-${EXPORT_PACK_ID}-${created.slice(0, 10)}.pack.json`, text: serializePack(pack) } };
}
