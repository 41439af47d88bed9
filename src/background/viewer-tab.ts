/**
 * Opens the canonical viewer at a clause, in a new tab next to the page that
 * asked. The viewer gets the page's tab id so it can ask that page for its
 * report and show the page's deviations on the canonical text.
 */
import { browser } from '../platform/browser';

/** The built viewer page (a copy of src/viewer/index.html, see vite.config.ts). */
export const VIEWER_PAGE = 'viewer.html';

export function viewerUrl(documentId: string, clauseId: string, tabId?: number): string {
  const hash = new URLSearchParams({ doc: documentId });
  if (clauseId) hash.set('clause', clauseId);
  if (tabId !== undefined) hash.set('tab', String(tabId));
  return `${browser.runtime.getURL(VIEWER_PAGE)}#${hash.toString()}`;
}

export async function openViewer(documentId: string, clauseId: string, from: { id?: number; index?: number }): Promise<void> {
  await browser.tabs.create({
    url: viewerUrl(documentId, clauseId, from.id),
    index: from.index !== undefined ? from.index + 1 : undefined,
    openerTabId: from.id,
  });
}
