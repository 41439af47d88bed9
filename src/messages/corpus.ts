/**
 * Messages about the imported corpus (packs), to the background, which owns
 * the `yuanwen-corpus` database (src/storage/corpus-db.ts):
 *
 * From our extension pages (the corpus page, the viewer, the popup):
 *   `yuanwen/corpus-packs`                 the imported packs → PackSummary[]
 *   `yuanwen/corpus-import-begin` {chars, chunks}        a pack file is coming → CorpusResult<importId>
 *   `yuanwen/corpus-import-chunk` {importId, index, text} its next piece (src/core/corpus/pack-transfer.ts)
 *                                                        → CorpusResult<characters received>
 *   `yuanwen/corpus-import-end` {importId}               check and store it, all or nothing → CorpusResult<PackSummary>
 *   `yuanwen/corpus-remove` {packId}       → CorpusResult<boolean>
 *   `yuanwen/corpus-document` {documentId} a bundled or imported document → CanonicalDocument | null
 * The reader's own documents (pages saved as canonical, src/core/corpus/saved-page.ts), from our pages:
 *   `yuanwen/corpus-save-page` {url, title, text}   the popup saves its tab's page → CorpusResult<SavedDocumentSummary>
 *   `yuanwen/corpus-saved`                          → SavedDocumentSummary[]
 *   `yuanwen/corpus-rename` {documentId, title}     → CorpusResult<SavedDocumentSummary>
 *   `yuanwen/corpus-saved-remove` {documentId}      → CorpusResult<boolean>
 *   `yuanwen/corpus-saved-export`                   as a pack file → CorpusResult<PackFile>
 * To a tab's content script, from the popup:
 *   `yuanwen/page-source`                  the page's title and text as Yuanwen extracts them → PageSource | undefined
 * From our content script:
 *   `yuanwen/corpus-sketch` {hashes, quotes?} could this page reprint or quote an imported document? → boolean
 *
 * While an import is checked and stored, the background tells our pages how
 * far it is with `{type: 'yuanwen/corpus-import-progress', importId, stage,
 * done, total}` (not answered).
 *
 * The chunks wait in the background's memory: if the worker is stopped
 * before the end, the next chunk or the end is answered IMPORT_LOST, and
 * nothing was stored (the store itself is one transaction).
 */
import type { CanonicalDocument } from '../core/corpus/corpus';
import { PACK_ID, type DocumentEntry } from '../core/corpus/pack';
import { CHUNK_CHARS } from '../core/corpus/pack-transfer';
import { MAX_SAVED_TEXT, MAX_TITLE, type SavedDocumentSummary } from '../core/corpus/saved-page';

export type { PageSource, SavedDocumentSummary } from '../core/corpus/saved-page';

export interface CorpusPacksRequest {
  type: 'yuanwen/corpus-packs';
}
export interface CorpusImportBeginRequest {
  type: 'yuanwen/corpus-import-begin';
  /** The file's length in UTF-16 code units, and the number of chunks it comes in. */
  chars: number;
  chunks: number;
}
export interface CorpusImportChunkRequest {
  type: 'yuanwen/corpus-import-chunk';
  importId: string;
  /** 0-based; chunks are sent one after the other, each once its predecessor was answered. */
  index: number;
  text: string;
}
export interface CorpusImportEndRequest {
  type: 'yuanwen/corpus-import-end';
  importId: string;
}
export interface CorpusRemoveRequest {
  type: 'yuanwen/corpus-remove';
  packId: string;
}
export interface CorpusDocumentRequest {
  type: 'yuanwen/corpus-document';
  documentId: string;
}
/**
 * The distinct fingerprints of a page (src/core/corpus/fingerprint.ts), at
 * most MAX_SKETCH of them: the page's text never leaves the page for this
 * question, and the content script never holds the packs' fingerprints.
 */
export interface CorpusSketchRequest {
  type: 'yuanwen/corpus-sketch';
  hashes: number[];
  /** The fingerprints of each sentence the page quotes (src/core/check/short-quotation.ts), at most MAX_SKETCH_QUOTES. */
  quotes?: number[][];
}

