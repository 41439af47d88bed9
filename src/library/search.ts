/**
 * Full-text search over highlights for the library page. Candidates come
 * from the database's `*words` index, which the background looks up
 * (`yuanwen/highlights-search`: src/storage/search-index.ts); each candidate
 * is then confirmed on its text here, since bigrams that all occur need not
 * occur in a row. A query the index cannot answer (a one-character Chinese
 * query has no bigram of its own) is confirmed on every text.
 *
 * Filters (document, clause, colour, tag, site) are plain fields, applied
 * to the records the page holds in memory.
 */
import { normalize } from '../core/text/normalize';
import type { Highlight, HighlightColor } from '../core/highlight/record';

/** Ids that may match `query` (from the search index), or undefined: every highlight may. */
export type CandidateLookup = (query: string) => Promise<ReadonlySet<string> | undefined>;

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
  candidatesFor: CandidateLookup,
  all: readonly T[],
  texts: Map<string, string>,
  query: string,
  filters: Filters,
): Promise<SearchOutcome<T>> {
  const started = performance.now();
  const pieces = queryPieces(query);
  const candidates = pieces.length > 0 ? await candidatesFor(query) : undefined;
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
