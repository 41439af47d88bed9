/**
 * Background (Chrome: service worker, Firefox: event page). It may be stopped
 * at any time, so it keeps no state in globals and registers every listener
 * synchronously at start-up, which is how the browser wakes it for an event.
 */
import { browser, type Runtime } from '../platform/browser';
import { isOwnTopFrameContentScript, parseMessage } from '../messages';
import { showPageSummary } from './action-badge';
import { checkPageAccessOnInstall } from './first-run';

browser.runtime.onInstalled.addListener((details) => {
  void checkPageAccessOnInstall(details);
});

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): undefined => {
  const message = parseMessage(raw);
  if (message?.type !== 'yuanwen/analysed') return undefined;
  if (!isOwnTopFrameContentScript(sender, browser.runtime.id)) return undefined;
  // Checked by isOwnTopFrameContentScript.
  const tabId = sender.tab!.id!;
  // The tab may close before the badge is set; nothing to do about that.
  showPageSummary(tabId, message).catch(() => undefined);
  return undefined;
});
