/**
 * The highlight messages (issue 5), with their validators: re-exported by
 * src/messages/analysis.ts, which every receiver uses. Shapes are checked here;
 * records and patches are checked in depth by `validateHighlight` in the
 * store (src/storage/highlight-store.ts), which never holds an invalid one.
 *
 * Two receivers:
 * - a tab's content script (`tabs.sendMessage` from our background, popup,
 *   library, or an automated check): `yuanwen/highlight-selection`,
 *   `yuanwen/highlights`, `yuanwen/highlight-update`, `yuanwen/highlight-delete`;
 * - the background (`runtime.sendMessage` from our content scripts and our
 *   extension pages), which owns the database: everything else, and update
 *   and delete too. Its answers are `HighlightResult`s: a stored-data failure
 *   (quota, a deleted record) arrives as data the UI can show, not as a
 *   rejected promise with the code lost.
 */
import type { Runtime } from '../platform/browser';
import { EXPORT_FORMATS, type ExportFormat, type ExportedFile } from '../core/highlight/annotation-export';
import type { ImportFormat } from '../core/highlight/backup';
import {
  isHighlightColor,
  isUuid,
  LIMITS,
  type Highlight,
  type HighlightColor,
  type HighlightDraft,
  type HighlightPatch,
} from '../core/highlight/record';

export { EXPORT_FORMATS, type ExportFormat, type ExportedFile };

// ---------------------------------------------------------------------------
// To a tab's content script

/**
 * Highlight what is selected on the page now (the toolbar, the context-menu
 * item, the keyboard shortcut and automated checks send this). Answered with
 * the stored `Highlight`; rejected with a readable message when nothing is
 * selected or storing failed.
 */
export interface HighlightSelectionRequest {
  type: 'yuanwen/highlight-selection';
  color?: HighlightColor;
  note?: string;
}

/** This page's highlights, as drawn now: answered with `PageHighlight[]`. */
export interface PageHighlightsRequest {
  type: 'yuanwen/highlights';
}

/**
 * Change a highlight's colour, note or tags (or, re-attaching an orphan, its
 * selectors and canonical anchor). To a content script: stored and redrawn,
 * answered with the `Highlight`. To the background: answered with a
 * `HighlightResult<Highlight>`.
 */
export interface HighlightUpdateRequest {
  type: 'yuanwen/highlight-update';
  id: string;
  patch: HighlightPatch;
}

/** Delete a highlight. Content script: answered `true` if it existed; background: `HighlightResult<boolean>`. */
export interface HighlightDeleteRequest {
  type: 'yuanwen/highlight-delete';
  id: string;
}

export type PageHighlightStatus = 'anchored' | 'orphan' | 'canonical';

/** One highlight as a page shows it (the answer to `yuanwen/highlights`). */
export interface PageHighlight {
  /**
   * `anchored`: made on this page and found on it (exactly or fuzzily);
   * `orphan`: made on this page, not found (listed with its quote, drawn nowhere);
   * `canonical`: made on another page, in a canonical clause this page reprints.
   */
  status: PageHighlightStatus;
  highlight: Highlight;
  /** Page-text offsets where it is drawn (not for orphans). */
  start?: number;
  end?: number;
  score?: number;
  /** Canonical highlights: this page prints other words than the canonical ones there… */
  changed?: boolean;
  /** …these canonical words… */
  canonicalText?: string;
  /** …and these on the page. */
  pageText?: string;
}

// ---------------------------------------------------------------------------
// To the background

/** Content script → background: store a new highlight made on the sender's page. */
export interface HighlightCreateRequest {
  type: 'yuanwen/highlight-create';
  draft: HighlightDraft;
}

/** The aligned clauses of one canonical document on a page. */
export interface PageClauses {
  documentId: string;
  clauseIds: string[];
}

/**
 * Content script → background: the highlights made on the sender's page, and
 * (unless canonical anchoring is off) those made on other pages in these
 * canonical clauses. Answered `HighlightResult<PageHighlightsResponse>`.
 */
