/**
 * The highlight database's only owner: the background. Content scripts and
 * extension pages reach it through the messages of src/messages/highlights.ts,
 * each validated for shape (by `parseMessage`) and for sender here:
 *
 * - our content script (top frame of an http(s) tab) may create highlights
 *   on its own page, read its page's highlights plus the canonical ones for
 *   the clauses it reprints, and change or delete its page's highlights;
 * - our extension pages may do everything (list, search, count, restore,
 *   export, import, the viewer's document highlights).
 *
 * Nothing else opens the database (tests/unit/conventions.test.ts): the
 * library, options page, popup and viewer all come here.
 *
 * Every handler is an async function (a native promise: see
 * src/storage/highlight-store.ts) and answers a `HighlightResult`. The store
 * is a module-scope cache: after the service worker is stopped, the next
 * message opens the database again.
 */
import { bundledCorpus } from '../platform/bundled-corpus';
import { documentById } from './corpus';
import { exportFile, type ExportFormat, type ExportedFile } from '../core/highlight/annotation-export';
import { parseImport } from '../core/highlight/backup';
import { createHighlight, type Highlight } from '../core/highlight/record';
import { normalizePageUrl } from '../core/highlight/page-url';
import { browser, type Runtime } from '../platform/browser';
import { readHighlightSettings } from '../platform/highlight-settings';
import { requestPersistentStorage } from '../storage/highlight-db';
import { createHighlightStore, HighlightStoreError, type HighlightStore } from '../storage/highlight-store';
import {
  BACKGROUND_HIGHLIGHT_MESSAGES,
  isOwnContentScript,
  isOwnExtensionPage,
  type HighlightMessage,
  type HighlightResult,
  type ImportMode,
  type ImportSummary,
  type PageHighlightsResponse,
} from '../messages/analysis';
import { HIGHLIGHTS_REVISION_KEY } from '../messages/highlights';
import type { BackgroundReply, BackgroundRequest } from '../messages/replies';
import { VIEWER_PAGE } from './viewer-tab';

let store: HighlightStore | undefined;

function sharedStore(): HighlightStore {
  if (!store) {
    store = createHighlightStore();
    // Never throws; false in a service worker where the API is missing (unlimitedStorage covers the quota).
    void requestPersistentStorage();
  }
  return store;
}

/** The highlights made on a page, for the evidence report (only when the user asked to include them). */
export function storedHighlightsOfPage(url: string): Promise<Highlight[]> {
  return sharedStore().forPage(url);
}

/** For tests of this module: use another store. */
export function useHighlightStore(other: HighlightStore): void {
  store = other;
}

type Sender = { kind: 'content'; pageUrl: string } | { kind: 'page' };

function classify(sender: Runtime.MessageSender): Sender | undefined {
  const ownId = browser.runtime.id;
  if (isOwnContentScript(sender, ownId) && sender.frameId === 0) {
    const pageUrl = normalizePageUrl(sender.url ?? '');
    return pageUrl ? { kind: 'content', pageUrl } : undefined;
  }
  if (isOwnExtensionPage(sender, ownId, browser.runtime.getURL(''))) return { kind: 'page' };
  return undefined;
}

class Refused extends Error {}

/** What an ok `HighlightResult` carries. */
type ResultValue<R> = R extends { ok: true; value: infer T } ? T : never;

/** The answer to `message`: the work's value, whose type the reply map fixes, or its failure as data. */
async function answer<M extends BackgroundRequest>(
  _message: M,
  work: () => Promise<ResultValue<BackgroundReply<M>>>,
): Promise<HighlightResult<ResultValue<BackgroundReply<M>>>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    if (e instanceof HighlightStoreError) return { ok: false, error: e.toJSON() };
    if (e instanceof Refused) return { ok: false, error: { code: 'refused', message: e.message } };
    return { ok: false, error: { code: 'unknown', message: e instanceof Error ? e.message : String(e) } };
  }
}

/**
 * The answer to a highlight message for the background, or undefined when
 * the message is not the background's or its sender may not send it.
 */
