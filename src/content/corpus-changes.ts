/**
 * The stored documents changed (a pack imported or removed, a page saved,
 * renamed or removed; src/background/corpus.ts sets CORPUS_REVISION_KEY):
 * this tab's report may miss a document or name one that is gone. Only
 * extension contexts write extension storage, so a page cannot fake it.
 */
import { browser } from '../platform/browser';
import { CORPUS_REVISION_KEY } from '../messages/corpus';

export function onCorpusChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CORPUS_REVISION_KEY in changes) listener();
  });
}
