/**
 * The reader's highlights in a canonical document, for the viewer: asked of
 * the background (`yuanwen/highlights-for-document`), which owns the
 * database. Empty when canonical anchoring is off or the background cannot
 * answer.
 */
import { sendMessage } from '../platform/messaging';
import type { Highlight } from '../core/highlight/record';

export async function highlightsOfDocument(documentId: string): Promise<Highlight[]> {
  try {
    const result = await sendMessage({ type: 'yuanwen/highlights-for-document', documentId });
    return result?.ok ? result.value : [];
  } catch {
    return [];
  }
}
