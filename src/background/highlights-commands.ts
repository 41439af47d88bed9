/**
 * The two ways to highlight without the page's toolbar: a context-menu item
 * on selected text and a keyboard shortcut (the `highlight-selection`
 * command, Alt+Shift+H by default; users can change it in the browser's
 * shortcut settings). Both send `{type:'yuanwen/highlight-selection'}` to the
 * tab's content script (top frame), which highlights the selection there.
 *
 * Menu items persist across service-worker restarts (Chrome) and event-page
 * restarts (Firefox), so they are created on install and update only;
 * the listeners are registered at start-up like every other.
 */
import { browser, t, type Tabs } from '../platform/browser';
import { sendMessage } from '../platform/messaging';

export const MENU_ID = 'yuanwen-highlight-selection';
export const COMMAND = 'highlight-selection';

export function createHighlightMenu(): void {
  // Re-created on update: remove first so the id is free.
  browser.contextMenus
    .remove(MENU_ID)
    .catch(() => undefined)
    .then(() => {
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('menuHighlightSelection'),
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
    })
    .catch((error: unknown) => console.warn('[原文 Yuanwen] could not add the context-menu item:', error));
}

async function highlightIn(tab: Tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  try {
    await sendMessage({ type: 'yuanwen/highlight-selection' }, { tabId: tab.id, frameId: 0 });
  } catch (error) {
    // No content script there (a browser page, or Yuanwen is off for the site), or nothing selected.
    console.warn('[原文 Yuanwen] could not highlight the selection:', error);
  }
}

export function listenForHighlightCommands(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void highlightIn(tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMAND) return;
    if (tab) void highlightIn(tab);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => highlightIn(active));
  });
}
