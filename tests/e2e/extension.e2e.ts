/**
 * The built extension in Chromium: it loads, its service worker runs, and its
 * content script answers the report message contract on fixture pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchWithExtension, FIXTURE_PAGES, type ExtensionBrowser } from './extension-browser';
import { startStaticServer, type StaticServer } from './static-server';
import type { Report } from '../../src/core/check/report';

let browser: ExtensionBrowser;
let server: StaticServer;

before(async () => {
  server = await startStaticServer(FIXTURE_PAGES);
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function assertSchema1(report: Report): void {
  assert.equal(report.schema, 2);
  assert.ok(Array.isArray(report.documents), 'documents is an array');
  assert.ok(Array.isArray(report.markers), 'markers is an array');
  assert.ok(Array.isArray(report.deviations), 'deviations is an array');
  assert.equal(typeof report.timings.totalMs, 'number');
  assert.ok(Number.isFinite(report.timings.totalMs) && report.timings.totalMs >= 0, 'totalMs is a duration');
}

describe('the built extension', () => {
  it('loads unpacked: a 32-letter extension id and its localized name', async () => {
    assert.match(browser.extensionId, /^[a-p]{32}$/);
    const worker = await browser.serviceWorker();
    const identity = await worker.evaluate(() => {
      const api = (
        globalThis as unknown as {
          chrome: { runtime: { getManifest(): { version: string; manifest_version: number } }; i18n: { getMessage(key: string): string } };
        }
      ).chrome;
      const manifest = api.runtime.getManifest();
      return { name: api.i18n.getMessage('extensionName'), version: manifest.version, manifestVersion: manifest.manifest_version };
    });
    assert.deepEqual(identity, { name: '原文 Yuanwen', version: '0.1.0', manifestVersion: 3 });
  });

  it('runs its background service worker', async () => {
    const worker = await browser.serviceWorker();
    assert.equal(worker.url(), `chrome-extension://${browser.extensionId}/src/background/index.js`);
    assert.equal(
      await worker.evaluate(() => typeof (globalThis as unknown as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope),
      'function',
    );
  });

  it('opens no first-run page in Chrome, which grants host access at install', async () => {
    const worker = await browser.serviceWorker();
    const granted = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({
        origins: ['http://*/*', 'https://*/*'],
      }),
    );
    assert.equal(granted, true);
    // onInstalled has long run by now; give its (not expected) tab a moment anyway.
    await new Promise((r) => setTimeout(r, 500));
    const firstRun = `chrome-extension://${browser.extensionId}/src/first-run/index.html`;
    assert.equal(browser.context.pages().filter((p) => p.url() === firstRun).length, 0);
  });

  it('serves a localized first-run page that reports the access it has', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/first-run/index.html`);
    const message = (key: string) =>
      page.evaluate(
        (k) => (globalThis as unknown as { chrome: { i18n: { getMessage(key: string): string } } }).chrome.i18n.getMessage(k),
        key,
      );
    assert.equal(await page.locator('h1').textContent(), await message('firstRunTitle'));
    await page.getByText(await message('firstRunGranted')).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('#grant').isHidden(), true);
    await page.close();
  });

  it('serves its popup page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const message = (key: string) =>
      page.evaluate(
        (k) => (globalThis as unknown as { chrome: { i18n: { getMessage(key: string): string } } }).chrome.i18n.getMessage(k),
        key,
      );
    // Opened as a tab the popup asks itself for a report and finds no content script: it must say so, not hang.
    await page.getByText(await message('popupUnavailable')).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('h1').textContent(), await message('popupHeading'));
    await page.close();
  });
});

describe('the content script', () => {
  it('answers yuanwen/report with a schema-2 report on a news article page', async () => {
    const page = await browser.open(server.url('xinhua-opinion.html'));
    const report = await browser.requestReport(page);
    assertSchema1(report);
    await page.close();
  });

  it('ignores malformed requests (the validator runs before anything else)', async () => {
    const page = await browser.open(server.url('xinhua-opinion.html'));
    await browser.requestReport(page); // content script is up
    for (const bad of [{ type: 'yuanwen/report', extra: 1 }, { type: 'yuanwen/other' }, 'yuanwen/report', null]) {
      const answer = await browser.requestReport(page, bad).then(
        (value) => value,
        (error: unknown) => String(error),
      );
      // No listener answers: Chromium reports the closed port, or the answer is undefined.
      assert.ok(answer === undefined || /message port closed/i.test(String(answer)), `answered ${JSON.stringify(bad)}: ${String(answer)}`);
    }
    await page.close();
  });

  it('reads a same-origin iframe but not a cross-origin one', async () => {
    const framed = await browser.open(server.url('framed-article.html'));
    assert.deepEqual(
      (await browser.requestReport(framed)).documents.map((d) => d.id),
      ['urban-opinion-2025'],
    );
    await framed.close();

    const crossOrigin = await browser.open(server.url('cross-origin-frame.html'));
    const frame = crossOrigin.frames().find((f) => f.url().startsWith('http://localhost:'));
    assert.ok(frame, 'the cross-origin frame exists');
    // The article is really there, in another origin's frame.
    assert.equal(await frame.locator('h1').textContent(), '中共中央 国务院关于推动城市高质量发展的意见');
    assert.deepEqual((await browser.requestReport(crossOrigin)).documents, []);
    await crossOrigin.close();
  });

  it('bails out on a page without Chinese text: empty report', async () => {
    const page = await browser.open(server.url('no-chinese.html'));
    const report = await browser.requestReport(page);
    assertSchema1(report);
    assert.deepEqual([report.documents, report.markers, report.deviations], [[], [], []]);
    await page.close();
  });

  it('finds nothing on an unrelated notice that uses the same numbering', async () => {
    const page = await browser.open(server.url('unrelated-notice.html'));
    const report = await browser.requestReport(page);
    assertSchema1(report);
    assert.deepEqual(report.documents, []);
    assert.deepEqual(report.deviations, []);
    await page.close();
  });
});
