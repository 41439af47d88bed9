/**
 * Every fixture page (tests/fixtures/pages/pages.json) through the built
 * extension: the documents the content script reports, the verdict on the
 * faithful pages, and the toolbar badge the background sets from the content
 * script's summary message. In each browser E2E_BROWSERS lists (driver.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import type { FixturePage } from '../fixtures/make-pages';
import { eventually } from './eventually';

const pages = JSON.parse(readFileSync(resolve(FIXTURE_PAGES, 'pages.json'), 'utf8')) as FixturePage[];

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

    /** Opens a fixture page and waits until its text is all there. */
    async function openFixture(file: string): Promise<TestPage> {
      const page = await browser.open(server.url(file));
      if (file === 'script-loaded-article.html') await page.waitForSelector('body[data-article-loaded]');
      return page;
    }

    describe('documents found on each fixture page', () => {
      for (const fixture of pages) {
        it(`${fixture.file}: ${fixture.expectedDocuments.join(', ') || 'nothing'}`, async () => {
          const page = await openFixture(fixture.file);
          const report = await browser.requestReport(page);
          assert.deepEqual(
            report.documents.map((d) => d.id),
            fixture.expectedDocuments,
          );
          await page.close();
        });
      }
    });

    describe('faithful reprints', () => {
      for (const file of ['xinhua-opinion.html', 'script-loaded-article.html']) {
        it(`${file}: the whole Opinion, no deviations`, async () => {
          const page = await openFixture(file);
          const report = await browser.requestReport(page);
          const [match] = report.documents;
          assert.equal(match?.coverage, 1);
          assert.equal(match?.heavilyAltered, false);
          assert.deepEqual(report.deviations, []);
          await page.close();
        });
      }

      it('peoples-daily-print.html: the authoritative witness, no deviations (page chrome before the jump line is not part of （三）)', async () => {
        const page = await openFixture('peoples-daily-print.html');
        const report = await browser.requestReport(page);
        assert.deepEqual(report.deviations, []);
        await page.close();
      });
    });

    describe('the production build renders into a closed shadow root', () => {
      it('xinhua-opinion.html: one <yuanwen-ui> outside <body>, its shadow root closed to the page, highlights none', async () => {
        const page = await openFixture('xinhua-opinion.html');
        await browser.requestReport(page);
        const host = await page.evaluate(() => {
          const hosts = document.querySelectorAll('yuanwen-ui');
          const element = hosts[0];
          return {
            count: hosts.length,
            parent: element?.parentElement?.localName,
            shadowRoot: element ? element.shadowRoot : 'missing',
            marks: performance.getEntriesByType('mark').length,
          };
        });
        assert.deepEqual(host, { count: 1, parent: 'html', shadowRoot: null, marks: 0 });
        await page.close();
      });
    });

    describe('toolbar badge (analysis in the background)', () => {
      const cases: [string, (badge: string) => boolean, string][] = [
        ['xinhua-opinion.html', (b) => b === '✓', '✓'],
        ['altered-reprint.html', (b) => /^[1-9]\d*\+?$/.test(b), 'a deviation count'],
        ['spun-reprint.html', (b) => b === '!', '!'],
        // Set by the re-analysis after the script-inserted text settles, with no report request.
        ['script-loaded-article.html', (b) => b === '✓', '✓'],
      ];
      for (const [file, accept, expected] of cases) {
        it(`${file}: ${expected}`, async () => {
          const page = await openFixture(file);
          const badge = await eventually(() => browser.badgeText(page), accept);
          assert.ok(accept(badge), `badge "${badge}", expected ${expected}`);
          await page.close();
        });
      }

      it('no-chinese.html: no badge', async () => {
        const page = await openFixture('no-chinese.html');
        await browser.requestReport(page);
        assert.equal(await browser.badgeText(page), '');
        await page.close();
      });
    });
  });
}
