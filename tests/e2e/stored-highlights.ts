import assert from 'node:assert/strict';
import type { ExtensionBrowser } from './driver';

/** How many highlights the background's database holds, asked as the options page asks. */
export async function storedHighlightCount(browser: ExtensionBrowser): Promise<number> {
  const answer = (await browser.sendToBackground({ type: 'yuanwen/highlights-count' })) as { ok: boolean; value: number };
  assert.ok(answer.ok, 'the background counts the highlights');
  return answer.value;
}
