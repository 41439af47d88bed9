/**
 * The reader's own documents, for our pages' messages: pages saved as
 * canonical from the popup (src/core/corpus/saved-page.ts), stored as one
 * pack of the corpus database (src/storage/saved-documents.ts). Every answer
 * is a CorpusResult: a refusal or a storage error says what happened, and
 * nothing stored was changed.
 */
import { t } from '../platform/browser';
import { bundledCorpus } from '../platform/bundled-corpus';
import { SourceFormatError } from '../core/corpus/laws-markdown';
import { buildPack, serializePack } from '../core/corpus/pack';
import {
  EXPORT_PACK_ID,
  savedDocumentSummary,
  savedPageDocument,
  type PageSource,
  type SavedDocumentSummary,
} from '../core/corpus/saved-page';
import {
  SavedDocumentRefusal,
  addSavedDocument,
  removeSavedDocument,
  renameSavedDocument,
  savedDocuments,
} from '../storage/saved-documents';
import type { CorpusResult, PackFile } from '../messages/corpus';
import { db, packsChanged } from './corpus';

const stop = () => bundledCorpus().fingerprints.stop;

/** Runs one change; the engine reloads after it. */
async function changed<T>(change: () => Promise<T>): Promise<CorpusResult<T>> {
  let value: T;
  try {
    value = await change();
  } catch (e) {
    if (e instanceof SavedDocumentRefusal || e instanceof SourceFormatError) return { ok: false, error: e.message };
    return { ok: false, error: `storage failed (${(e as Error).message})` };
  }
  await packsChanged();
  return { ok: true, value };
}

export function savePage(source: PageSource): Promise<CorpusResult<SavedDocumentSummary>> {
  return changed(async () => {
    const document = savedPageDocument(source, new Date().toISOString());
    await addSavedDocument(db(), stop(), document);
    return savedDocumentSummary(document);
  });
}

export function renameSaved(id: string, title: string): Promise<CorpusResult<SavedDocumentSummary>> {
  return changed(async () => savedDocumentSummary(await renameSavedDocument(db(), stop(), id, title)));
}

export function removeSaved(id: string): Promise<CorpusResult<boolean>> {
  return changed(async () => {
    await removeSavedDocument(db(), stop(), id);
    return true;
  });
}

/** Newest first. */
export async function listSaved(): Promise<SavedDocumentSummary[]> {
  return (await savedDocuments(db())).map(savedDocumentSummary).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The reader's documents as an ordinary pack file (imports here, elsewhere, or in `yuanwen check --corpus`). */
export async function exportSaved(): Promise<CorpusResult<PackFile>> {
  const documents = await savedDocuments(db());
  if (documents.length === 0) return { ok: false, error: 'no saved documents to export' };
  const created = new Date().toISOString();
  const pack = buildPack({ id: EXPORT_PACK_ID, title: t('savedExportTitle'), created }, documents, stop());
  return { ok: true, value: { fileName: `yuanwen-${EXPORT_PACK_ID}-${created.slice(0, 10)}.pack.json`, text: serializePack(pack) } };
}
