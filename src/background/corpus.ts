/**
 * The corpus the background checks pages against: the bundled documents and
 * the imported packs (src/storage/corpus-db.ts). On wake it loads each pack's
 * stored index and catalog as they are (typed arrays: no rebuilding) and
 * builds the engine over them; a document's full text is read from the
 * database only when a page is identified with it. Everything here is a cache
 * the worker may lose at any moment: the next request loads it again.
 */
import { browser } from '../platform/browser';
import { bundledCorpus } from '../platform/bundled-corpus';
import type { CanonicalDocument } from '../core/corpus/corpus';
import { combineParts, corpusPart, type CorpusView, type ViewPart } from '../core/corpus/corpus-view';
import { documentsWith } from '../core/corpus/fingerprint-index';
import { PackError, parsePack } from '../core/corpus/pack';
import { USER_PACK_ID } from '../core/corpus/saved-page';
import { PackAssembly, TransferError } from '../core/corpus/pack-transfer';
import { createEngine, type Engine } from '../core/check/engine';
import { MIN_EVIDENCE } from '../core/check/identify';
import { quoteCandidates } from '../core/check/short-quotation';
import { CorpusDatabase, removePack, storePack, type StoredPack } from '../storage/corpus-db';
import {
  CORPUS_REVISION_KEY,
  IMPORTED_PACKS_KEY,
  IMPORT_LOST,
  MAX_PACK_TEXT,
  type CorpusResult,
  type ImportProgress,
  type PackSummary,
} from '../messages/corpus';

let database: CorpusDatabase | undefined;
/** The corpus database (opened on first use; the background is its only owner). */
export const db = () => (database ??= new CorpusDatabase());

interface LoadedCorpus {
  view: CorpusView;
  engine: Engine;
  /** Per document number: the pack it is stored in, undefined for bundled documents. */
  packOf: (string | undefined)[];
  /** Texts read from the database, by document number. */
  texts: Map<number, CanonicalDocument>;
}

let loaded: Promise<LoadedCorpus> | undefined;

async function load(): Promise<LoadedCorpus> {
  const packs = await db().packs.toArray();
  const indexes = await db().indexes.bulkGet(packs.map((p) => p.id));
  const bundled = bundledCorpus();
  const parts: ViewPart[] = [corpusPart(bundled)];
  const packOf: (string | undefined)[] = bundled.documents.map(() => undefined);
  packs.forEach((pack, i) => {
    const index = indexes[i];
    if (!index) return; // a pack row without its index cannot be half-imported (one transaction); skip it if it ever is
    parts.push({ index, entries: pack.entries });
    for (const _ of pack.entries) packOf.push(pack.id);
  });
  const texts = new Map<number, CanonicalDocument>();
  const view = combineParts(parts, (n) => texts.get(n));
  return { view, engine: createEngine(view), packOf, texts };
}