export interface SavePageRequest {
  type: 'yuanwen/corpus-save-page';
  /** The tab's URL (http or https). */
  url: string;
  /** As the reader confirmed it. */
  title: string;
  /** The page's text as the content script extracted it (the background takes the document out of it). */
  text: string;
}
export interface SavedDocumentsRequest {
  type: 'yuanwen/corpus-saved';
}
export interface RenameSavedRequest {
  type: 'yuanwen/corpus-rename';
  documentId: string;
  title: string;
}
export interface RemoveSavedRequest {
  type: 'yuanwen/corpus-saved-remove';
  documentId: string;
}
export interface ExportSavedRequest {
  type: 'yuanwen/corpus-saved-export';
}
/** Popup → a tab's content script. */
export interface PageSourceRequest {
  type: 'yuanwen/page-source';
}

export type CorpusMessage =
  | CorpusPacksRequest
  | CorpusImportBeginRequest
  | CorpusImportChunkRequest
  | CorpusImportEndRequest
  | CorpusRemoveRequest
  | CorpusDocumentRequest
  | CorpusSketchRequest
  | SavePageRequest
  | SavedDocumentsRequest
  | RenameSavedRequest
  | RemoveSavedRequest
  | ExportSavedRequest
  | PageSourceRequest;

/** A pack file to download. */
export interface PackFile {
  fileName: string;
  text: string;
}

export interface ImportProgress {
  type: 'yuanwen/corpus-import-progress';
  importId: string;
  /** Checking the file (documents' SHA-256 verified), then storing its documents. */
  stage: 'checking' | 'storing';
  done: number;
  total: number;
}

export interface PackSummary {
  id: string;
  title: string;
  created: string;
  importedAt: number;
  documents: DocumentEntry[];
}

export type CorpusResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface CorpusReplies {
  'yuanwen/corpus-packs': PackSummary[];
  'yuanwen/corpus-import-begin': CorpusResult<string>;
  'yuanwen/corpus-import-chunk': CorpusResult<number>;
  'yuanwen/corpus-import-end': CorpusResult<PackSummary>;
  'yuanwen/corpus-remove': CorpusResult<boolean>;
  'yuanwen/corpus-document': CanonicalDocument | null;
  'yuanwen/corpus-sketch': boolean;
  'yuanwen/corpus-save-page': CorpusResult<SavedDocumentSummary>;
  'yuanwen/corpus-saved': SavedDocumentSummary[];
  'yuanwen/corpus-rename': CorpusResult<SavedDocumentSummary>;
  'yuanwen/corpus-saved-remove': CorpusResult<boolean>;
  'yuanwen/corpus-saved-export': CorpusResult<PackFile>;
}

/**
 * storage.local key the background keeps at the number of imported packs:
 * the content script sends a page's sketch only when it is above zero.
 */
export const IMPORTED_PACKS_KEY = 'importedPacks';

/**
 * storage.local key the background sets to a new token after every change
 * to the stored documents (a pack imported or removed, a page saved, renamed
 * or removed): open tabs analyse again, so a reprint is linked to a document
 * saved after it was opened, and unlinked from one removed.
 */
export const CORPUS_REVISION_KEY = 'corpusRevision';

/** Fingerprints a sketch may carry (a very long page sends its first ones). */
export const MAX_SKETCH = 16384;
/** Quotes a sketch may carry, and fingerprints per quote (a quote is at most 600 characters). */
export const MAX_SKETCH_QUOTES = 64;
export const MAX_QUOTE_HASHES = 600;
/** A pack file larger than this is refused before it is read (UTF-16 code units). */
export const MAX_PACK_TEXT = 60 * 1024 * 1024;
/** The error of a chunk or an end whose import the background no longer holds (it was stopped meanwhile). */
export const IMPORT_LOST = 'import-lost';

const ID = PACK_ID;
/** Longest tab URL a saved document keeps. */
const MAX_URL = 4096;

const isTitle = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TITLE * 4;
const isPageUrl = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_URL && /^https?:\/\/\S+$/i.test(v);

