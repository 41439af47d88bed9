/**
 * Saving a page as a canonical document of the reader's own, in the built
 * extension (Chromium): the issuer's page of 国歌法 (a law that is not
 * bundled; fixture page npc-anthem-law.html) saved from the popup, a city
 * site's reprint with three words changed (anthem-law-reprint.html) then
 * identified against it with those deviations at their articles (also in a
 * tab already open when it was saved, and unlinked there when removed); the list on
 * the corpus page (title, URL, time, SHA-256), renaming, export as a pack,
 * the background unloaded and the browser restarted (nothing
 * lost), removal (no longer identified) and the exported pack imported again.
 * In each browser E2E_BROWSERS lists (driver.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { BrowserName, ExtensionBrowser, TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import { eventually } from './eventually';
import { parsePack } from '../../src/core/corpus/pack';
import type { Report } from '../../src/core/check/report';
import type { CorpusResult, PackFile } from '../../src/messages/corpus';
import { splitForTransfer } from '../../src/core/corpus/pack-transfer';

const TITLE = '中华人民共和国国歌法';
const RENAMED = '国歌法（2017年）';
/** What anthem-law-reprint.html changes (tests/fixtures/make-pages.ts), as the deviations name it. */
const CHANGES = [
  ['第七条', 'substitution', '肃', '起'],
  ['第十二条', 'substitution', '积极', '广泛'],
  ['第十五条', 'substitution', '警告', '罚款'],
];

const analysed = (r: Report) => r.documents.length > 0 || r.timings.totalMs > 0;
const deviationsOf = (r: Report) => r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText]);