export function loadedCorpus(): Promise<LoadedCorpus> {
  loaded ??= load().catch((e: unknown) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}

/** Reads the texts of these documents (numbers in the view) that are not at hand yet. */
export async function loadTexts(corpus: LoadedCorpus, numbers: number[]): Promise<void> {
  const missing = numbers.filter((n) => !corpus.view.document(n) && corpus.packOf[n] !== undefined);
  if (missing.length === 0) return;
  const rows = await db().documents.bulkGet(missing.map((n) => [corpus.packOf[n]!, corpus.view.entries[n].id] as [string, string]));
  rows.forEach((row, i) => {
    if (row) corpus.texts.set(missing[i], row.document);
  });
}

/** Whether a page with these fingerprints shares enough with any document (or quotes one) to be worth analysing. */
export async function sketchMightReprint(hashes: number[], quotes: number[][] = []): Promise<boolean> {
  const { view } = await loadedCorpus();
  let hits = 0;
  for (const h of new Set(hashes)) if (documentsWith(view.index, h) && ++hits >= MIN_EVIDENCE) return true;
  return quotes.some((q) => quoteCandidates(q, (h) => documentsWith(view.index, h)).length > 0);
}

/** A bundled or imported document by id, or null. */
export async function documentById(id: string): Promise<CanonicalDocument | null> {
  const bundled = bundledCorpus().documents.find((d) => d.id === id);
  if (bundled) return bundled;
  const corpus = await loadedCorpus();
  const n = corpus.view.entries.findIndex((e) => e.id === id);
  if (n < 0) return null;
  await loadTexts(corpus, [n]);
  return corpus.view.document(n) ?? null;
}

function summary(p: StoredPack): PackSummary {
  return { id: p.id, title: p.title, created: p.created, importedAt: p.importedAt, documents: p.entries };
}

/** The imported packs (the reader's own documents are listed by ./saved-documents.ts). */
export async function listPacks(): Promise<PackSummary[]> {
  return (await db().packs.orderBy('id').toArray()).filter((p) => p.id !== USER_PACK_ID).map(summary);
}

/**
 * After any change to the stored packs: the engine reloads on the next
 * request, content scripts learn whether to send sketches, and open tabs
 * analyse again (a new token: storage.onChanged fires only on a new value).
 */
export async function packsChanged(): Promise<void> {
  loaded = undefined;
  await browser.storage.local.set({
    [IMPORTED_PACKS_KEY]: await db().packs.count(),
    [CORPUS_REVISION_KEY]: crypto.randomUUID(),
  });
}

function tellPages(progress: ImportProgress): void {
  // A notification to our pages, not a request (no reply, so not in the reply maps); no page listening is no reason to stop.
  // eslint-disable-next-line no-restricted-syntax
  browser.runtime.sendMessage(progress).catch(() => undefined);
}

/**
 * The one import whose chunks are arriving (a newer one replaces it). Like
 * everything here it lives only as long as the worker: a chunk or an end for
 * an import the worker no longer holds is answered IMPORT_LOST.
 */
let pending: { importId: string; assembly: PackAssembly } | undefined;

const lost = { ok: false, error: IMPORT_LOST } as const;

export async function beginImport(chars: number, chunks: number): Promise<CorpusResult<string>> {
  if (chars > MAX_PACK_TEXT) return { ok: false, error: `the file is larger than ${MAX_PACK_TEXT / 1024 / 1024} MB` };
  try {
    pending = { importId: crypto.randomUUID(), assembly: new PackAssembly(chars, chunks) };
  } catch (e) {
    pending = undefined;
    if (e instanceof TransferError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, value: pending.importId };
}

export async function addImportChunk(importId: string, index: number, text: string): Promise<CorpusResult<number>> {
  if (pending?.importId !== importId) return lost;
  try {
    return { ok: true, value: pending.assembly.add(index, text) };
  } catch (e) {
    pending = undefined;
    if (e instanceof TransferError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Checks and stores the file whose chunks all came: all of it or nothing, with one clear message for a bad or foreign file. */
export async function endImport(importId: string): Promise<CorpusResult<PackSummary>> {
  if (pending?.importId !== importId) return lost;
  const { assembly } = pending;
  pending = undefined;
  if (!assembly.complete) return { ok: false, error: assembly.missing() };
  return importPack(importId, assembly.text());
}

async function importPack(importId: string, text: string): Promise<CorpusResult<PackSummary>> {
  const checking = (done: number, total: number) =>
    tellPages({ type: 'yuanwen/corpus-import-progress', importId, stage: 'checking', done, total });
  let pack;
  try {
    pack = parsePack(text, checking);
  } catch (e) {
    if (e instanceof PackError) return { ok: false, error: e.message };
    throw e;
  }
  if (pack.id === USER_PACK_ID) return { ok: false, error: `pack id "${USER_PACK_ID}" is kept for the documents you saved yourself` };
  const bundledIds = new Set(bundledCorpus().documents.map((d) => d.id));
  const clash = pack.documents.find((d) => bundledIds.has(d.id));
  if (clash) return { ok: false, error: `document id "${clash.id}" is a bundled document's` };
  const storing = (done: number, total: number) =>
    tellPages({ type: 'yuanwen/corpus-import-progress', importId, stage: 'storing', done, total });
  storing(0, pack.documents.length);
  try {
    const stored = await storePack(db(), pack, storing);
    await packsChanged();
    return { ok: true, value: summary(stored) };
  } catch (e) {
    return { ok: false, error: `the pack could not be stored (${(e as Error).message}); nothing was changed` };
  }
}

export async function removeImportedPack(packId: string): Promise<CorpusResult<boolean>> {
  if (packId === USER_PACK_ID) return { ok: true, value: false };
  try {
    const existed = await removePack(db(), packId);
    await packsChanged();
    return { ok: true, value: existed };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
