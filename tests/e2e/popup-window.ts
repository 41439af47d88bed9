/**
 * The toolbar popup for a page's tab, opened as the popup page
 * (`src/popup/index.html?tab=ID`) in a window of its own, so the page stays
 * its tab's document while the test drives the popup.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  windows: { create(o: object): Promise<unknown> };
  runtime: { getURL(path: string): string };
}

export async function openPopupFor(browser: ExtensionBrowser, page: Page): Promise<Page> {
  const worker = await browser.serviceWorker();
  const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/popup/index.html'), timeout: 10_000 });
  await worker.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
    if (tab?.id === undefined) throw new Error(`no tab has url ${pageUrl}`);
    await api.windows.create({ url: api.runtime.getURL(`src/popup/index.html?tab=${tab.id}`), type: 'popup', width: 480, height: 800 });
  }, page.url());
  return opened;
}
