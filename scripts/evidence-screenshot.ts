/**
 * docs/screenshots/evidence.png, the README's picture of an evidence report:
 * the built extension (dist/chrome-test, for the screenshot permission; see
 * src/platform/build-flags.ts) exports the evidence of the altered fixture
 * page from its popup, and the top of the saved report is photographed.
 * Run by hand (not by npm test), after `npm run build`:
 *
 *   YUANWEN_TEST_BUILD=1 npx vite build --mode chrome && npx tsx scripts/evidence-screenshot.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROME_TEST_DIST, FIXTURE_PAGES, REPO_ROOT, launchWithExtension } from '../tests/e2e/extension-browser';
import { startStaticServer } from '../tests/e2e/static-server';

const OUT = resolve(REPO_ROOT, 'docs', 'screenshots', 'evidence.png');

const scratch = await mkdtemp(join(tmpdir(), 'yuanwen-evidence-shot-'));
const server = await startStaticServer(FIXTURE_PAGES);
const browser = await launchWithExtension({ extensionDir: CHROME_TEST_DIST });
try {
  const page = await browser.open(server.url('altered-reprint.html'));
  await browser.requestReport(page);
  const worker = await browser.serviceWorker();
  const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/popup/index.html') });
  // The popup in a window of its own, so the reprint stays the tab its window shows (and is captured).
  await worker.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
    await api.windows.create({ url: api.runtime.getURL(`src/popup/index.html?tab=${tab!.id}`), type: 'popup', width: 480, height: 800 });
  }, page.url());
  const popup = await opened;
  const button = popup.locator('.export-evidence-button');
  await button.waitFor();
  const [download] = await Promise.all([popup.waitForEvent('download'), button.click()]);
  const file = join(scratch, download.suggestedFilename());
  await download.saveAs(file);
  const report = await browser.context.newPage();
  await report.setViewportSize({ width: 1000, height: 1300 });
  await report.goto(`file://${file}`);
  await report.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.close();
  await rm(scratch, { recursive: true, force: true });
}

interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  windows: { create(o: object): Promise<unknown> };
  runtime: { getURL(path: string): string };
}
