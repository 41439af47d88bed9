/**
 * The built extension in each browser (driver.ts): it loads, its background
 * runs (Chromium's MV3 service worker, Firefox's event page), and its
 * content script answers the report message contract on fixture pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import type { Report } from '../../src/core/check/report';

function assertSchema1(report: Report): void {
  assert.equal(report.schema, 2);
  assert.ok(Array.isArray(report.documents), 'documents is an array');
  assert.ok(Array.isArray(report.markers), 'markers is an array');
  assert.ok(Array.isArray(report.deviations), 'deviations is an array');
  assert.equal(typeof report.timings.totalMs, 'number');
  assert.ok(Number.isFinite(report.timings.totalMs) && report.timings.totalMs >= 0, 'totalMs is a duration');
}

for (const name of E2E_BROWSERS) {
  describe(name, () => {
    let browser: ExtensionBrowser;
    let server: StaticServer;

    before(async () => {
      server = await startStaticServer(FIXTURE_PAGES);
      browser = await launchExtensionBrowser(name, { build: 'production' });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    describe('the built extension', () => {
      it('loads: its localized name, version and manifest version, at its address', async () => {
        if (browser.name === 'chromium') assert.match(browser.origin, /^chrome-extension:\/\/[a-p]{32}$/);
        else assert.match(browser.origin, /^moz-extension:\/\/[0-9a-f-]{36}$/);
        const identity = await browser.inExtension((api) => {
          const manifest = api.runtime.getManifest();
          return { name: api.i18n.getMessage('extensionName'), version: manifest.version, manifestVersion: manifest.manifest_version };
        });
        assert.deepEqual(identity, { name: '原文 Yuanwen', version: '0.1.0', manifestVersion: 3 });
      });

      it('runs its background: a service worker in Chromium, an event page in Firefox', async () => {
        if (browser.name === 'chromium') {
          assert.equal(await browser.inExtension(() => location.href), `${browser.origin}/src/background/index.js`);
          assert.equal(
            await browser.inExtension(() => typeof (globalThis as { ServiceWorkerGlobalScope?: unknown }).ServiceWorkerGlobalScope),
            'function',
          );
        } else {
          // Firefox MV3 runs `background.scripts` in a generated, non-persistent page.
          const background = await browser.inExtension(async (api) => {
            const page = await api.runtime.getBackgroundPage();
            return { url: page?.location.href, scripts: [...(page?.document.scripts ?? [])].map((s) => s.src) };
          });
          assert.match(background.url ?? '', /^moz-extension:\/\/[0-9a-f-]+\/_generated_background_page\.html$/);
          assert.deepEqual(background.scripts, [`${browser.origin}/src/background/index.js`]);
        }
      });

      it('opens no first-run page when the browser granted host access at install', async () => {
        const granted = await browser.inExtension((api) => api.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }));
        assert.equal(granted, true);
        // onInstalled has long run by now; give its (not expected) tab a moment anyway.
        await new Promise((r) => setTimeout(r, 500));
        const firstRun = `${browser.origin}/src/first-run/index.html`;
        const tabs = await browser.inExtension(async (api) => (await api.tabs.query({})).map((t) => t.url));
        assert.equal(tabs.filter((url) => url === firstRun).length, 0);
      });

      it('serves a localized first-run page that reports the access it has', async () => {
        const page = await browser.openExtensionPage('src/first-run/index.html');
        assert.equal(await page.locator('h1').textContent(), await browser.message('firstRunTitle'));
        await page.locator('#outcome', { hasText: await browser.message('firstRunGranted') }).waitFor({ timeout: 5_000 });
        assert.equal(await page.locator('#grant').isHidden(), true);
        await page.close();
      });

      it('serves its popup page', async () => {
        const page = await browser.openExtensionPage('src/popup/index.html');
        // Opened as a tab the popup asks itself for a report and finds no content script: it must say so, not hang.
        await page.locator('main p', { hasText: await browser.message('popupUnavailable') }).waitFor({ timeout: 5_000 });
        assert.equal(await page.locator('h1').textContent(), await browser.message('popupHeading'));
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
          assert.ok(
            answer === undefined || /message port closed/i.test(String(answer)),
            `answered ${JSON.stringify(bad)}: ${String(answer)}`,
          );
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
        const frame = (await browser.frames(crossOrigin)).find((f) => f.url().startsWith('http://localhost:'));
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
  });
}
