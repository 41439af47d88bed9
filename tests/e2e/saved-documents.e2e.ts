/**
 * Saving a page as a canonical document of the reader's own, in the built
 * extension (Chromium): the issuer's page of 国歌法 (a law that is not
 * bundled; fixture page npc-anthem-law.html) saved from the popup, a city
 * site's reprint with three words changed (anthem-law-reprint.html) then
 * identified against it with those deviations at their articles; the list on
 * the corpus page (title, URL, time, SHA-256), renaming, export as a pack,
 * the service worker stopped (nothing lost), removal (no longer identified)
 * and the exported pack imported again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES, launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { startStaticServer, type StaticServer } from './static-server';
import { eventually } from './eventually';
import { stopServiceWorker } from './service-worker';
import { openPopupFor } from './popup-window';
import { parsePack } from '../../src/core/corpus/pack';
import type { Report } from '../../src/core/check/report';

let browser: ExtensionBrowser;
let server: StaticServer;
let corpusUrl: string;
const scratch = mkdtempSync(join(tmpdir(), 'yuanwen-saved-e2e-'));
const TITLE = '中华人民共和国国歌法';
/** What anthem-law-reprint.html changes (tests/fixtures/make-pages.ts), as the deviations name it. */
const CHANGES = [
  ['第七条', 'substitution', '肃', '起'],
  ['第十二条', 'substitution', '积极', '广泛'],
  ['第十五条', 'substitution', '警告', '罚款'],
];
/** Set by the first test: the saved page's URL and the exported pack's file. */
let issuerUrl = '';
let exported = '';

before(async () => {
  server = await startStaticServer(FIXTURE_PAGES);
  browser = await launchWithExtension();
  corpusUrl = `chrome-extension://${browser.extensionId}/src/corpus-page/index.html`;
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Saves `page` from its popup, keeping or replacing the title offered; the popup's result line. */
async function saveFromPopup(page: Page, title?: string): Promise<{ offeredTitle: string; preview: string; result: string }> {
  const popup = await openPopupFor(browser, page);
  await popup.locator('#save-page-open').click({ timeout: 10_000 });
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
async function reportOf(
  file: string,
  accept: (r: Report) => boolean = (r) => r.documents.length > 0,
): Promise<{ page: Page; report: Report }> {
  const page = await browser.open(server.url(file));
  const report = await eventually(() => browser.requestReport(page), accept, 15_000);
  return { page, report };
}

const analysed = (r: Report) => r.documents.length > 0 || r.timings.totalMs > 0;

async function savedListed(page: Page): Promise<{ id: string; title: string; url: string; hash: string }[]> {
  return page.locator('article.saved').evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute('data-document') ?? '',
      title: e.querySelector('h3')?.textContent ?? '',
      url: e.querySelector('.saved-url')?.textContent ?? '',
      hash: e.querySelector('.saved-hash')?.textContent ?? '',
    })),
  );
}