const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function exactKeys(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => own.includes(k));
}

export function parseCorpusMessage(message: Record<string, unknown>): CorpusMessage | undefined {
  switch (message.type) {
    case 'yuanwen/corpus-packs':
      return exactKeys(message, ['type']) ? { type: message.type } : undefined;
    case 'yuanwen/corpus-import-begin':
      return exactKeys(message, ['type', 'chars', 'chunks']) && isCount(message.chars) && isCount(message.chunks)
        ? { type: message.type, chars: message.chars, chunks: message.chunks }
        : undefined;
    case 'yuanwen/corpus-import-chunk':
      return exactKeys(message, ['type', 'importId', 'index', 'text']) &&
        isId(message.importId) &&
        isCount(message.index) &&
        typeof message.text === 'string' &&
        message.text.length <= CHUNK_CHARS
        ? { type: message.type, importId: message.importId, index: message.index, text: message.text }
        : undefined;
    case 'yuanwen/corpus-import-end':
      return exactKeys(message, ['type', 'importId']) && isId(message.importId)
        ? { type: message.type, importId: message.importId }
        : undefined;
    case 'yuanwen/corpus-remove':
      return exactKeys(message, ['type', 'packId']) && typeof message.packId === 'string' && ID.test(message.packId)
        ? { type: message.type, packId: message.packId }
        : undefined;
    case 'yuanwen/corpus-document':
      return exactKeys(message, ['type', 'documentId']) && typeof message.documentId === 'string' && ID.test(message.documentId)
        ? { type: message.type, documentId: message.documentId }
        : undefined;
    case 'yuanwen/corpus-save-page': {
      const { url, title, text } = message;
      if (!exactKeys(message, ['type', 'url', 'title', 'text']) || !isPageUrl(url) || !isTitle(title)) return undefined;
      return typeof text === 'string' && text.length <= MAX_SAVED_TEXT ? { type: message.type, url, title, text } : undefined;
    }
    case 'yuanwen/corpus-saved':
    case 'yuanwen/corpus-saved-export':
    case 'yuanwen/page-source':
      return exactKeys(message, ['type']) ? { type: message.type } : undefined;
    case 'yuanwen/corpus-rename':
      return exactKeys(message, ['type', 'documentId', 'title']) &&
        typeof message.documentId === 'string' &&
        ID.test(message.documentId) &&
        isTitle(message.title)
        ? { type: message.type, documentId: message.documentId, title: message.title }
        : undefined;
    case 'yuanwen/corpus-saved-remove':
      return exactKeys(message, ['type', 'documentId']) && typeof message.documentId === 'string' && ID.test(message.documentId)
        ? { type: message.type, documentId: message.documentId }
        : undefined;
    case 'yuanwen/corpus-sketch': {
      const { hashes, quotes } = message;
      const isHash = (h: unknown) => Number.isInteger(h) && (h as number) >= 0 && (h as number) <= 0xffffffff;
      const keys = quotes === undefined ? ['type', 'hashes'] : ['type', 'hashes', 'quotes'];
      if (!exactKeys(message, keys) || !Array.isArray(hashes) || hashes.length > MAX_SKETCH || !hashes.every(isHash)) return undefined;
      if (quotes === undefined) return { type: message.type, hashes: hashes as number[] };
      if (!Array.isArray(quotes) || quotes.length > MAX_SKETCH_QUOTES) return undefined;
      if (!quotes.every((q) => Array.isArray(q) && q.length <= MAX_QUOTE_HASHES && q.every(isHash))) return undefined;
      return { type: message.type, hashes: hashes as number[], quotes: quotes as number[][] };
    }
    default:
      return undefined;
  }
}

export function parseImportProgress(value: unknown): ImportProgress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.type !== 'yuanwen/corpus-import-progress' || !isId(m.importId) || (m.stage !== 'checking' && m.stage !== 'storing'))
    return undefined;
  if (!isCount(m.done) || !isCount(m.total)) return undefined;
  return { type: m.type, importId: m.importId, stage: m.stage, done: m.done, total: m.total };
}
