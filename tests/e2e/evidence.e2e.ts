/**
 * Evidence export (issue 13) in each browser E2E_BROWSERS lists (driver.ts),
 * on the test build: the popup's
 * "Export evidence" on an altered, a spun and a faithful reprint and on a
 * hostile page whose text and title hold markup. The file is saved; its
 * digests match the page text the content script analysed and the canonical
 * text; every deviation of the page's report is in it; the CLI checking the
 * saved file finds the same deviations; nothing on the page can inject into
 * it; it is axe-clean; printed to PDF its first page has the summary.
 *
 * The popup is opened as a page in a window of its own, so the reprint stays
 * the active tab of its window and can be captured (the test build has
 * <all_urls> for that: automation cannot click the toolbar button that
 * grants activeTab).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Corpus } from '../../src/core/corpus/corpus';
import type { Report } from '../../src/core/check/report';
import type { PageTextResponse } from '../../src/messages/evidence';
import { PAGE_TEXT_ELEMENT_ID } from '../../src/core/evidence/page-text-block';
import { backupJson } from '../../src/core/highlight/annotation-export';
import { createHighlight } from '../../src/core/highlight/record';
import { axe } from './axe';
import { FIXTURE_PAGES, REPO_ROOT } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';

const SEED_001 = resolve(REPO_ROOT, 'tests', 'fixtures', 'seeds', '001_7a20f44e24f68b89.txt');
const corpus = JSON.parse(readFileSync(resolve(REPO_ROOT, 'generated', 'corpus.json'), 'utf8')) as Corpus;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Markup a hostile page prints as its text (escaped in its HTML, so it is text the extension reads). */
const HOSTILE_TEXT = '</code></pre><script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
const HOSTILE_TITLE = '</title><script>window.pwned=3</script>意见全文';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Seed 001 as a web page, with markup in its title and its text. */
function hostilePage(): string {
  const paragraphs = readFileSync(SEED_001, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => `<p>${escape(i === 3 ? HOSTILE_TEXT + line : line)}</p>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(HOSTILE_TITLE)}</title></head>
<body><main><article>${paragraphs.join('\n')}</article></main></body></html>`;
}

const hashesIn = (html: string) => [...html.matchAll(/class="hash">([0-9a-f]{64})</g)].map((m) => m[1]);
const rowsIn = (evidence: TestPage) =>
  evidence
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-kind')}@${r.getAttribute('data-page-start')}`).sort());
const rowsOf = (report: Report) => report.deviations.map((d) => `${d.kind}@${d.pageStart}`).sort();

function cliReport(file: string): Report {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'yuanwen.mjs'), 'check', '--json', file], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as Report;
}

interface Exported {
  page: TestPage;
  report: Report;
  /** The page text the content script analysed. */
  pageText: string;
  file: string;
  html: string;
  /** The saved report, opened in the browser. */
  evidence: TestPage;
  status: string;
}