describe('a page saved as a canonical document', () => {
  it('is saved from the popup with the title the page gives, and refused a second time', async () => {
    const { page: issuer, report } = await reportOf('npc-anthem-law.html', analysed);
    assert.deepEqual(report.documents, [], 'not bundled: nothing identified before it is saved');
    issuerUrl = issuer.url();
    const first = await saveFromPopup(issuer);
    assert.equal(first.offeredTitle, TITLE);
    assert.match(first.preview, /16/, 'the preview counts the 16 articles');
    assert.match(first.preview, /第一条/);
    assert.equal(first.result, await browser.message('savePageSaved', TITLE));
    const again = await saveFromPopup(issuer);
    assert.match(again.result, /already saved/);
    await issuer.close();
  });

  it('identifies a reprint on another site against it, with the changed words at their articles', async () => {
    const { page, report } = await reportOf('anthem-law-reprint.html');
    assert.equal(report.documents.length, 1);
    assert.equal(report.documents[0].title, TITLE);
    assert.match(report.documents[0].id, /^u-[0-9a-f]{16}$/);
    assert.deepEqual(
      report.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText]),
      CHANGES,
    );
    assert.equal(report.markers.filter((m) => m.label.endsWith('条')).length, 16, 'every article linked');
    // The page it was saved from is faithful to it, chrome and all.
    const { page: issuer, report: own } = await reportOf('npc-anthem-law.html');
    assert.equal(own.documents[0].id, report.documents[0].id);
    assert.deepEqual(own.deviations, []);
    // The viewer shows it, at an article.
    const viewer = await browser.open(`chrome-extension://${browser.extensionId}/viewer.html#doc=${report.documents[0].id}&clause=c7`);
    const text = await eventually(
      async () => (await viewer.locator('body').textContent()) ?? '',
      (t) => t.includes('第七条'),
    );
    assert.match(text, /肃立/);
    await Promise.all([viewer.close(), issuer.close(), page.close()]);
  });

  it('is listed on the corpus page with its URL and SHA-256, and renamed there', async () => {
    const page = await browser.open(corpusUrl);
    const [listed] = await eventually(
      () => savedListed(page),
      (l) => l.length === 1,
    );
    assert.equal(listed.title, `《${TITLE}》`);
    assert.equal(listed.url, issuerUrl);
    assert.match(listed.hash, /^[0-9a-f]{64}$/);
    assert.equal(listed.id, `u-${listed.hash.slice(0, 16)}`);
    await page.locator('article.saved button.rename').click();
    await page.locator('article.saved .rename-title').fill('国歌法（2017年）');
    await page.locator('article.saved .rename-save').click();
    await eventually(
      async () => (await savedListed(page))[0]?.title,
      (t) => t === '《国歌法（2017年）》',
    );
    assert.equal(await page.locator('#saved-result').textContent(), await browser.message('savedRenamed', '国歌法（2017年）'));
    const { page: reprint, report } = await reportOf('anthem-law-reprint.html');
    assert.equal(report.documents[0].title, '国歌法（2017年）');
    await Promise.all([reprint.close(), page.close()]);
  });

  it('exports as a corpus pack that carries its URL, time and hash', async () => {
    const page = await browser.open(corpusUrl);
    await page.locator('#saved-export').waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.locator('#saved-export').click()]);
    exported = join(scratch, download.suggestedFilename());
    await download.saveAs(exported);
    assert.match(download.suggestedFilename(), /^yuanwen-my-documents-\d{4}-\d{2}-\d{2}\.pack\.json$/);
    const pack = parsePack(readFileSync(exported, 'utf8'));
    assert.equal(pack.id, 'my-documents');
    assert.equal(pack.documents.length, 1);
    const [doc] = pack.documents;
    assert.equal(doc.title, '国歌法（2017年）');
    assert.equal(doc.source, issuerUrl);
    assert.match(doc.savedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(doc.id, `u-${doc.sha256!.slice(0, 16)}`);
    await page.close();
  });

  it('is still there, and still identifies the reprint, after the service worker is stopped', async () => {
    const page = await browser.open(corpusUrl);
    await stopServiceWorker(browser, page);
    const { page: reprint, report } = await reportOf('anthem-law-reprint.html');
    assert.equal(report.documents[0].title, '国歌法（2017年）');
    assert.equal(report.deviations.length, CHANGES.length);
    await page.reload();
    assert.equal(
      (
        await eventually(
          () => savedListed(page),
          (l) => l.length === 1,
        )
      ).length,
      1,
    );
    await Promise.all([reprint.close(), page.close()]);
  });

  it('is removed at once from identification, and comes back with the exported pack imported', async () => {
    const page = await browser.open(corpusUrl);
    await eventually(
      () => savedListed(page),
      (l) => l.length === 1,
    );
    await page.locator('article.saved button.remove').click();
    await eventually(
      () => savedListed(page),
      (l) => l.length === 0,
    );
    assert.equal(await page.locator('#saved-result').textContent(), await browser.message('savedRemoved', '国歌法（2017年）'));
    const { page: gone, report: none } = await reportOf('anthem-law-reprint.html', analysed);
    assert.deepEqual(none.documents, []);
    await gone.close();

    await page.locator('#pack-file').setInputFiles(exported);
    await eventually(
      async () => (await page.locator('#pack-result').textContent()) ?? '',
      (t) => t !== '',
      30_000,
    );
    const { page: back, report } = await reportOf('anthem-law-reprint.html');
    assert.equal(report.documents[0].title, '国歌法（2017年）');
    assert.deepEqual(
      report.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText]),
      CHANGES,
    );
    await Promise.all([back.close(), page.close()]);
  });
});