export interface HighlightsForPageRequest {
  type: 'yuanwen/highlights-for-page';
  clauses: PageClauses[];
}

export interface PageHighlightsResponse {
  page: Highlight[];
  /** From other pages, anchored in clauses this page reprints. */
  canonical: Highlight[];
  canonicalAnchoring: boolean;
}

/** Extension pages → background: every highlight (oldest first), or a page's (`url`). */
export interface HighlightsListRequest {
  type: 'yuanwen/highlights-list';
  url?: string;
}

/** Extension pages (the canonical viewer) → background: highlights anchored in a canonical document (none when canonical anchoring is off). */
export interface HighlightsForDocumentRequest {
  type: 'yuanwen/highlights-for-document';
  documentId: string;
}

/**
 * Extension pages (the library) → background: the ids of the highlights
 * whose search index holds every token of `query` (candidates the page
 * confirms on their text), or null when the index cannot answer (an empty
 * query, a single Chinese character): then every highlight is a candidate.
 */
export interface HighlightsSearchRequest {
  type: 'yuanwen/highlights-search';
  query: string;
}

/** Extension pages (the options page) → background: how many highlights are stored. */
export interface HighlightsCountRequest {
  type: 'yuanwen/highlights-count';
}

/** Extension pages (the library's undo) → background: store a deleted highlight again, as it was. */
export interface HighlightRestoreRequest {
  type: 'yuanwen/highlight-restore';
  highlight: Highlight;
}

/** Extension pages → background: every highlight as a file (the one export: src/core/highlight/annotation-export.ts). */
export interface HighlightsExportRequest {
  type: 'yuanwen/highlights-export';
  format: ExportFormat;
}

/**
 * Extension pages → background: a backup's or Web Annotation file's
 * highlights, all or nothing, either replacing every highlight (`replace`,
 * the default) or merged in (`merge`: for the same id the file wins).
 * Answered `HighlightResult<ImportSummary>`; a malformed, wrong-version or
 * oversized file is `{ok: false}` with one message and the database unchanged.
 * A replace that would delete highlights the file does not hold is refused
 * (`needs-confirmation`, saying how many) unless `confirmDeletes` is set:
 * the sender asks the reader first.
 */
export interface HighlightsImportRequest {
  type: 'yuanwen/highlights-import';
  text: string;
  mode?: ImportMode;
  confirmDeletes?: true;
}

/**
 * storage.local key the background sets to a new token after every change
 * to the stored highlights (made, edited, deleted, restored, imported), from
 * whichever tab or page: open tabs draw their highlights again, so a note
 * deleted in the library does not linger on the page it was made on. A
 * token, not the change: storage is readable by every extension context, and
 * notes stay in the database.
 */
export const HIGHLIGHTS_REVISION_KEY = 'highlightsRevision';

export const IMPORT_MODES = ['replace', 'merge'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportSummary {
  format: ImportFormat;
  count: number;
}

export type HighlightMessage =
  | HighlightSelectionRequest
  | PageHighlightsRequest
  | HighlightUpdateRequest
  | HighlightDeleteRequest
  | HighlightCreateRequest
  | HighlightsForPageRequest
  | HighlightsListRequest
  | HighlightsForDocumentRequest
  | HighlightsSearchRequest
  | HighlightsCountRequest
  | HighlightRestoreRequest
  | HighlightsExportRequest
  | HighlightsImportRequest;

/** Why the highlight store failed (src/storage/highlight-store.ts throws these as `HighlightStoreError`s). */
export type StoreErrorCode =
  /** The browser refused to store more (disk full, quota). */
  | 'quota'
  | 'not-found'
  /** A highlight with this id exists already. */
  | 'conflict'
  | 'invalid'
  /** The database was written by a newer Yuanwen. */
  | 'version'
  /** A replace-mode import would delete highlights the file does not hold; resend with `confirmDeletes`. */
  | 'needs-confirmation'
  /** IndexedDB is missing or the database cannot be opened (e.g. some private windows). */
  | 'unavailable'
  | 'unknown';

export type HighlightErrorCode = StoreErrorCode | 'refused';

/** The background's answer to a highlight message. */
/** `count`: how many highlights the error is about, when it says (`needs-confirmation`: those a replace would delete). */
export type HighlightResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: HighlightErrorCode; message: string; count?: number } };

