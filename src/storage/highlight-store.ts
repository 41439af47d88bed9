/**
 * The operations the background runs on the highlight database. Every one
 * is an `async` function, so callers get a native promise: a Dexie promise
 * returned from a `runtime.onMessage` listener reaches the sender as
 * `undefined` in Chromium, a native one does not. Records from outside are
 * validated here as well as at the message boundary: the database never
 * holds a record `validateHighlight` rejects.
 *
 * Failures are `HighlightStoreError`s with a `code` the caller can act on
 * and a message a user can read; nothing else escapes.
 */
import { validateHighlight, type Highlight, type HighlightPatch } from '../core/highlight/record';
import { normalizePageUrl } from '../core/highlight/page-url';
import type { ImportMode, StoreErrorCode } from '../messages/highlights';
import { HighlightDatabase, fromRow, toRow, type StoredHighlight } from './highlight-db';
import { indexCandidates } from './search-index';

/** Rows written per step of an import's transaction. */
export const IMPORT_CHUNK = 500;

export class HighlightStoreError extends Error {
  override name = 'HighlightStoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; count?: number },
  ) {
    super(message, options);
    this.count = options?.count;
  }

  /** How many highlights it is about (`needs-confirmation`: those the import would delete), for the reader's own language. */
  readonly count: number | undefined;

  /** Plain data for a message reply (an Error does not survive the trip). */
  toJSON(): { code: StoreErrorCode; message: string; count?: number } {
    return this.count === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, count: this.count };
  }
}

function needsConfirmation(deletes: number): HighlightStoreError {
  const them = deletes === 1 ? '1 highlight' : `${deletes} highlights`;
  return new HighlightStoreError('needs-confirmation', `Replacing with this file deletes ${them} it does not hold; nothing was imported.`, {
    count: deletes,
  });
}

export interface HighlightStore {
  /** The highlights made on a page (any form of its URL), in page order. */
  forPage(url: string): Promise<Highlight[]>;
  /** Highlights anchored in any of these clauses of a canonical document, in canonical order. */
  forCanonicalClauses(documentId: string, clauseIds: readonly string[]): Promise<Highlight[]>;
  get(id: string): Promise<Highlight | undefined>;
  /** Store a new highlight (validated); the stored record is returned. */
  create(record: unknown): Promise<Highlight>;
  /** Change some fields; `modified` moves forward. */
  update(id: string, patch: HighlightPatch): Promise<Highlight>;
  /** True if there was such a highlight. */
  remove(id: string): Promise<boolean>;
  /** Every highlight, oldest first. */
  all(): Promise<Highlight[]>;
  count(): Promise<number>;
  /**
   * Ids of the highlights whose search index holds every token of `query`
   * (candidates: ./search-index.ts), or null when the index cannot answer.
   */
  searchCandidates(query: string): Promise<string[] | null>;
  /**
   * An import, in one transaction (all or nothing): these records replace
   * every highlight (`replace`), or are added, a record with the same id
   * replaced by the file's (`merge`). A replace that would delete stored
   * highlights the file does not hold fails with `needs-confirmation` (how
   * many, in the message) unless `confirmDeletes` says the reader agreed.
   */
  importAll(records: readonly Highlight[], mode: ImportMode, options?: { confirmDeletes?: boolean }): Promise<void>;
  clear(): Promise<void>;
}