for (const name of E2E_BROWSERS) {
  describe(`evidence reports (${name})`, () => {
    let browser: ExtensionBrowser;
    let server: StaticServer;
    let hostileServer: StaticServer;
    let scratch: string;

    before(async () => {
      scratch = mkdtempSync(join(tmpdir(), `yuanwen-evidence-e2e-${name}-`));
      const hostileDir = join(scratch, 'site');
      spawnSync('mkdir', ['-p', hostileDir]);
      writeFileSync(join(hostileDir, 'hostile.html'), hostilePage());
      server = await startStaticServer(FIXTURE_PAGES);
      hostileServer = await startStaticServer(hostileDir);
      browser = await launchExtensionBrowser(name);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      await hostileServer?.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    /** Saves what `click` downloads into the scratch folder as `prefix-NAME`; its name as the browser gave it, and where it is. */
    async function saved(prefix: string, click: () => Promise<unknown>): Promise<{ filename: string; file: string }> {
      const { filename, path } = await browser.download(click);
      const file = join(scratch, `${prefix}-${filename}`);
      copyFileSync(path, file);
      return { filename, file };
    }

    /** Opens `url` (or takes a page already open), then the popup for its tab in a window of its own, and exports the evidence from there. */
    async function exportEvidence(
      url: string | TestPage,
      options: { includeHighlights?: boolean; beforeExport?: (popup: TestPage) => Promise<void> } = {},
    ): Promise<Exported> {
      const page = typeof url === 'string' ? await browser.open(url) : url;
      const report = await browser.requestReport(page);
      const { text: pageText } = (await browser.requestReport(page, { type: 'yuanwen/page-text' })) as unknown as PageTextResponse;
      const tabId = await browser.tabId(page);
      // Last before the popup opens: asking the extension may have opened a tab of its own (Firefox's driver does).
      await page.bringToFront();
      const opened = browser.waitForNewPage((u) => u.includes('/src/popup/index.html'));
      await browser.inExtension(async (api, tabId) => {
        await api.windows.create({ url: api.runtime.getURL(`src/popup/index.html?tab=${tabId}`), type: 'popup', width: 480, height: 800 });
      }, tabId);
      const popup = await opened;
      const button = popup.locator('.export-evidence-button');
      await button.waitFor({ timeout: 10_000 });
      if (options.includeHighlights) await popup.getByLabel(await browser.message('evidenceIncludeHighlights')).check();
      await options.beforeExport?.(popup);
      const { file } = await saved(`${report.documents[0]?.id ?? 'none'}-${Date.now()}`, () => button.click());
      const status = await popup.locator('.evidence-status').innerText();
      await popup.close();
      const html = readFileSync(file, 'utf8');
      const evidence = await browser.newPage();
      await evidence.goto(`file://${file}`);
      return { page, report, pageText, file, html, evidence, status };
    }

    /** The text of the first page of `evidence` printed to PDF (print media, A4). */
    async function firstPdfPage(evidence: TestPage): Promise<string> {
      const pdf = join(scratch, `report-${Date.now()}.pdf`);
      await evidence.pdf({ path: pdf, format: 'A4', printBackground: true });
      const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
      assert.equal(text.error, undefined, 'pdftotext (Debian poppler-utils) is installed');
      assert.equal(text.status, 0, text.stderr);
      return text.stdout;
    }
    describe('Export evidence from the popup', () => {
      it('an altered reprint: the file has the screenshot, both digests, every deviation, and the CLI finds the same again', async () => {
        const { report, pageText, file, html, evidence, status, page } = await exportEvidence(server.url('altered-reprint.html'));
        const match = report.documents[0];
        assert.ok(match && report.deviations.length > 10, 'the page has deviations');
        const canonical = corpus.documents.find((d) => d.id === match.id)!;

        assert.equal(status, await browser.message('evidenceSaved', file.slice(file.lastIndexOf('-yuanwen-evidence-') + 1)));
        assert.match((await evidence.locator('.screenshot img').getAttribute('src')) ?? '', /^data:image\/png;base64,/);
        const hashes = hashesIn(html);
        assert.equal(hashes[0], sha256(pageText), 'the summary states the page text’s digest');
        assert.ok(hashes.includes(sha256(canonical.text)), 'the canonical text’s digest');
        assert.equal(await evidence.locator(`#${PAGE_TEXT_ELEMENT_ID}`).textContent(), pageText, 'the page text kept exactly');
        assert.deepEqual(await rowsIn(evidence), rowsOf(report), 'every deviation, once');
        assert.ok((await evidence.locator('.summary').innerText()).includes(page.url()));

        assert.deepEqual(cliReport(file).deviations, report.deviations, 'yuanwen check on the saved file: the same deviations');
        assert.deepEqual(await axe(evidence), [], 'axe-clean');

        const first = await firstPdfPage(evidence);
        assert.match(first, /摘要|Summary/);
        // Firefox's PDF embeds the CJK font's glyphs without a complete Unicode map: pdftotext reads some of the
        // title's characters (and digits) back as U+FFFD, though they print right. The Latin lines read back whole.
        if (browser.name === 'chromium') assert.ok(first.includes(match.title.slice(0, 12)), 'the document’s title on page one');
        assert.match(first, /处与原文不符|deviations from the original/);
        await evidence.close();
        await page.close();
      });

      it('a spun reprint: heavily altered, with its most frequent substitutions, on page one', async () => {
        const { report, evidence, page } = await exportEvidence(server.url('spun-reprint.html'));
        assert.equal(report.documents[0]?.heavilyAltered, true);
        assert.match(await evidence.locator('.summary .verdict').first().innerText(), /大量改写|Heavily altered/);
        assert.ok((await evidence.locator('.summary ul li').count()) > 3);
        assert.deepEqual(await rowsIn(evidence), rowsOf(report));
        assert.match(await firstPdfPage(evidence), /大量改写|Heavily altered/);
        await evidence.close();
        await page.close();
      });

      it('a faithful reprint: matches the original, no deviations, the digests match', async () => {
        const { report, pageText, html, evidence, page } = await exportEvidence(server.url('xinhua-opinion.html'));
        assert.equal(report.deviations.length, 0);
        assert.match(await evidence.locator('.summary .verdict').innerText(), /与原文一致|Matches the original/);
        assert.equal(await evidence.locator('tbody tr').count(), 0);
        assert.equal(hashesIn(html)[0], sha256(pageText));
        await evidence.close();
        await page.close();
      });

      it('a hostile page: markup in its title and text stays text in the report, and nothing runs', async () => {
        const { report, pageText, evidence, page } = await exportEvidence(hostileServer.url('hostile.html'));
        assert.ok(report.documents.length > 0, 'the reprint is identified');
        assert.ok(pageText.includes(HOSTILE_TEXT), 'the page text holds the markup');
        assert.equal(await evidence.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined, 'no script ran');
        assert.equal(await evidence.locator('script, iframe').count(), 0);
        assert.equal(await evidence.locator('img').count(), 1, 'only the screenshot');
        assert.equal(await evidence.locator(`#${PAGE_TEXT_ELEMENT_ID}`).textContent(), pageText);
        assert.ok((await evidence.locator('.summary').innerText()).includes(HOSTILE_TITLE), 'the title, as text');
        assert.ok((await evidence.evaluate(() => document.title)).includes(HOSTILE_TITLE));
        await evidence.close();
        await page.close();
      });

      it('leaves the user’s highlights and notes out unless the box is ticked', async () => {
        const url = server.url('altered-reprint.html');
        const note = `私人笔记：不要外传 ${Date.now()}`;
        const importHighlight = async (popup: TestPage) => {
          const tabUrl = await popup.evaluate(async () => {
            const id = Number(new URLSearchParams(location.search).get('tab'));
            const api = (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ url: string }> } } }).chrome;
            return (await api.tabs.get(id)).url;
          });
          const made = createHighlight(
            {
              url: tabUrl,
              title: '华夏在线',
              note,
              color: 'green',
              tags: [],
              selectors: {
                quote: { type: 'TextQuoteSelector', exact: '推动城市高质量发展', prefix: '', suffix: '' },
                position: { type: 'TextPositionSelector', start: 0, end: 9 },
              },
            },
            '5b8f3c1e-9a4d-4e6f-8b7a-1c2d3e4f5a65',
          );
          assert.ok(made.ok);
          const answer = await popup.evaluate(
            (text) =>
              (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({
                type: 'yuanwen/highlights-import',
                text,
              }),
            backupJson([made.value]),
          );
          assert.equal((answer as { ok: boolean }).ok, true, JSON.stringify(answer));
        };

        const without = await exportEvidence(url, { beforeExport: importHighlight });
        assert.ok(!without.html.includes(note), 'no note without the box ticked');
        assert.equal(await without.evidence.locator('section[aria-labelledby="highlights"]').count(), 0);
        await without.evidence.close();

        const withNotes = await exportEvidence(without.page, { includeHighlights: true });
        assert.ok((await withNotes.evidence.locator('section[aria-labelledby="highlights"]').innerText()).includes(note));
        await withNotes.evidence.close();
        await withNotes.page.close();
      });
    });

    describe('Export evidence from the viewer', () => {
      it('saves the report of the page the reader came from; without a screenshot, since the viewer covers that page', async () => {
        const page = await browser.open(server.url('altered-reprint.html'));
        const report = await browser.requestReport(page);
        const tabId = await browser.tabId(page);
        const viewer = await browser.openExtensionPage(`viewer.html#doc=${report.documents[0].id}&tab=${tabId}`);
        const button = viewer.locator('.export-evidence-button');
        await button.waitFor({ timeout: 10_000 });
        const { filename, file } = await saved('viewer', () => button.click());
        assert.equal(await viewer.locator('.evidence-status').innerText(), await browser.message('evidenceSavedNoScreenshot', filename));
        const html = readFileSync(file, 'utf8');
        assert.ok(!html.includes('<img'), 'no screenshot');
        assert.deepEqual(cliReport(file).deviations, report.deviations);
        await viewer.close();
        await page.close();
      });
    });
  });
}
