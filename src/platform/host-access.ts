/**
 * Access to web pages. Chrome grants the manifest's host permissions at
 * install; Firefox lets users withhold them (MV3), and then the content script
 * never runs. These helpers let the background, the popup and the first-run
 * page check and ask in the same terms.
 */
import { browser } from './browser';

/** Must equal `host_permissions` in manifest.json: only what was declared can be requested. */
export const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];

export function hasPageAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: PAGE_ORIGINS });
}

/** Must be called from a user gesture (a click handler), or Firefox refuses. */
export function requestPageAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: PAGE_ORIGINS });
}

export const FIRST_RUN_PAGE = 'src/first-run/index.html';

export async function openFirstRunPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PAGE) });
}
