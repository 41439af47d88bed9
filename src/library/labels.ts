/** How the library names a highlight's document, clause, date and links, and reads typed tags. */
import { browser, t } from '../platform/browser';
import { bundledCorpus } from '../platform/bundled-corpus';
import { cleanTags, type Highlight } from '../core/highlight/record';

export function documentTitle(id: string): string {
  return bundledCorpus().documents.find((d) => d.id === id)?.title ?? id;
}

export function clauseLabel(h: Highlight): string {
  return h.canonical ? h.canonical.clause || t('clausePreamble') : '';
}

export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

export function viewerUrl(h: Highlight): string {
  const c = h.canonical!;
  return browser.runtime.getURL(`viewer.html#${new URLSearchParams({ doc: c.documentId, clause: c.clauseId }).toString()}`);
}

export function splitTags(text: string): string[] {
  return cleanTags(text.split(/[,，、;；\n]/));
}

/** `text` with the query's pieces marked where they occur as typed (search itself also matches across layout differences). */
