/**
 * The library's full-text search, index side: the `*words` multi-entry index
 * (./highlight-db.ts). The query is cut into the same tokens the records
 * were indexed by (`queryTokens`: character bigrams for Chinese, lower-cased
 * words for Latin script), each token is looked up in the index (primary
 * keys only, no records read), and the id sets are intersected. The last
 * Latin word of the query is matched as a prefix, so results follow the
 * typing. These are candidates: the library confirms each on its text
 * (src/library/search.ts), since bigrams that all occur need not occur in a
 * row.
 */
import type { Table } from 'dexie';
import { queryTokens } from '../core/highlight/search-tokens';
import type { StoredHighlight } from './highlight-db';

const LATIN_TOKEN = /^[0-9a-z]+$/;

/**
 * Ids of the highlights whose index entries hold every token of the query,
 * or undefined when the query has no token the index can answer (empty, or
 * a single Chinese character).
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
