/**
 * Frame keys (src/messages/frame.ts): one per tab, set by our content script
 * in the tab's top frame, read by our extension-origin frames in that tab.
 * Kept in `storage.session` (memory only, not readable by content scripts in
 * Chrome) because the service worker may be stopped between the two.
 */
import { browser, type Runtime } from '../platform/browser';
import { isOwnTopFrameContentScript, isOwnSender } from '../messages/analysis';
import type { FrameKeyMessage } from '../messages/frame';

const slot = (tabId: number): string => `frameKey:${tabId}`;

/** One of our own documents inside a tab (an extension-origin frame), not a content script. */
function isOwnFrameInTab(sender: Runtime.MessageSender): boolean {
  return isOwnSender(sender, browser.runtime.id) && typeof sender.tab?.id === 'number' && !/^https?:/.test(sender.url ?? '');
}

export async function answerFrameKeyMessage(message: FrameKeyMessage, sender: Runtime.MessageSender): Promise<string | null> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') return null;
  if (message.type === 'yuanwen/frame-key-set') {
    if (!isOwnTopFrameContentScript(sender, browser.runtime.id)) return null;
    await browser.storage.session.set({ [slot(tabId)]: message.key });
    return message.key;
  }
  if (!isOwnFrameInTab(sender)) return null;
  const stored = await browser.storage.session.get(slot(tabId));
  const key = stored[slot(tabId)];
  return typeof key === 'string' ? key : null;
}

/** A closed tab's key is of no further use. */
export function forgetFrameKeysOfClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(slot(tabId)).catch(() => undefined));
}
