/**
 * Build-time flags, set by vite.config.ts through `define`.
 *
 * TEST_BUILD: the end-to-end test build (`YUANWEN_TEST_BUILD=1`, written to
 * dist/chrome-test). It differs from the production build only in what tests
 * need to observe: the content script's shadow root is open, and it leaves
 * `performance` marks around its work for the benchmark; its manifest adds
 * `<all_urls>` so tests can take the evidence screenshot without the toolbar
 * click that grants activeTab (vite.config.ts). Production builds
 * keep the shadow root closed and leave no trace a page could read.
 */
declare const __YUANWEN_TEST_BUILD__: boolean | undefined;

export const TEST_BUILD: boolean = typeof __YUANWEN_TEST_BUILD__ !== 'undefined' && __YUANWEN_TEST_BUILD__ === true;