export function createHighlightStore(
  db: HighlightDatabase = new HighlightDatabase(),
  clock: () => Date = () => new Date(),
): HighlightStore {
  const table = db.highlights;

  return {
    async forPage(url) {
      const key = normalizePageUrl(url);
      if (key === null) return [];
      const rows = await run('read the highlights of this page', () => table.where('url').equals(key).toArray());
      return rows.map(fromRow).sort((a, b) => a.selectors.position.start - b.selectors.position.start || compare(a.created, b.created));
    },

    async forCanonicalClauses(documentId, clauseIds) {
      if (clauseIds.length === 0) return [];
      const keys = clauseIds.map((c) => [documentId, c]);
      const rows = await run('read the highlights of these clauses', () =>
        table.where('[canonical.documentId+canonical.clauseId]').anyOf(keys).toArray(),
      );
      return rows.map(fromRow).sort((a, b) => a.canonical!.canonicalStart - b.canonical!.canonicalStart || compare(a.created, b.created));
    },

    async get(id) {
      const row = await run('read a highlight', () => table.get(id));
      return row && fromRow(row);
    },

    async create(input) {
      const record = valid(input, 'The highlight');
      await run('save the highlight', () => table.add(toRow(record)), record.id);
      return record;
    },

    async update(id, patch) {
      return run('update the highlight', () =>
        db.transaction('rw', table, async () => {
          const row = await table.get(id);
          if (!row) throw new HighlightStoreError('not-found', `There is no highlight ${id} (it may have been deleted in another tab).`);
          const current = fromRow(row);
          const next: Record<string, unknown> = {
            ...current,
            ...withoutUndefined(patch),
            modified: nextModified(current.modified, clock()),
          };
          if (patch.canonical === null) delete next.canonical;
          const record = valid(next, 'The updated highlight');
          await table.put(toRow(record));
          return record;
        }),
      );
    },

    async remove(id) {
      return run('delete the highlight', () =>
        db.transaction('rw', table, async () => {
          const existed = (await table.get(id)) !== undefined;
          if (existed) await table.delete(id);
          return existed;
        }),
      );
    },

    async all() {
      const rows = await run('read the highlights', () => table.orderBy('created').toArray());
      return rows.map(fromRow);
    },

    async count() {
      return run('count the highlights', () => table.count());
    },

    async searchCandidates(query) {
      const ids = await run('search the highlights', () => indexCandidates(table, query));
      return ids ? [...ids] : null;
    },

    async importAll(records, mode, options = {}) {
      const rows: StoredHighlight[] = [];
      const seen = new Set<string>();
      records.forEach((r, i) => {
        const record = valid(r, `Highlight ${i + 1} of ${records.length}`);
        if (seen.has(record.id))
          throw new HighlightStoreError(
            'invalid',
            `Highlight ${i + 1} of ${records.length} repeats the id ${record.id}. Nothing was changed.`,
          );
        seen.add(record.id);
        rows.push(toRow(record));
      });
      await run('import the highlights', () =>
        db.transaction('rw', table, async () => {
          if (mode === 'replace') {
            // Counted inside the transaction, so the number asked about is the number deleted.
            const deletes = (await table.toCollection().primaryKeys()).filter((id) => !seen.has(String(id))).length;
            if (deletes > 0 && !options.confirmDeletes) throw needsConfirmation(deletes);
            await table.clear();
          }
          for (let i = 0; i < rows.length; i += IMPORT_CHUNK) await table.bulkPut(rows.slice(i, i + IMPORT_CHUNK));
        }),
      );
    },

    async clear() {
      await run('delete all highlights', () => table.clear());
    },
  };
}

function valid(input: unknown, what: string): Highlight {
  const result = validateHighlight(input);
  if (!result.ok) throw new HighlightStoreError('invalid', `${what} is not valid: ${result.problems.join('; ')}.`);
  return result.value;
}

/** Now, or just after the previous time if the clock is behind it: `modified` never goes back. */
function nextModified(previous: string, now: Date): string {
  const prev = Date.parse(previous);
  return now.getTime() > prev ? now.toISOString() : new Date(prev + 1).toISOString();
}

function withoutUndefined(patch: HighlightPatch): Partial<Highlight> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) if (v !== undefined && v !== null) out[k] = v;
  return out as Partial<Highlight>;
}

/** Run a database operation, turning whatever it throws into a HighlightStoreError. */
async function run<T>(action: string, operation: () => PromiseLike<T>, id?: string): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    throw storeError(e, action, id);
  }
}

export function storeError(e: unknown, action: string, id?: string): HighlightStoreError {
  if (e instanceof HighlightStoreError) return e;
  const names = errorNames(e);
  const detail = e instanceof Error ? e.message : String(e);
  const has = (...n: string[]) => n.some((x) => names.includes(x));
  if (has('QuotaExceededError')) {
    return new HighlightStoreError(
      'quota',
      `Could not ${action}: the browser has no more storage space for Yuanwen. Free disk space, or export your highlights and delete old ones.`,
      { cause: e },
    );
  }
  if (has('ConstraintError'))
    return new HighlightStoreError('conflict', `Could not ${action}: a highlight with id ${id ?? '(unknown)'} exists already.`, {
      cause: e,
    });
  if (has('VersionError')) {
    return new HighlightStoreError(
      'version',
      `Could not ${action}: the highlight database was written by a newer version of Yuanwen. Update Yuanwen.`,
      { cause: e },
    );
  }
  if (has('MissingAPIError', 'DatabaseClosedError', 'OpenFailedError', 'InvalidStateError', 'UpgradeError')) {
    return new HighlightStoreError('unavailable', `Could not ${action}: the highlight database cannot be opened (${detail}).`, {
      cause: e,
    });
  }
  return new HighlightStoreError('unknown', `Could not ${action}: ${detail}`, { cause: e });
}

/** The error's name and those of the errors it wraps (Dexie nests the browser's in `inner`, bulk failures in `failures`). */
function errorNames(e: unknown, depth = 0): string[] {
  if (typeof e !== 'object' || e === null || depth > 4) return [];
  const x = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const out = typeof x.name === 'string' ? [x.name] : [];
  out.push(...errorNames(x.inner, depth + 1), ...errorNames(x.cause, depth + 1));
  if (Array.isArray(x.failures)) for (const f of x.failures.slice(0, 3)) out.push(...errorNames(f, depth + 1));
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
