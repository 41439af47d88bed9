/**
 * The background unloaded in the middle of work (issue 14), as the browser
 * unloads it when idle (driver.ts `unloadBackground`: Chromium's service
 * worker stopped, Firefox's event page terminated): a highlights import on
 * the options page answers with an error and stores nothing (the import is
 * one transaction), and a page whose analysis was under way asks the new
 * background again and gets its report (src/content/analysis.ts). In each
 * browser E2E_BROWSERS lists.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { longReprintPage } from './long-reprint';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import { waitUntil, type ExtensionBrowser } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import { backupJson } from '../../src/core/highlight/annotation-export';
import { generateHighlights } from './extension-pages-data';
import { storedHighlightCount } from './stored-highlights';

/** The background's analysis queue, which the test build leaves readable (src/background/index.ts). */
interface Analyses {
  tabsWaiting: number[];
  counts: { analysed: number };
}

let server: StaticServer;
const dir = mkdtempSync(join(tmpdir(), 'yuanwen-worker-stop-'));
before(async () => {
  writeFileSync(join(dir, 'long-reprint.html'), longReprintPage());
  server = await startStaticServer(dir);
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const name of E2E_BROWSERS) {
  describe(`the background unloaded mid-work (${name})`, () => {
    let browser: ExtensionBrowser;

    before(async () => {
      browser = await launchExtensionBrowser(name, { build: 'test' });
    });

    after(async () => {
      await browser?.close();
    });

    const stored = () => storedHighlightCount(browser);

    it('during a highlights import: the options page shows an error and nothing is stored', async (t) => {
      const many = generateHighlights(10_000, 15);
      const before = await stored();
      const options = await browser.openExtensionPage('src/options/index.html');
      await options.locator('#import-file').waitFor({ state: 'attached' });
      await options
        .locator('#import-file')
        .setInputFiles({ name: 'highlights.json', mimeType: 'application/json', buffer: Buffer.from(backupJson(many)) });
      // Sent to the background: the page shows the writing phase.
      await options.getByText(await browser.message('optionsImportWriting')).waitFor({ timeout: 30_000 });
      await browser.unloadBackground();
      await options.locator('#transfer-result.ok, #transfer-result.failed').waitFor({ timeout: 60_000 });
      const failed = (await options.locator('#transfer-result.failed').count()) === 1;
      const after = await stored();
      if (failed) {
        assert.ok((await options.locator('#transfer-result').innerText()).startsWith(await browser.message('optionsImportFailed')));
        assert.equal(after, before, 'nothing of the import was stored');
      } else {
        // The write was done before the unload reached the background: then all of it is there.
        t.diagnostic('the import finished before the background was unloaded');
        assert.equal(after, before + many.length);
      }
      await options.close();
    });

    it("during a page's analysis: the page asks the restarted background and gets its report", async () => {
      const page = await browser.open(server.url('long-reprint.html'));
      const tabId = await browser.tabId(page);
      // The page's request is in the background's queue.
      const inQueue = () => browser.inBackground((bg, tabId) => (bg.yuanwenAnalyses as Analyses).tabsWaiting.includes(tabId), tabId);
      await waitUntil(inQueue, "the page's analysis in the background", 60_000);
      await browser.unloadBackground();
      let report = await browser.requestReport(page);
      await waitUntil(
        async () => (report = await browser.requestReport(page)).documents.length > 0,
        'the report from the restarted background',
        120_000,
      );
      assert.deepEqual(
        report.documents.map((d) => d.id),
        ['urban-opinion-2025'],
      );
      assert.equal(report.deviations.length, 0);
      const answeredByNewBackground = await browser.inBackground((bg) => (bg.yuanwenAnalyses as Analyses).counts.analysed);
      assert.ok(answeredByNewBackground >= 1, 'the restarted background answered the page');
      await page.close();
    });
  });
}
