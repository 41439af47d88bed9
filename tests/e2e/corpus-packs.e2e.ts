/**
 * Corpus packs in the built extension, in each browser E2E_BROWSERS lists: a
 * pack of 13 laws from ../shared/corpora/laws imported on the corpus page (a
 * foreign and a tampered file refused first, with nothing lost), pages
 * reprinting 行政复议法 2017 and 2023 identified against it (the old one with
 * its newer version named), article-level links and the viewer on an
 * imported document, the background unloaded and started again (pack and
 * index still there), and removal.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import { eventually } from './eventually';
import { serializePack } from '../../src/core/corpus/pack';
import { procedurePack, reprintPage, REVIEW_2017, REVIEW_2023 } from '../unit/laws-fixture';

let server: StaticServer;
const scratch = mkdtempSync(join(tmpdir(), 'yuanwen-packs-e2e-'));
const pack = procedurePack();
const [newest, old] = pack.documents.filter((d) => d.series === '中华人民共和国行政复议法');

function htmlPage(title: string, text: string): string {
  const body = text
    .split('\n')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;
}

before(async () => {
  writeFileSync(join(scratch, 'procedure.pack.json'), serializePack(pack));
  writeFileSync(join(scratch, 'backup.json'), JSON.stringify({ format: 'yuanwen-backup', version: 1, highlights: [] }));
  const tampered = JSON.parse(serializePack(pack));
  tampered.documents[0].text = tampered.documents[0].text.replace('第一条', '第壹条');
  writeFileSync(join(scratch, 'tampered.pack.json'), JSON.stringify(tampered));
  writeFileSync(join(scratch, 'review-2017.html'), htmlPage('行政复议法', reprintPage(REVIEW_2017, 1, 20)));
  writeFileSync(join(scratch, 'review-2023.html'), htmlPage('行政复议法（2023年修订）', reprintPage(REVIEW_2023, 1, 25)));
  server = await startStaticServer(scratch);
});

after(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

for (const name of E2E_BROWSERS) {
  describe(`corpus packs in the extension (${name})`, () => {
    let browser: ExtensionBrowser;
    before(async () => {
      browser = await launchExtensionBrowser(name, { build: 'production' });
    });
    after(async () => {
      await browser?.close();
    });

    const corpusPage = () => browser.openExtensionPage('src/corpus-page/index.html');

    async function importFile(page: TestPage, file: string): Promise<string> {
      await page.locator('#pack-file').setInputFiles(join(scratch, file));
      const result = page.locator('#pack-result');
      await eventually(
        async () => (await result.textContent()) ?? '',
        (t) => t !== '',
        60_000,
      );
      return (await result.textContent()) ?? '';
    }

    async function reportOf(file: string) {
      const page = await browser.open(server.url(file));
      const report = await eventually(
        () => browser.requestReport(page),
        (r) => r.documents.length > 0,
        10_000,
      );
      return { page, report };
    }

    async function packsListed(page: TestPage): Promise<string[]> {
      return page.locator('article.pack').evaluateAll((els) => els.map((e) => e.getAttribute('data-pack') ?? ''));
    }

    it('refuses a foreign file and a tampered pack with one message each, storing nothing', async () => {
      const page = await corpusPage();
      assert.match(await importFile(page, 'backup.json'), /not a Yuanwen corpus pack/);
      assert.match(await importFile(page, 'tampered.pack.json'), /SHA-256/);
      assert.deepEqual(await packsListed(page), []);
      await page.close();
    });

    it('imports a pack with a progress bar and lists its documents', async () => {
      const page = await corpusPage();
      const sawProgress = page
        .locator('#pack-progress')
        .waitFor({ state: 'attached', timeout: 20_000 })
        .then(
          () => true,
          () => false,
        );
      const result = await importFile(page, 'procedure.pack.json');
      assert.equal(result, await browser.message('corpusPackImported', [pack.title, String(pack.documents.length)]));
      assert.equal(await sawProgress, true, 'a progress bar while importing');
      assert.deepEqual(await packsListed(page), ['procedure']);
      assert.equal(await page.locator('article.pack .pack-documents li').count(), 13);
      // A foreign file afterwards changes nothing.
      assert.match(await importFile(page, 'backup.json'), /not a Yuanwen corpus pack/);
      assert.deepEqual(await packsListed(page), ['procedure']);
      await page.close();
    });

    it('identifies a reprint of the 2017 version as such, names the 2023 one, and links article by article', async () => {
      const { page, report } = await reportOf('review-2017.html');
      assert.equal(report.documents[0].id, old.id);
      assert.equal(report.documents[0].date, '2017-09-01');
      assert.deepEqual(report.documents[0].newerVersions, [{ id: newest.id, date: '2023-09-01' }]);
      assert.deepEqual(report.deviations, []);
      const articles = report.markers.filter((m) => m.label.endsWith('条'));
      assert.equal(articles.length, 20);
      assert.deepEqual(
        articles.slice(0, 3).map((m) => m.clauseId),
        ['c1', 'c2', 'c3'],
      );
      await page.close();
    });

    it('shows an imported document in the viewer, at an article', async () => {
      const viewer = await browser.openExtensionPage(`viewer.html#doc=${old.id}&clause=c5`);
      const text = await eventually(
        async () => (await viewer.locator('body').textContent()) ?? '',
        (t) => t.includes('第五条'),
      );
      assert.match(text, /中华人民共和国行政复议法/);
      assert.match(text, /第五条/);
      await viewer.close();
    });

    it('lists, in the viewer of the 2017 version, the articles that differ from 2023, each linked', async () => {
      const viewer = await browser.openExtensionPage(`viewer.html#doc=${old.id}`);
      const versions = viewer.locator('section.versions');
      await versions.waitFor({ timeout: 10_000 });
      assert.equal(await versions.locator('h2').textContent(), await browser.message('viewerVersionsTitle', '2023-09-01'));
      assert.equal(await versions.locator('p').textContent(), await browser.message('viewerVersionsSummary', ['27', '62', '15', '1']));
      // 2017 第五条 (going to court after a review) is 2023 第十条: one link to each version's article.
      const renumbered = versions.locator('details.changed li', { hasText: '第五条' });
      const [here, there] = await renumbered.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      assert.match(here, new RegExp(`viewer\\.html[^#]*#doc=${old.id}&clause=c5$`));
      assert.match(there, new RegExp(`viewer\\.html#doc=${newest.id}&clause=c10$`));
      assert.equal(await versions.locator('details.added li').count(), 62);
      assert.equal(await versions.locator('details.removed li').count(), 15);
      await viewer.close();
      // The newest version has no newer one: no such list.
      const newestViewer = await browser.openExtensionPage(`viewer.html#doc=${newest.id}`);
      await eventually(
        async () => (await newestViewer.locator('article.document').count()) > 0,
        (ready) => ready,
      );
      assert.equal(await newestViewer.locator('section.versions').count(), 0);
      await newestViewer.close();
    });

    it('keeps the pack and its index when the background is unloaded and started again', async () => {
      const page = await corpusPage();
      await browser.unloadBackground();
      const { page: reprint, report } = await reportOf('review-2023.html');
      assert.equal(report.documents[0].id, newest.id);
      assert.deepEqual(report.documents[0].newerVersions, []);
      await page.reload();
      await eventually(
        () => packsListed(page),
        (ids) => ids.length === 1,
      );
      assert.deepEqual(await packsListed(page), ['procedure']);
      await reprint.close();
      await page.close();
    });

    it('removes the pack: its documents are no longer found', async () => {
      const page = await corpusPage();
      await eventually(
        () => packsListed(page),
        (ids) => ids.length === 1,
      );
      await page.locator('article.pack button.remove').click();
      await eventually(
        () => packsListed(page),
        (ids) => ids.length === 0,
      );
      const reprint = await browser.open(server.url('review-2017.html'));
      await new Promise((r) => setTimeout(r, 1500));
      const report = await browser.requestReport(reprint);
      assert.deepEqual(report.documents, []);
      await page.close();
    });
  });
}
