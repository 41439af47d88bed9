/**
 * The service worker stopped in the middle of work (issue 14), as Chromium
 * stops it (CDP ServiceWorker.stopWorker): a highlights import on the
 * options page answers with an error and stores nothing (the import is one
 * transaction), and a page whose analysis was under way asks the new worker
 * again and gets its report (src/content/analysis.ts). Chromium only: the
 * stop is CDP's.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES, launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { waitUntil } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import { backupJson } from '../../src/core/highlight/annotation-export';
import { generateHighlights } from './extension-pages-data';

/** The Opinion's reprint followed by a long tail of other text: seconds of engine work in the background. */
function longReprintPage(): string {
  const html = readFileSync(resolve(FIXTURE_PAGES, 'xinhua-opinion.html'), 'utf8');
  const filler = '<p>本报讯，各地区各部门认真学习贯彻会议精神，结合实际抓好落实，推动各项工作取得新进展。</p>\n'.repeat(30_000);
  return html.replace('</body>', `${filler}</body>`);
}

describe('the service worker stopped mid-work', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  const dir = mkdtempSync(join(tmpdir(), 'yuanwen-worker-stop-'));

  before(async () => {
    writeFileSync(join(dir, 'long-reprint.html'), longReprintPage());
    server = await startStaticServer(dir);
    browser = await launchWithExtension({ build: 'test' });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function stored(): Promise<number> {
    const answer = (await browser.sendToBackground({ type: 'yuanwen/highlights-count' })) as { ok: boolean; value: number };
    assert.ok(answer.ok);
    return answer.value;
  }

  it('during a highlights import: the options page shows an error and nothing is stored', async (t) => {
    const many = generateHighlights(10_000, 15);
    const before = await stored();
    const options = await browser.openExtensionPage('src/options/index.html');
    await options.locator('#import-file').waitFor();
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
      // The write was done before the stop reached the worker: then all of it is there.
      t.diagnostic('the import finished before the worker stopped');
      assert.equal(after, before + many.length);
    }
    await options.close();
  });

  it("during a page's analysis: the page asks the restarted worker and gets its report", async () => {
    const page = await browser.open(server.url('long-reprint.html'));
    const tabId = await browser.tabId(page);
    // The page's request is in the background's queue (test builds expose it).
    const inQueue = async () =>
      (await browser.serviceWorker()).evaluate(
        (tabId) => (globalThis as unknown as { yuanwenAnalyses: { tabsWaiting: number[] } }).yuanwenAnalyses.tabsWaiting.includes(tabId),
        tabId,
      );
    await waitUntil(inQueue, "the page's analysis in the background", 60_000);
    await browser.unloadBackground();
    let report = await browser.requestReport(page);
    await waitUntil(
      async () => (report = await browser.requestReport(page)).documents.length > 0,
      'the report from the restarted worker',
      120_000,
    );
    assert.deepEqual(
      report.documents.map((d) => d.id),
      ['urban-opinion-2025'],
    );
    assert.equal(report.deviations.length, 0);
    const answeredByNewWorker = await (
      await browser.serviceWorker()
    ).evaluate(() => (globalThis as unknown as { yuanwenAnalyses: { counts: { analysed: number } } }).yuanwenAnalyses.counts.analysed);
    assert.ok(answeredByNewWorker >= 1, 'the restarted worker answered the page');
    await page.close();
  });
});
