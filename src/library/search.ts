/**
 * Full-text search over highlights for the library page, through the
 * database's `*words` multi-entry index (src/storage/highlight-db.ts): the
 * query is cut into the same tokens the records were indexed by
 * (`queryTokens`: character bigrams for Chinese, lower-cased words for Latin
 * script), each token is looked up in the index (primary keys only, no
 * records read), the id sets are intersected, and each candidate is then
 * confirmed on its text, since bigrams that all occur need not occur in a
 * row. The last Latin word of the query is matched as a prefix, so results
 * follow the typing. A one-character Chinese query has no bigram of its own:
 * it is confirmed on the texts directly.
 *
 * Filters (document, clause, colour, tag, site) are plain fields, applied
 * to the records the page holds in memory.
 */
import type { Table } from 'dexie';
import { normalize } from '../core/text/normalize';
import { queryTokens } from '../core/highlight/search-tokens';
import type { Highlight, HighlightColor } from '../core/highlight/record';
import type { StoredHighlight } from '../storage/highlight-db';

const LATIN_TOKEN = /^[0-9a-z]+$/;

/** The query as the searchable text is normalized: pieces that must each occur. */
export function queryPieces(query: string): string[] {
  return query
    .split(/\s+/)
    .map((p) => normalize(p).text.toLowerCase())
    .filter((p) => p !== '');
}

/** The text a query is confirmed against: quote, note and tags, normalized like the index. */
export function searchableText(h: Highlight): string {
  return [h.selectors.quote.exact, h.note, ...h.tags].map((s) => normalize(s).text.toLowerCase()).join('\u0000');
}

/**
 * Ids of the highlights whose index entries hold every token of the query
 * (candidates, to be confirmed), or undefined when the query has no token
 * the index can answer (empty, or a single Chinese character).
 */
export async function indexCandidates(table: Table<StoredHighlight, string>, query: string): Promise<Set<string> | undefined> {
  const tokens = [...new Set(queryTokens(query))];
  const indexable = tokens.filter((tok) => tok.length >= 2 || LATIN_TOKEN.test(tok));
  if (indexable.length === 0) return undefined;
  const last = tokens[tokens.length - 1];
  const lookups = await Promise.all(
    indexable.map((tok) => {
      const where = table.where('words');
      return (tok === last && LATIN_TOKEN.test(tok) ? where.startsWith(tok) : where.equals(tok)).primaryKeys();
    }),
  );
  lookups.sort((a, b) => a.length - b.length);
  let result = new Set(lookups[0]);
  for (const keys of lookups.slice(1)) {
    if (result.size === 0) break;
    const next = new Set(keys);
    result = new Set([...result].filter((id) => next.has(id)));
  }
  return result;
}

export interface Filters {
  documentId: string;
  clauseId: string;
  color: HighlightColor | '';
  tag: string;
  site: string;
}

export const NO_FILTERS: Filters = { documentId: '', clauseId: '', color: '', tag: '', site: '' };

export function siteOfUrl(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function passesFilters(h: Highlight, f: Filters): boolean {
  if (f.documentId && h.canonical?.documentId !== f.documentId) return false;
  if (f.clauseId && h.canonical?.clauseId !== f.clauseId) return false;
  if (f.color && h.color !== f.color) return false;
  if (f.tag && !h.tags.includes(f.tag)) return false;
  if (f.site && siteOfUrl(h.url) !== f.site) return false;
  return true;
}

export interface SearchOutcome<T extends Highlight> {
  results: T[];
  /** Time from the query to the ordered results, in milliseconds. */
  ms: number;
}

/**
 * The highlights matching a query and filters, newest first. `all` is every
 * highlight (the page holds them), `texts` their searchable text by id
 * (computed once per record).
 */
export async function search<T extends Highlight>(
  table: Table<StoredHighlight, string>,
  all: readonly T[],
  texts: Map<string, string>,
  query: string,
  filters: Filters,
): Promise<SearchOutcome<T>> {
  const started = performance.now();
  const pieces = queryPieces(query);
  const candidates = pieces.length > 0 ? await indexCandidates(table, query) : undefined;
  const results: T[] = [];
  for (const h of all) {
    if (candidates && !candidates.has(h.id)) continue;
    if (!passesFilters(h, filters)) continue;
    if (pieces.length > 0) {
      const text = texts.get(h.id) ?? searchableText(h);
      if (!pieces.every((p) => text.includes(p))) continue;
    }
    results.push(h);
  }
  return { results, ms: performance.now() - started };
}
