/**
 * The library's highlights, through the background that owns the database
 * (src/background/highlights.ts): every record, search-index candidates,
 * and the reader's edits. Failures arrive as Errors with a readable message.
 */
import type { Highlight, HighlightPatch } from '../core/highlight/record';
import { resultValue, sendMessage } from '../platform/messaging';
import type { CandidateLookup } from './search';

/** Every highlight, oldest first. */
export function allHighlights(): Promise<Highlight[]> {
  return resultValue(sendMessage({ type: 'yuanwen/highlights-list' }));
}

export const indexCandidates: CandidateLookup = async (query) => {
  const ids = await resultValue(sendMessage({ type: 'yuanwen/highlights-search', query }));
  return ids === null ? undefined : new Set(ids);
};

export function updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight> {
  return resultValue(sendMessage({ type: 'yuanwen/highlight-update', id, patch }));
}

export function deleteHighlight(id: string): Promise<boolean> {
  return resultValue(sendMessage({ type: 'yuanwen/highlight-delete', id }));
}

/** Undo of a delete: the record as it was, same id. */
export function restoreHighlight(highlight: Highlight): Promise<Highlight> {
  return resultValue(sendMessage({ type: 'yuanwen/highlight-restore', highlight }));
}
