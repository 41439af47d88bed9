/**
 * The one place that touches the WebExtension API object. Everything else
 * imports `browser` and `t` from here, so a change of polyfill or a test
 * double has a single seam.
 *
 * Firefox and recent Chromium provide a promise-based `browser` namespace
 * natively; elsewhere webextension-polyfill wraps `chrome`. Either way the
 * object is used as is: nothing enumerates it (see polyfill-loader.cjs).
 */
import type Browser from 'webextension-polyfill';
import type messages from '../../public/_locales/en/messages.json';
import { loadPolyfill } from './polyfill-loader.cjs';
import { installLanguageOverride, overriddenMessage } from './i18n';

type BrowserApi = typeof Browser;

function nativeBrowser(): BrowserApi | undefined {
  const candidate = (globalThis as { browser?: BrowserApi }).browser;
  return candidate?.runtime?.id ? candidate : undefined;
}

export const browser: BrowserApi = nativeBrowser() ?? loadPolyfill();

// The language the user pinned in the options page, if any (./i18n.ts).
installLanguageOverride(browser);

export type { Runtime, Tabs } from 'webextension-polyfill';

/** Keys of the `_locales` messages; `en` is the reference for the key set. */
export type MessageKey = keyof typeof messages;

/**
 * A UI string in the language pinned in the options page, else in the
 * browser's language (zh_CN by default). Substitutions fill the message's
 * `$1`, `$2`… placeholders.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return overriddenMessage(key, substitutions) ?? browser.i18n.getMessage(key, substitutions);
}
