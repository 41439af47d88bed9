/**
 * What only Firefox does, in Firefox ESR (driver.ts, firefox-browser.ts):
 * host access is optional in Firefox MV3, so the reader may withhold it (then
 * the content script does not run, and the first-run page asks; its button
 * grants it), and the background is an event page that Firefox unloads when
 * idle (what the extension needs across that lives in storage, not in the
 * page's globals). The same stored highlights after a restart, the popup and
 * the viewer run in both browsers (restart.e2e.ts, traditional.e2e.ts,
 * highlights.e2e.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Highlight } from '../../src/core/highlight/record';
import type { HighlightResult } from '../../src/messages/analysis';
import { e2eBrowserEnabled, waitUntil, type TestPage } from './driver';
import { longReprintPage } from './long-reprint';
import { FIXTURE_PAGES } from './extension-browser';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox-browser';
import { startStaticServer, type StaticServer } from './static-server';
import { selectQuote } from './select-quote';
import { eventually } from './eventually';

const SKIP = !e2eBrowserEnabled('firefox') && 'YUANWEN_E2E_BROWSERS leaves Firefox out';
const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];

let server: StaticServer;
before(async () => {
  server = await startStaticServer(FIXTURE_PAGES);
});
after(async () => {
  await server?.close();
});

/** Waits until the page has been idle twice: a content script at `document_idle` would have run by then. */
async function pastDocumentIdle(page: TestPage): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
}

/**
 * What the content script of the newest tab answers, or the error when there is none. Without host
 * access the extension cannot see a web page's URL (nor the browser's first blank tab's): the newest
 * tab without one is the page.
 */
async function contentScriptAnswer(browser: FirefoxExtensionBrowser): Promise<string> {
  return browser.inExtension(async (api) => {
    const ids = (await api.tabs.query({})).filter((t) => t.url === undefined).map((t) => t.id!);
    if (ids.length === 0) return 'every tab is visible to the extension';
    return api.tabs.sendMessage(Math.max(...ids), { type: 'yuanwen/report' }).then(
      () => 'answered',
      (error: unknown) => String(error),
    );
  });
}

describe('withheld host access (Firefox MV3 makes it optional)', { skip: SKIP }, () => {
  let browser: FirefoxExtensionBrowser;
  before(async () => {
    browser = await launchFirefoxWithExtension({ build: 'production' });
  });
  after(async () => {
    await browser?.close();
  });

  it('runs no content script without it; the first-run page asks, its button grants it, then pages are read', async () => {
    await browser.inExtension((api, origins) => api.permissions.remove({ origins }), PAGE_ORIGINS);
    assert.equal(await browser.inExtension((api, origins) => api.permissions.contains({ origins }), PAGE_ORIGINS), false);

    const withheld = await browser.open(server.url('xinhua-opinion.html'));
    await pastDocumentIdle(withheld);
    assert.match(await contentScriptAnswer(browser), /Receiving end does not exist/);
    assert.equal(await withheld.evaluate(() => document.querySelector('yuanwen-ui')), null, 'nothing drawn on the page');
    await withheld.close();

    const firstRun = await browser.openExtensionPage('src/first-run/index.html');
    assert.equal(await firstRun.locator('#grant').isVisible(), true, 'the first-run page asks');
    assert.equal(await firstRun.locator('#grant').textContent(), await browser.message('firstRunGrant'));
    // A real click (permissions.request needs a user gesture); no prompt: extensions.webextOptionalPermissionPrompts=false.
    await firstRun.locator('#grant').click();
    await firstRun.locator('#outcome', { hasText: await browser.message('firstRunGranted') }).waitFor({ timeout: 10_000 });
    assert.equal(await firstRun.locator('#grant').isHidden(), true);
    assert.equal(await browser.inExtension((api, origins) => api.permissions.contains({ origins }), PAGE_ORIGINS), true);
    await firstRun.close();

    const granted = await browser.open(server.url('xinhua-opinion.html'));
    const report = await browser.requestReport(granted);
    assert.deepEqual(
      report.documents.map((d) => d.id),
      ['urban-opinion-2025'],
    );
    await granted.close();
  });
});

describe('the background as an event page', { skip: SKIP }, () => {
  let browser: FirefoxExtensionBrowser;
  let longPages: StaticServer;
  const dir = mkdtempSync(join(tmpdir(), 'yuanwen-event-page-'));
  before(async () => {
    writeFileSync(join(dir, 'long-reprint.html'), longReprintPage());
    longPages = await startStaticServer(dir);
    // Firefox unloads an idle event page after extensions.background.idle.timeout (30 s by default).
    browser = await launchFirefoxWithExtension({ build: 'test', prefs: { 'extensions.background.idle.timeout': 1_000 } });
  });
  after(async () => {
    await browser?.close();
    await longPages?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stays loaded while it checks a page for longer than the idle timeout, and answers it', async (t) => {
    // Firefox does not count a pending runtime.onMessage reply as activity: only the analysis queue's own pings keep it.
    const page = await browser.open(longPages.url('long-reprint.html'));
    let report = await browser.requestReport(page);
    await waitUntil(async () => (report = await browser.requestReport(page)).timings.totalMs > 0, 'the report', 120_000);
    t.diagnostic(`the analysis took ${Math.round(report.timings.totalMs)} ms`);
    assert.deepEqual(
      report.documents.map((d) => d.id),
      ['urban-opinion-2025'],
    );
    await page.close();
  });

  it('is unloaded when idle, and the page’s badge, frame key and highlights work after it', async () => {
    const page = await browser.open(server.url('xinhua-opinion.html'));
    await browser.requestReport(page);
    assert.equal(
      await eventually(
        () => browser.badgeText(page),
        (b) => b === '✓',
      ),
      '✓',
    );
    assert.equal(await eventually(browser.backgroundLoaded, (loaded) => !loaded, 20_000), false, 'the event page was unloaded');
    assert.equal(await browser.badgeText(page), '✓', 'the badge outlives the background');

    // A highlight through the toolbar: the extension-origin frame must get the tab's frame key from the woken background.
    await selectQuote(page, '城市是现代化建设的重要载体');
    await page.keyboard.press('Shift');
    const float = await eventually(
      async () => (await browser.frames(page)).find((f) => f.url().includes('role=float')),
      (f) => f !== undefined,
    );
    assert.ok(float, 'the toolbar frame is on the page');
    await float.locator('.hl-toolbar .swatch.yellow').click();
    const stored = await eventually(
      async () => (await browser.sendToBackground({ type: 'yuanwen/highlights-list' })) as HighlightResult<Highlight[]>,
      (r) => r.ok && r.value.some((h) => h.selectors.quote.exact === '城市是现代化建设的重要载体'),
    );
    assert.ok(stored.ok && stored.value.some((h) => h.selectors.quote.exact === '城市是现代化建设的重要载体'));
    await page.close();
  });
});
