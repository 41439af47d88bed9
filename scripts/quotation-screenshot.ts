/**
 * docs/screenshots/quotation-summary.png, the README's picture of the
 * in-page summary on a news story that quotes two clauses of the Opinion
 * (tests/fixtures/pages/story-two-clauses.html): 本文引用《…》第（三）条、第（十七）条，
 * 与原文一致, with the badges on the quotes. Run by hand (not by npm test),
 * after `npm run build`:
 *
 *   npx tsx scripts/quotation-screenshot.ts
 */
import { resolve } from 'node:path';
import { FIXTURE_PAGES, REPO_ROOT, launchWithExtension } from '../tests/e2e/extension-browser';
import { startStaticServer } from '../tests/e2e/static-server';

const OUT = resolve(REPO_ROOT, 'docs', 'screenshots', 'quotation-summary.png');

const server = await startStaticServer(FIXTURE_PAGES);
const browser = await launchWithExtension();
try {
  // In the extension's default language, as the README's other pictures.
  const worker = await browser.serviceWorker();
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({
      uiLanguage: 'zh_CN',
    }),
  );
  const page = await browser.open(server.url('story-two-clauses.html'));
  await page.setViewportSize({ width: 1100, height: 900 });
  await browser.requestReport(page);
  // The overlay lays out again after the resize.
  await page.waitForTimeout(500);
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
