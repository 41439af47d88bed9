/**
 * The reader's highlights in a canonical document, for the viewer: asked of
 * the background (`yuanwen/highlights-for-document`), which owns the
 * database. Empty when canonical anchoring is off or the background cannot
 * answer.
 */
import { browser } from '../platform/browser';
import type { Highlight } from '../core/highlight/record';
import type { HighlightResult, HighlightsForDocumentRequest } from '../messages/analysis';

export async function highlightsOfDocument(documentId: string): Promise<Highlight[]> {
  const request: HighlightsForDocumentRequest = { type: 'yuanwen/highlights-for-document', documentId };
  try {
    const result = (await browser.runtime.sendMessage(request)) as HighlightResult<Highlight[]> | undefined;
    return result?.ok ? result.value : [];
  } catch {
    return [];
  }
}