/** The longest library search query accepted by message. */
export const MAX_QUERY = 1_000;

/** The largest import text accepted by message (the file limit of src/core/highlight/backup.ts refuses it with a message). */
export const MAX_IMPORT_MESSAGE = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------
// Validation

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PATCH_KEYS = new Set(['title', 'color', 'note', 'tags', 'selectors', 'canonical']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` has every `required` key and no key outside `required` and `optional`. */
export function keysWithin(value: object, required: string[], optional: string[] = []): boolean {
  const own = Object.keys(value);
  return required.every((k) => own.includes(k)) && own.every((k) => required.includes(k) || optional.includes(k));
}

/** A patch's shape: known keys of the right kinds (their contents are validated with the record). */
function parsePatch(value: unknown): HighlightPatch | undefined {
  if (!isObject(value) || Object.keys(value).length === 0) return undefined;
  if (!Object.keys(value).every((k) => PATCH_KEYS.has(k))) return undefined;
  const { title, color, note, tags, selectors, canonical } = value;
  if (title !== undefined && (typeof title !== 'string' || title.length > LIMITS.title)) return undefined;
  if (color !== undefined && !isHighlightColor(color)) return undefined;
  if (note !== undefined && (typeof note !== 'string' || note.length > LIMITS.note)) return undefined;
  if (
    tags !== undefined &&
    (!Array.isArray(tags) || tags.length > LIMITS.tags || !tags.every((t) => typeof t === 'string' && t.length <= LIMITS.tag))
  )
    return undefined;
  if (selectors !== undefined && !isObject(selectors)) return undefined;
  if (canonical !== undefined && canonical !== null && !isObject(canonical)) return undefined;
  return value as HighlightPatch;
}

/** A highlight message if `message` is one and well formed, otherwise undefined. */
export function parseHighlightMessage(message: Record<string, unknown>): HighlightMessage | undefined {
  switch (message.type) {
    case 'yuanwen/highlight-selection': {
      if (!keysWithin(message, ['type'], ['color', 'note'])) return undefined;
      const { color, note } = message;
      if (color !== undefined && !isHighlightColor(color)) return undefined;
      if (note !== undefined && (typeof note !== 'string' || note.length > LIMITS.note)) return undefined;
      return {
        type: 'yuanwen/highlight-selection',
        ...(color !== undefined ? { color } : {}),
        ...(note !== undefined ? { note: note as string } : {}),
      };
    }
    case 'yuanwen/highlights':
      return keysWithin(message, ['type']) ? { type: 'yuanwen/highlights' } : undefined;
    case 'yuanwen/highlight-update': {
      if (!keysWithin(message, ['type', 'id', 'patch']) || !isUuid(message.id)) return undefined;
      const patch = parsePatch(message.patch);
      return patch ? { type: 'yuanwen/highlight-update', id: message.id, patch } : undefined;
    }
    case 'yuanwen/highlight-delete':
      return keysWithin(message, ['type', 'id']) && isUuid(message.id) ? { type: 'yuanwen/highlight-delete', id: message.id } : undefined;
    case 'yuanwen/highlight-create':
      return keysWithin(message, ['type', 'draft']) && isObject(message.draft)
        ? { type: 'yuanwen/highlight-create', draft: message.draft as unknown as HighlightDraft }
        : undefined;
    case 'yuanwen/highlights-for-page': {
      if (!keysWithin(message, ['type', 'clauses']) || !Array.isArray(message.clauses) || message.clauses.length > 50) return undefined;
      const clauses: PageClauses[] = [];
      for (const c of message.clauses) {
        if (!isObject(c) || !keysWithin(c, ['documentId', 'clauseIds']) || typeof c.documentId !== 'string' || !ID.test(c.documentId))
          return undefined;
        if (!Array.isArray(c.clauseIds) || c.clauseIds.length > 2_000 || !c.clauseIds.every((id) => typeof id === 'string' && ID.test(id)))
          return undefined;
        clauses.push({ documentId: c.documentId, clauseIds: c.clauseIds as string[] });
      }
      return { type: 'yuanwen/highlights-for-page', clauses };
    }
    case 'yuanwen/highlights-list':
      if (!keysWithin(message, ['type'], ['url'])) return undefined;
      if (message.url !== undefined && (typeof message.url !== 'string' || message.url.length > LIMITS.url)) return undefined;
      return { type: 'yuanwen/highlights-list', ...(message.url !== undefined ? { url: message.url as string } : {}) };
    case 'yuanwen/highlights-for-document':
      return keysWithin(message, ['type', 'documentId']) && typeof message.documentId === 'string' && ID.test(message.documentId)
        ? { type: 'yuanwen/highlights-for-document', documentId: message.documentId }
        : undefined;
    case 'yuanwen/highlights-export':
      return keysWithin(message, ['type', 'format']) && (EXPORT_FORMATS as readonly unknown[]).includes(message.format)
        ? { type: 'yuanwen/highlights-export', format: message.format as ExportFormat }
        : undefined;
    case 'yuanwen/highlights-search':
      return keysWithin(message, ['type', 'query']) && typeof message.query === 'string' && message.query.length <= MAX_QUERY
        ? { type: 'yuanwen/highlights-search', query: message.query }
        : undefined;
    case 'yuanwen/highlights-count':
      return keysWithin(message, ['type']) ? { type: 'yuanwen/highlights-count' } : undefined;
    case 'yuanwen/highlight-restore':
      // The record itself is validated in depth by the store.
      return keysWithin(message, ['type', 'highlight']) && isObject(message.highlight)
        ? { type: 'yuanwen/highlight-restore', highlight: message.highlight as unknown as Highlight }
        : undefined;
    case 'yuanwen/highlights-import': {
      if (!keysWithin(message, ['type', 'text'], ['mode', 'confirmDeletes'])) return undefined;
      const { text, mode, confirmDeletes } = message;
      if (typeof text !== 'string' || text.length > MAX_IMPORT_MESSAGE) return undefined;
      if (mode !== undefined && !(IMPORT_MODES as readonly unknown[]).includes(mode)) return undefined;
      if (confirmDeletes !== undefined && confirmDeletes !== true) return undefined;
      return {
        type: 'yuanwen/highlights-import',
        text,
        ...(mode !== undefined ? { mode: mode as ImportMode } : {}),
        ...(confirmDeletes ? { confirmDeletes } : {}),
      };
    }
    default:
      return undefined;
  }
}

/** Messages the background answers. */
export const BACKGROUND_HIGHLIGHT_MESSAGES: ReadonlySet<HighlightMessage['type']> = new Set([
  'yuanwen/highlight-create',
  'yuanwen/highlights-for-page',
  'yuanwen/highlight-update',
  'yuanwen/highlight-delete',
  'yuanwen/highlights-list',
  'yuanwen/highlights-for-document',
  'yuanwen/highlights-search',
  'yuanwen/highlights-count',
  'yuanwen/highlight-restore',
  'yuanwen/highlights-export',
  'yuanwen/highlights-import',
]);

/** Messages a content script answers. */
export const CONTENT_HIGHLIGHT_MESSAGES: ReadonlySet<HighlightMessage['type']> = new Set([
  'yuanwen/highlight-selection',
  'yuanwen/highlights',
  'yuanwen/highlight-update',
  'yuanwen/highlight-delete',
]);

/**
 * Sent by one of this extension's own pages (viewer, popup, library,
 * options): our id and a URL in our origin. Content scripts and other
 * extensions cannot pass this.
 */
export function isOwnExtensionPage(sender: Runtime.MessageSender, ownId: string, ownOrigin: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}