export function handleHighlightMessage(
  parsed: { type: string },
  sender: Runtime.MessageSender,
): Promise<HighlightResult<unknown>> | undefined {
  if (!(BACKGROUND_HIGHLIGHT_MESSAGES as ReadonlySet<string>).has(parsed.type)) return undefined;
  const message = parsed as HighlightMessage;
  const from = classify(sender);
  if (!from) return undefined;
  const db = sharedStore();
  switch (message.type) {
    case 'yuanwen/highlight-create':
      if (from.kind !== 'content') return undefined;
      return answer(
        message,
        changing(() => create(db, message.draft, from.pageUrl)),
      );
    case 'yuanwen/highlights-for-page':
      if (from.kind !== 'content') return undefined;
      return answer(message, () => forPage(db, from.pageUrl, message.clauses));
    case 'yuanwen/highlight-update':
      return answer(
        message,
        changing(async () => {
          await mayChange(db, message.id, from);
          return db.update(message.id, message.patch);
        }),
      );
    case 'yuanwen/highlight-delete':
      return answer(
        message,
        changing(async () => {
          await mayChange(db, message.id, from);
          return db.remove(message.id);
        }),
      );
    case 'yuanwen/highlights-list':
      if (from.kind !== 'page') return undefined;
      return answer(message, () => (message.url !== undefined ? db.forPage(message.url) : db.all()));
    case 'yuanwen/highlights-for-document':
      if (from.kind !== 'page') return undefined;
      return answer(message, () => forDocument(db, message.documentId));
    case 'yuanwen/highlights-search':
      if (from.kind !== 'page') return undefined;
      return answer(message, () => db.searchCandidates(message.query));
    case 'yuanwen/highlights-count':
      if (from.kind !== 'page') return undefined;
      return answer(message, () => db.count());
    case 'yuanwen/highlight-restore':
      if (from.kind !== 'page') return undefined;
      return answer(
        message,
        changing(() => db.create(message.highlight)),
      );
    case 'yuanwen/highlights-export':
      if (from.kind !== 'page') return undefined;
      return answer(message, () => exportAll(db, message.format));
    case 'yuanwen/highlights-import':
      if (from.kind !== 'page') return undefined;
      return answer(
        message,
        changing(() => importAll(db, message.text, message.mode ?? 'replace', message.confirmDeletes === true)),
      );
    default:
      return undefined;
  }
}

/**
 * `work`, then, once it has stored its change, a new token under
 * HIGHLIGHTS_REVISION_KEY so every open tab draws its highlights again. A
 * failed write changes nothing and announces nothing; a token that cannot be
 * written costs only the live update.
 */
function changing<T>(work: () => Promise<T>): () => Promise<T> {
  return async () => {
    const value = await work();
    try {
      await browser.storage.local.set({ [HIGHLIGHTS_REVISION_KEY]: crypto.randomUUID() });
    } catch {
      // Only the live update of open tabs is lost: they catch up at their next analysis.
    }
    return value;
  };
}

async function create(db: HighlightStore, draft: unknown, pageUrl: string): Promise<Highlight> {
  const d = draft as { url?: unknown };
  if (typeof d.url !== 'string' || normalizePageUrl(d.url) !== pageUrl) {
    throw new Refused('A page may only add highlights to itself.');
  }
  const made = createHighlight(draft as Parameters<typeof createHighlight>[0]);
  if (!made.ok) throw new HighlightStoreError('invalid', `The highlight is not valid: ${made.problems.join('; ')}.`);
  return db.create(made.value);
}

/** A content script may change the highlights made on its own page only. */
async function mayChange(db: HighlightStore, id: string, from: Sender): Promise<void> {
  if (from.kind === 'page') return;
  const current = await db.get(id);
  if (!current) throw new HighlightStoreError('not-found', `There is no highlight ${id} (it may have been deleted in another tab).`);
  if (current.url !== from.pageUrl) throw new Refused('This highlight was made on another page; change it there or in the library.');
}

async function forPage(
  db: HighlightStore,
  pageUrl: string,
  clauses: { documentId: string; clauseIds: string[] }[],
): Promise<PageHighlightsResponse> {
  const [page, settings] = await Promise.all([db.forPage(pageUrl), readHighlightSettings().catch(() => undefined)]);
  const canonicalAnchoring = settings?.canonicalAnchoring ?? true;
  const canonical: Highlight[] = [];
  if (canonicalAnchoring) {
    const seen = new Set(page.map((h) => h.id));
    for (const { documentId, clauseIds } of clauses) {
      for (const h of await db.forCanonicalClauses(documentId, clauseIds)) {
        if (seen.has(h.id) || h.url === pageUrl) continue;
        seen.add(h.id);
        canonical.push(h);
      }
    }
  }
  return { page, canonical, canonicalAnchoring };
}

async function forDocument(db: HighlightStore, documentId: string): Promise<Highlight[]> {
  const settings = await readHighlightSettings().catch(() => undefined);
  if (settings && !settings.canonicalAnchoring) return [];
  // Bundled or imported: highlights on an imported document's clauses follow it onto reprints too.
  const doc = await documentById(documentId);
  if (!doc) return [];
  return db.forCanonicalClauses(
    documentId,
    doc.clauses.map((c) => c.id),
  );
}

async function exportAll(db: HighlightStore, format: ExportFormat): Promise<ExportedFile> {
  const documents = bundledCorpus().documents;
  return exportFile(format, await db.all(), {
    documentTitle: (id) => documents.find((d) => d.id === id)?.title,
    viewerUrl: (doc, clause) => `${browser.runtime.getURL(VIEWER_PAGE)}#${new URLSearchParams({ doc, clause }).toString()}`,
  });
}

async function importAll(db: HighlightStore, text: string, mode: ImportMode, confirmDeletes: boolean): Promise<ImportSummary> {
  const parsed = parseImport(text);
  if (!parsed.ok) throw new HighlightStoreError('invalid', parsed.message);
  await db.importAll(parsed.highlights, mode, { confirmDeletes });
  return { format: parsed.format, count: parsed.highlights.length };
}