for (const name of E2E_BROWSERS) {
  describe(`a page saved as a canonical document (${name})`, () => {
    let browser: ExtensionBrowser;
    let server: StaticServer;
    /** Kept across a restart of the browser. */
    const profileDir = mkdtempSync(join(tmpdir(), `yuanwen-saved-${name}-`));
    const launch = (browserName: BrowserName) => launchExtensionBrowser(browserName, { profileDir });
    /** Set by the first tests: the saved page's URL and the exported pack. */
    let issuerUrl = '';
    let exported = '';

    before(async () => {
      server = await startStaticServer(FIXTURE_PAGES);
      browser = await launch(name);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      rmSync(profileDir, { recursive: true, force: true });
    });

    const corpusPage = () => browser.openExtensionPage('src/corpus-page/index.html');

    /** Saves `page` from its popup (opened for its tab), keeping or replacing the title offered. */
    async function saveFromPopup(page: TestPage, title?: string): Promise<{ offeredTitle: string; preview: string; result: string }> {
      const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabId(page)}`);
      await popup.locator('#save-page-open').waitFor({ timeout: 15_000 });
      await popup.locator('#save-page-open').click();
      const input = popup.locator('#save-page-title');
      await input.waitFor({ timeout: 10_000 });
      const offeredTitle = await input.inputValue();
      const preview = (await popup.locator('.save-page-preview').textContent()) ?? '';
      if (title !== undefined) await input.fill(title);
      await popup.locator('#save-page-save').click();
      const result = await eventually(
        async () => (await popup.locator('#save-page-result').textContent()) ?? '',
        (t) => t !== '',
        20_000,
      );
      await popup.close();
      return { offeredTitle, preview, result };
    }

    /** The report of a freshly opened page, once its analysis is done. */
    async function reportOf(file: string, accept: (r: Report) => boolean = (r) => r.documents.length > 0) {
      const page = await browser.open(server.url(file));
      const report = await eventually(() => browser.requestReport(page), accept, 15_000);
      return { page, report };
    }

    function savedListed(page: TestPage): Promise<{ id: string; title: string; url: string; hash: string }[]> {
      return page.evaluate(() =>
        [...document.querySelectorAll('article.saved')].map((e) => ({
          id: e.getAttribute('data-document') ?? '',
          title: e.querySelector('h3')?.textContent ?? '',
          url: e.querySelector('.saved-url')?.textContent ?? '',
          hash: e.querySelector('.saved-hash')?.textContent ?? '',
        })),
      );
    }

    const listedOnce = (page: TestPage) =>
      eventually(
        () => savedListed(page),
        (l) => l.length === 1,
      );

    it('is saved from the popup with the title the page gives, and refused a second time', async () => {
      const { page: issuer, report } = await reportOf('npc-anthem-law.html', analysed);
      assert.deepEqual(report.documents, [], 'not bundled: nothing identified before it is saved');
      // A reprint already open in another tab, identified once the document is saved, without a reload.
      const { page: openReprint, report: before } = await reportOf('anthem-law-reprint.html', analysed);
      assert.deepEqual(before.documents, []);
      issuerUrl = issuer.url();
      const first = await saveFromPopup(issuer);
      assert.equal(first.offeredTitle, TITLE);
      assert.match(first.preview, /16/, 'the preview counts the 16 articles');
      assert.match(first.preview, /第一条/);
      assert.equal(first.result, await browser.message('savePageSaved', TITLE));
      const again = await saveFromPopup(issuer);
      assert.match(again.result, /already saved/);
      const followed = await eventually(
        () => browser.requestReport(openReprint),
        (r) => r.documents.length > 0,
        15_000,
      );
      assert.equal(followed.documents[0].title, TITLE, 'the open tab analysed again');
      assert.deepEqual(deviationsOf(followed), CHANGES);
      await Promise.all([issuer.close(), openReprint.close()]);
    });

    it('identifies a reprint on another site against it, with the changed words at their articles', async () => {
      const { page, report } = await reportOf('anthem-law-reprint.html');
      assert.equal(report.documents.length, 1);
      assert.equal(report.documents[0].title, TITLE);
      assert.match(report.documents[0].id, /^u-[0-9a-f]{16}$/);
      assert.deepEqual(deviationsOf(report), CHANGES);
      assert.equal(report.markers.filter((m) => m.label.endsWith('条')).length, 16, 'every article linked');
      // The page it was saved from is faithful to it, chrome and all.
      const { page: issuer, report: own } = await reportOf('npc-anthem-law.html');
      assert.equal(own.documents[0].id, report.documents[0].id);
      assert.deepEqual(own.deviations, []);
      // The viewer shows it, at an article.
      const viewer = await browser.openExtensionPage(`viewer.html#doc=${report.documents[0].id}&clause=c7`);
      const text = await eventually(
        async () => (await viewer.locator('body').textContent()) ?? '',
        (t) => t.includes('第七条'),
      );
      assert.match(text, /肃立/);
      await Promise.all([viewer.close(), issuer.close(), page.close()]);
    });

    it('is listed on the corpus page with its URL and SHA-256, and renamed there', async () => {
      const page = await corpusPage();
      const [listed] = await listedOnce(page);
      assert.equal(listed.title, `《${TITLE}》`);
      assert.equal(listed.url, issuerUrl);
      assert.match(listed.hash, /^[0-9a-f]{64}$/);
      assert.equal(listed.id, `u-${listed.hash.slice(0, 16)}`);
      await page.locator('article.saved button.rename').click();
      await page.locator('article.saved .rename-title').fill(RENAMED);
      await page.locator('article.saved .rename-save').click();
      await eventually(
        async () => (await savedListed(page))[0]?.title,
        (t) => t === `《${RENAMED}》`,
      );
      assert.equal(await page.locator('#saved-result').textContent(), await browser.message('savedRenamed', RENAMED));
      const { page: reprint, report } = await reportOf('anthem-law-reprint.html');
      assert.equal(report.documents[0].title, RENAMED);
      await Promise.all([reprint.close(), page.close()]);
    });

    it('exports as a corpus pack that carries its URL, time and hash', async () => {
      const page = await corpusPage();
      await page.locator('#saved-export').waitFor({ timeout: 10_000 });
      if (browser.name === 'chromium') {
        // The file the reader gets (Playwright sees downloads; the Firefox driver does not).
        const [download] = await Promise.all([
          (page as Page).waitForEvent('download', { timeout: 20_000 }),
          page.locator('#saved-export').click(),
        ]);
        assert.match(download.suggestedFilename(), /^yuanwen-my-documents-\d{4}-\d{2}-\d{2}\.pack\.json$/);
        exported = readFileSync((await download.path())!, 'utf8');
      } else {
        await page.locator('#saved-export').click();
        const answer = (await browser.sendToBackground({ type: 'yuanwen/corpus-saved-export' })) as CorpusResult<PackFile>;
        assert.ok(answer.ok);
        exported = answer.value.text;
      }
      await eventually(
        async () => (await page.locator('#saved-result').textContent()) ?? '',
        (t) => t !== '',
      );
      assert.match((await page.locator('#saved-result').textContent()) ?? '', /my-documents/);
      const pack = parsePack(exported);
      assert.equal(pack.id, 'my-documents');
      assert.equal(pack.documents.length, 1);
      const [doc] = pack.documents;
      assert.equal(doc.title, RENAMED);
      assert.equal(doc.source, issuerUrl);
      assert.match(doc.savedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
      assert.equal(doc.id, `u-${doc.sha256!.slice(0, 16)}`);
      await page.close();
    });

    it('is still there, and still identifies the reprint, after the service worker stops and the browser restarts', async () => {
      await browser.unloadBackground();
      const stopped = await reportOf('anthem-law-reprint.html');
      assert.deepEqual(deviationsOf(stopped.report), CHANGES, 'after the background was unloaded');
      await stopped.page.close();
      await browser.close();
      browser = await launch(name);
      const { page: reprint, report } = await reportOf('anthem-law-reprint.html');
      assert.equal(report.documents[0].title, RENAMED, 'after a restart');
      assert.deepEqual(deviationsOf(report), CHANGES);
      const page = await corpusPage();
      assert.equal((await listedOnce(page)).length, 1);
      await Promise.all([reprint.close(), page.close()]);
    });

    it('is removed at once from identification, and comes back with the exported pack imported', async () => {
      const { page: openReprint } = await reportOf('anthem-law-reprint.html');
      const page = await corpusPage();
      await listedOnce(page);
      await page.locator('article.saved button.remove').click();
      await eventually(
        () => savedListed(page),
        (l) => l.length === 0,
      );
      assert.equal(await page.locator('#saved-result').textContent(), await browser.message('savedRemoved', RENAMED));
      const { page: gone, report: none } = await reportOf('anthem-law-reprint.html', analysed);
      assert.deepEqual(none.documents, []);
      // The tab that was open when it was removed no longer links to it either.
      const unlinked = await eventually(
        () => browser.requestReport(openReprint),
        (r) => r.documents.length === 0,
        15_000,
      );
      assert.deepEqual(unlinked.documents, [], 'the open tab analysed again');
      await Promise.all([gone.close(), openReprint.close()]);

      // The messages the corpus page's import sends, in chunks (the file input itself: corpus-packs.e2e.ts).
      const chunks = splitForTransfer(exported);
      const begun = (await browser.sendToBackground({
        type: 'yuanwen/corpus-import-begin',
        chars: exported.length,
        chunks: chunks.length,
      })) as CorpusResult<string>;
      assert.ok(begun.ok, begun.ok ? '' : begun.error);
      for (const [index, text] of chunks.entries()) {
        const sent = (await browser.sendToBackground({
          type: 'yuanwen/corpus-import-chunk',
          importId: begun.value,
          index,
          text,
        })) as CorpusResult<number>;
        assert.ok(sent.ok, sent.ok ? '' : sent.error);
      }
      const imported = (await browser.sendToBackground({
        type: 'yuanwen/corpus-import-end',
        importId: begun.value,
      })) as CorpusResult<unknown>;
      assert.ok(imported.ok, imported.ok ? '' : imported.error);
      const { page: back, report } = await reportOf('anthem-law-reprint.html');
      assert.equal(report.documents[0].title, RENAMED);
      assert.deepEqual(deviationsOf(report), CHANGES);
      await Promise.all([back.close(), page.close()]);
    });
  });
}
