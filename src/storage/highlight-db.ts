/**
 * The highlight database: ONE Dexie (IndexedDB) database named `yuanwen`,
 * in the extension's own origin. The background service worker owns it and
 * extension pages (library, viewer) open it; content scripts never do (their
 * IndexedDB belongs to the news site) and reach it by messages.
 *
 * Versions (Dexie versions; IndexedDB sees them ×10):
 *
 * 1. The first cut: `{id, url, title, createdAt (epoch ms), color, note,
 *    quote: {exact, prefix, suffix}, start, end}`; colours included `red`;
 *    URLs kept tracking parameters. Indexed by id, url, createdAt.
 * 2. Records are `Highlight` (HIGHLIGHT_SCHEMA 2, src/core/highlight/record.ts) plus
 *    `words`, search tokens for the library page. New indexes: `created`,
 *    `modified`, the canonical clause `[canonical.documentId+canonical.clauseId]`
 *    (highlights to show on every reprint of a clause), `*tags`, `*words`.
 *    The upgrade converts every version-1 record.
 *
 * A new version is added below the others, never by editing an old one:
 * browsers with that version installed upgrade from it.
 */
import { Dexie, type Table } from 'dexie';
import { DEFAULT_COLOR, isHighlightColor, type Highlight, type HighlightColor } from '../core/highlight/record';
import { normalizePageUrl } from '../core/highlight/page-url';
import { searchTokens } from '../core/highlight/search-tokens';

export const DATABASE_NAME = 'yuanwen';
export const DATABASE_VERSION = 2;

/** A version-1 record, as the first cut stored it. */
export interface HighlightV1 {
  id: string;
  url: string;
  title: string;
  createdAt: number;
  color: string;
  note: string;
  quote: { exact: string; prefix: string; suffix: string };
  start: number;
  end: number;
}

/** A row: the record plus what only the database needs. */
export type StoredHighlight = Highlight & {
  /** Search tokens of quote, note and tags (src/core/highlight/search-tokens.ts). */
  words: string[];
};

export const STORES_V1 = { highlights: 'id, url, createdAt' };
export const STORES_V2 = {
  highlights: 'id, url, created, modified, [canonical.documentId+canonical.clauseId], *tags, *words',
};

/** Version-1 colours that version 2 names differently. */
const V1_COLORS: Record<string, HighlightColor> = { red: 'pink', orange: 'yellow', violet: 'purple' };

export interface DatabaseOptions {
  /** An IndexedDB implementation (tests pass fake-indexeddb's); the global one by default. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class HighlightDatabase extends Dexie {
  highlights!: Table<StoredHighlight, string>;

  constructor(options: DatabaseOptions = {}, name = DATABASE_NAME) {
    super(name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores(STORES_V1);
    this.version(2)
      .stores(STORES_V2)
      .upgrade((tx) =>
        tx
          .table('highlights')
          .toCollection()
          .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
            ref.value = upgradeV1(row as unknown as HighlightV1);
          }),
      );
  }
}

/** A version-1 record as a version-2 row. Exported for the migration test. */
export function upgradeV1(old: HighlightV1): StoredHighlight {
  const at = new Date(Number.isFinite(old.createdAt) ? old.createdAt : 0).toISOString();
  const color = isHighlightColor(old.color) ? old.color : (V1_COLORS[old.color] ?? DEFAULT_COLOR);
  const record: Highlight = {
    id: old.id,
    // Keep a URL the new rules reject rather than lose the highlight; export will flag it.
    url: normalizePageUrl(old.url) ?? old.url,
    title: old.title ?? '',
    created: at,
    modified: at,
    color,
    note: old.note ?? '',
    tags: [],
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: old.quote.exact, prefix: old.quote.prefix ?? '', suffix: old.quote.suffix ?? '' },
      position: { type: 'TextPositionSelector', start: old.start, end: old.end },
    },
  };
  return toRow(record);
}

export function toRow(record: Highlight): StoredHighlight {
  return { ...record, words: searchTokens(record.selectors.quote.exact, record.note, ...record.tags) };
}

export function fromRow(row: StoredHighlight): Highlight {
  const { words: _words, ...record } = row;
  return record;
}

/**
 * Ask the browser not to evict the database under storage pressure
 * (`unlimitedStorage` in the manifest covers the quota). False where the
 * API is missing or the browser says no; never throws.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return false;
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}
