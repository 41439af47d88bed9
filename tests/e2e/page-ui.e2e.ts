/**
 * What a reader sees, in the end-to-end test build (dist/chrome-test: an
 * open shadow root, otherwise the production code): badges at clauses,
 * cards, deviation highlights (CSS Custom Highlight API), omission carets,
 * the page summary, the page's own text unchanged, the canonical viewer, the
 * per-site switch, dynamic pages and the background's analyse contract.
 * Screenshots of the faithful, altered and spun pages go to
 * test-results/screenshots/ (Firefox's to its firefox/ folder): artifacts
 * to look at, not pixel assertions. In each browser E2E_BROWSERS lists
 * (driver.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES, REPO_ROOT, type ChromiumExtensionBrowser } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import type { Corpus } from '../../src/core/corpus/corpus';
import type { Report } from '../../src/core/check/report';
import { eventually } from './eventually';

const OPINION = 'urban-opinion-2025';
const KINDS = ['substitution', 'insertion', 'marker'] as const;

for (const name of E2E_BROWSERS) {
  describe(name, () => {
    const SCREENSHOTS = resolve(REPO_ROOT, 'test-results', 'screenshots', ...(name === 'chromium' ? [] : [name]));
    let browser: ExtensionBrowser;
    let server: StaticServer;

    before(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      server = await startStaticServer(FIXTURE_PAGES);
      browser = await launchExtensionBrowser(name);
      // Every page records its text as it was before any extension code ran (content scripts run at document_idle).
      await browser.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          (window as unknown as { __textBefore: string }).__textBefore = document.body.innerText;
        });
      });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** The canonical viewer, opened by a click on a badge. */
    const isViewer = (url: string): boolean => new URL(url).pathname === '/viewer.html';

    /** Opens a fixture and waits until the content script has analysed and rendered it. */
    async function openRendered(file: string): Promise<{ page: TestPage; report: Report }> {
      const page = await browser.open(server.url(file));
      const report = await browser.requestReport(page);
      return { page, report };
    }

    interface UiState {
      host: boolean;
      badges: { clause: string; document: string; state: string; x: number; y: number; right: number }[];
      carets: number;
      summary: string[];
      highlights: Record<string, number>;
    }

    function uiState(page: TestPage): Promise<UiState> {
      return page.evaluate(
        (kinds) => {
          const host = document.querySelector('yuanwen-ui');
          const root = host?.shadowRoot;
          const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          return {
            host: host !== null,
            badges: [...(root?.querySelectorAll<HTMLElement>('.badge') ?? [])].map((b) => {
              const r = b.getBoundingClientRect();
              return {
                clause: b.dataset.clause ?? '',
                document: b.dataset.document ?? '',
                state: [...b.classList].find((c) => c !== 'badge' && c !== 'at-edge') ?? '',
                x: r.left,
                y: r.top + r.height / 2,
                right: r.right,
              };
            }),
            carets: root?.querySelectorAll('.caret').length ?? 0,
            summary: [...(root?.querySelectorAll('.summary .line') ?? [])].map((e) => e.textContent ?? ''),
            highlights: Object.fromEntries(kinds.map((k) => [k, registry.get(`yuanwen-${k}`)?.size ?? 0])),
          };
        },
        KINDS as unknown as string[],
      );
    }

    async function assertTextUnchanged(page: TestPage): Promise<void> {
      const { before, now } = await page.evaluate(() => ({
        before: (window as unknown as { __textBefore?: string }).__textBefore,
        now: document.body.innerText,
      }));
      assert.equal(typeof before, 'string', 'the text before rendering was recorded');
      assert.ok(before === now, 'document.body.innerText is identical before and after Yuanwen rendered');
    }

    /** Where a page element whose text starts with `label` begins (its first line). */
    function lineOf(page: TestPage, label: string): Promise<{ left: number; top: number; bottom: number } | undefined> {
      return page.evaluate((label) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(label);
          if (at < 0 || node.parentElement?.closest('nav, header, aside, footer, title')) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const r = range.getClientRects()[0];
          if (r) return { left: r.left, top: r.top, bottom: r.bottom };
        }
        return undefined;
      }, label);
    }

    describe('a faithful reprint (Xinhua article page)', () => {
      it('puts one badge at every aligned clause, at the clause marker, and says 与原文一致', async () => {
        const { page, report } = await openRendered('xinhua-opinion.html');
        const [match] = report.documents;
        assert.equal(match.id, OPINION);
        const ui = await uiState(page);
        assert.equal(ui.badges.length, match.clauses.length, 'one badge per aligned clause');
        assert.deepEqual(ui.badges.map((b) => b.clause).sort(), match.clauses.map((c) => c.clauseId).sort());
        assert.ok(ui.badges.every((b) => b.state === 'faithful' && b.document === OPINION));
        // Targets: a badge sits on the first line of its clause, just before the marker.
        for (const [clauseId, label] of [
          ['c1', '（一）'],
          ['c14', '（十四）'],
          ['c23', '（二十三）'],
          ['s6h', '六、'],
        ]) {
          const badge = ui.badges.find((b) => b.clause === clauseId);
          const line = await lineOf(page, label);
          assert.ok(badge && line, `badge and text of ${label}`);
          assert.ok(
            badge.y >= line.top && badge.y <= line.bottom,
            `${label}: badge on the marker's line (${badge.y} in ${line.top}–${line.bottom})`,
          );
          assert.ok(
            badge.right <= line.left + 1 && badge.right >= line.left - 12,
            `${label}: badge just before the marker (${badge.right} vs ${line.left})`,
          );
        }
        assert.deepEqual(ui.summary, [await browser.message('summaryFaithful', match.title)]);
        assert.deepEqual(ui.highlights, { substitution: 0, insertion: 0, marker: 0 });
        assert.equal(ui.carets, 0);
        await assertTextUnchanged(page);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'faithful-xinhua.png') });
        await page.close();
      });

      it('opens a card on hover and on keyboard focus: title, canonical clause text, status; Escape closes it', async () => {
        const { page } = await openRendered('xinhua-opinion.html');
        const badge = page.locator('yuanwen-ui .badge[data-clause="c14"]');
        await badge.hover();
        const card = page.locator('yuanwen-ui #yuanwen-card');
        await card.waitFor({ state: 'visible', timeout: 3_000 });
        const text = await card.innerText();
        assert.match(text, /中共中央 国务院关于推动城市高质量发展的意见/);
        assert.match(text, /（十四）加强房屋和市政基础设施安全管理。/);
        assert.ok(text.includes(await browser.message('cardFaithful')));
        await page.mouse.move(5, 5);
        await card.waitFor({ state: 'hidden', timeout: 3_000 });

        await page.locator('yuanwen-ui .badge[data-clause="c3"]').focus();
        await card.waitFor({ state: 'visible', timeout: 3_000 });
        assert.match(await card.innerText(), /（三）/);
        assert.equal(await page.locator('yuanwen-ui .badge[data-clause="c3"]').getAttribute('aria-expanded'), 'true');
        await page.keyboard.press('Escape');
        await card.waitFor({ state: 'hidden', timeout: 3_000 });
        await page.close();
      });

      it("opens the canonical viewer at the clause on click, with the page's verdict", async () => {
        const { page } = await openRendered('xinhua-opinion.html');
        const opened = browser.waitForNewPage(isViewer);
        await page.locator('yuanwen-ui .badge[data-clause="c14"]').click();
        const viewer = await opened;
        const url = new URL(viewer.url());
        assert.equal(`${url.protocol}//${url.host}`, browser.origin);
        assert.equal(url.pathname, '/viewer.html');
        const hash = new URLSearchParams(url.hash.slice(1));
        assert.equal(hash.get('doc'), OPINION);
        assert.equal(hash.get('clause'), 'c14');
        assert.match(hash.get('tab') ?? '', /^\d+$/);
        const current = viewer.locator('.clause.current');
        await current.waitFor({ timeout: 5_000 });
        assert.equal(await current.getAttribute('data-clause'), 'c14');
        assert.match(await current.innerText(), /^（十四）加强房屋和市政基础设施安全管理/);
        assert.ok(await current.isVisible());
        const inView = await viewer.evaluate(() => {
          const r = document.querySelector('.clause.current')!.getBoundingClientRect();
          return r.top >= 0 && r.top < window.innerHeight;
        });
        assert.ok(inView, 'the viewer scrolled to the clause');
        await viewer.locator('.page-status.faithful').waitFor({ timeout: 5_000 });
        assert.equal(await viewer.locator('h1').innerText(), '中共中央 国务院关于推动城市高质量发展的意见');
        // Provenance: witnesses, collation and the documented variant.
        const provenance = await viewer.locator('.provenance').innerText();
        assert.match(provenance, /003/);
        assert.match(provenance, /预留防灾减灾弹性空间/);
        await viewer.screenshot({ path: resolve(SCREENSHOTS, 'viewer-c14.png') });
        await viewer.close();
        await page.close();
      });
    });

    describe('an altered reprint', () => {
      it('marks each substitution and insertion with a CSS highlight, each omission with a caret, and counts them in the summary', async () => {
        const { page, report } = await openRendered('altered-reprint.html');
        const [match] = report.documents;
        assert.equal(match.heavilyAltered, false);
        assert.ok(report.deviations.length > 0);
        const ui = await uiState(page);
        const count = (kind: string) => report.deviations.filter((d) => d.kind === kind && d.pageEnd > d.pageStart).length;
        assert.deepEqual(ui.highlights, { substitution: count('substitution'), insertion: count('insertion'), marker: count('marker') });
        assert.ok(ui.highlights.substitution > 0);
        assert.equal(ui.carets, report.deviations.filter((d) => d.kind === 'omission').length);
        assert.equal(ui.badges.length, match.clauses.length);
        assert.ok(ui.badges.some((b) => b.state === 'deviations'));
        // Moved parts are one note, not counted as changed words (issue #9).
        const changed = report.deviations.filter((d) => d.kind !== 'reorder').length;
        assert.deepEqual(ui.summary, [await browser.message('summaryDeviations', [match.title, String(changed)])]);
        // The highlighted ranges cover exactly the page text the report names.
        const highlighted = await page.evaluate(() =>
          [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('yuanwen-substitution') ?? [])].map((r) =>
            r.toString(),
          ),
        );
        const expected = report.deviations.filter((d) => d.kind === 'substitution').map((d) => d.pageText);
        assert.deepEqual([...highlighted].sort(), [...expected].sort());
        await assertTextUnchanged(page);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'altered-reprint.png') });
        await page.close();
      });

      it("shows a clause's deviations side by side in its card, and the omitted text in the caret's card", async () => {
        const { page, report } = await openRendered('altered-reprint.html');
        const substitution = report.deviations.find((d) => d.kind === 'substitution' && d.clause === '（十七）');
        assert.ok(substitution, 'the page changes a word in （十七）');
        await page.locator('yuanwen-ui .badge[data-clause="c17"]').hover();
        const card = page.locator('yuanwen-ui #yuanwen-card');
        await card.waitFor({ state: 'visible', timeout: 3_000 });
        const rows = await page.evaluate(() =>
          [...document.querySelector('yuanwen-ui')!.shadowRoot!.querySelectorAll('#yuanwen-card tbody tr')].map((tr) =>
            [...tr.querySelectorAll('td')].map((td) => td.textContent),
          ),
        );
        assert.ok(
          rows.some(([, canonical, pageText]) => canonical === substitution.canonicalText && pageText === substitution.pageText),
          `row ${substitution.canonicalText} | ${substitution.pageText} in ${JSON.stringify(rows)}`,
        );
        await page.screenshot({ path: resolve(SCREENSHOTS, 'altered-reprint-card.png') });

        const omission = report.deviations.find((d) => d.kind === 'omission');
        if (omission) {
          await page.locator('yuanwen-ui .caret').first().hover();
          await eventually(
            () => card.innerText().catch(() => ''),
            (t) => t.includes(omission.canonicalText),
          );
          assert.ok((await card.innerText()).includes(omission.canonicalText), 'the caret card shows the missing canonical text');
        }
        await page.close();
      });

      it("shows the page's deviations on the canonical text in the viewer", async () => {
        const { page, report } = await openRendered('altered-reprint.html');
        const opened = browser.waitForNewPage(isViewer);
        await page.locator('yuanwen-ui .badge[data-clause="c17"]').click();
        const viewer = await opened;
        await viewer.locator('.page-status.deviations').waitFor({ timeout: 5_000 });
        assert.equal(
          await viewer.locator('.page-status').innerText(),
          await browser.message('viewerPageDeviations', String(report.deviations.length)),
        );
        const marked = await viewer.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-clause="c17"] mark.dev.substitution')].map((m) => m.innerText),
        );
        const expected = report.deviations.filter((d) => d.kind === 'substitution' && d.clause === '（十七）').map((d) => d.canonicalText);
        assert.deepEqual(marked, expected);
        await viewer.screenshot({ path: resolve(SCREENSHOTS, 'viewer-altered-c17.png') });
        await viewer.close();
        await page.close();
      });
    });

    describe('a spun copy (heavily altered)', () => {
      it('gets badges at every aligned clause and one strong warning, not hundreds of marks', async () => {
        const { page, report } = await openRendered('spun-reprint.html');
        const [match] = report.documents;
        assert.equal(match.heavilyAltered, true);
        assert.ok(report.deviations.length > 100, 'the engine found many deviations');
        const ui = await uiState(page);
        assert.equal(ui.badges.length, match.clauses.length);
        assert.ok(ui.badges.every((b) => b.state === 'altered'));
        assert.deepEqual(ui.highlights, { substitution: 0, insertion: 0, marker: 0 });
        assert.equal(ui.carets, 0);
        assert.deepEqual(ui.summary, [await browser.message('summaryHeavilyAltered', match.title)]);
        await assertTextUnchanged(page);
        await page.screenshot({ path: resolve(SCREENSHOTS, 'spun-reprint.png') });
        await page.close();
      });
    });

    describe('other fixture pages', () => {
      it('study compilation: the known variant is a note in the card, not a warning', async () => {
        const { page, report } = await openRendered('study-compilation.html');
        assert.equal(report.knownVariants.length, 1);
        const ui = await uiState(page);
        assert.equal(ui.badges.find((b) => b.clause === 'c17')?.state, 'faithful');
        await page.locator('yuanwen-ui .badge[data-clause="c17"]').hover();
        const note = page.locator('yuanwen-ui #yuanwen-card .known-variant');
        await note.waitFor({ timeout: 3_000 });
        const [variant] = report.knownVariants;
        // The witness by its description (from the corpus), not by its id ("003").
        const corpus = JSON.parse(readFileSync(resolve(REPO_ROOT, 'generated', 'corpus.json'), 'utf8')) as Corpus;
        const witness = corpus.documents.find((d) => d.id === variant.documentId)?.witnesses.find((w) => w.id === variant.witness);
        assert.ok(witness, `witness ${variant.witness} is in the corpus`);
        assert.equal(
          await note.innerText(),
          await browser.message('cardKnownVariant', [variant.found, witness.description, variant.adopted]),
        );
        await assertTextUnchanged(page);
        await page.close();
      });

      it('news quoting two clauses: badges on the quoted clauses only', async () => {
        const { page, report } = await openRendered('news-quoting-clauses.html');
        const ui = await uiState(page);
        assert.equal(ui.badges.length, report.documents[0].clauses.length);
        assert.ok(ui.badges.some((b) => b.clause === 'c9'));
        assert.ok(ui.badges.length <= 4, `a few badges, not the document's (${ui.badges.length})`);
        await assertTextUnchanged(page);
        await page.close();
      });

      it('unrelated notice and English page: nothing rendered at all', async () => {
        for (const file of ['unrelated-notice.html', 'no-chinese.html']) {
          const { page, report } = await openRendered(file);
          assert.deepEqual(report.documents, []);
          const ui = await uiState(page);
          assert.equal(ui.host, false, `${file}: no UI element`);
          assert.deepEqual(ui.highlights, { substitution: 0, insertion: 0, marker: 0 });
          await assertTextUnchanged(page);
          await page.close();
        }
      });

      it('page summary: keyboard reachable and dismissible', async () => {
        const { page } = await openRendered('altered-reprint.html');
        const dismiss = page.locator('yuanwen-ui .summary .dismiss');
        assert.equal(await dismiss.getAttribute('aria-label'), await browser.message('summaryDismiss'));
        await dismiss.focus();
        await page.keyboard.press('Enter');
        await page.locator('yuanwen-ui .summary').waitFor({ state: 'detached', timeout: 3_000 });
        await page.close();
      });
    });

    describe('quotations and excerpts (issue #9)', () => {
      /** The summary's detail lines about the relation (parts printed and left out, moved parts). */
      const relationDetails = (page: TestPage) =>
        page.evaluate(() =>
          [...(document.querySelector('yuanwen-ui')?.shadowRoot?.querySelectorAll('.summary .detail.relation') ?? [])].map(
            (e) => e.textContent ?? '',
          ),
        );

      /** Clause labels named as the summary names them, in the browser's language. */
      const clauses = async (...labels: string[]) =>
        (await Promise.all(labels.map((l) => browser.message('nameClause', l)))).join(await browser.message('listSeparator'));

      it('a story quoting （三十二） word for word: says so, one faithful badge, no marks', async () => {
        const { page, report } = await openRendered('story-quoting-32.html');
        const [match] = report.documents;
        assert.equal(match.relation, 'quotation');
        const ui = await uiState(page);
        assert.deepEqual(ui.summary, [await browser.message('summaryQuotationFaithful', [match.title, await clauses('（三十二）')])]);
        assert.deepEqual(
          ui.badges.map((b) => [b.clause, b.state]),
          [['c32', 'faithful']],
        );
        assert.deepEqual(ui.highlights, { substitution: 0, insertion: 0, marker: 0 });
        assert.equal(ui.carets, 0);
        await assertTextUnchanged(page);
        await page.close();
      });

      it('a story quoting two clauses inline, without their labels: each badge on its quote, not in the sentence before', async () => {
        const { page, report } = await openRendered('story-two-clauses.html');
        const [match] = report.documents;
        const ui = await uiState(page);
        assert.deepEqual(ui.summary, [
          await browser.message('summaryQuotationFaithful', [match.title, await clauses('（三）', '（十七）')]),
        ]);
        assert.equal(ui.badges.length, 2);
        const opening: Record<string, string> = { c3: '推动中小城市结合常住人口变动', c17: '增强城市综合防灾减灾救灾能力' };
        for (const badge of ui.badges) {
          const line = await lineOf(page, opening[badge.clause]);
          assert.ok(line, `text of ${badge.clause}`);
          assert.ok(
            badge.y >= line.top && badge.y <= line.bottom,
            `${badge.clause}: badge on the quote's line (${badge.y} in ${line.top}–${line.bottom})`,
          );
          assert.ok(Math.abs(badge.right - line.left) <= 14, `${badge.clause}: badge at the quote (${badge.right} vs ${line.left})`);
        }
        await page.close();
      });

      it('an abridged copy: 节选, which parts it prints and which it leaves out, in one line', async () => {
        const { page, report } = await openRendered('abridged-excerpt.html');
        const [match] = report.documents;
        const ui = await uiState(page);
        assert.deepEqual(ui.summary, [await browser.message('summaryExcerptFaithful', match.title)]);
        const part = (n: string) => browser.message('namePart', n);
        const printed = [await browser.message('clausePreamble'), ...(await Promise.all(['一', '二', '四', '六', '九'].map(part)))];
        const leftOut = await Promise.all(['三', '五', '七', '八'].map(part));
        const sep = await browser.message('listSeparator');
        assert.deepEqual(await relationDetails(page), [
          await browser.message('summaryExcerptParts', [printed.join(sep), leftOut.join(sep)]),
        ]);
        assert.ok(ui.badges.every((b) => b.state === 'faithful'));
        assert.equal(ui.carets, 0);
        await page.close();
      });

      it('a quote with seven OCR slips: seven marked substitutions, not heavily altered', async () => {
        const { page, report } = await openRendered('ocr-quote.html');
        const [match] = report.documents;
        const ui = await uiState(page);
        assert.deepEqual(ui.summary, [await browser.message('summaryQuotationDeviations', [match.title, await clauses('（一）'), '7'])]);
        assert.deepEqual(
          ui.badges.map((b) => b.state),
          ['deviations'],
        );
        assert.equal(ui.highlights.substitution, 7);
        await page.close();
      });

      it('moved parts of a reprint: one note in the summary, and moved clauses whose words match keep a faithful badge', async () => {
        const { page, report } = await openRendered('altered-reprint.html');
        const ui = await uiState(page);
        const details = await relationDetails(page);
        assert.equal(details.length, 1);
        const moved = new Set(report.deviations.filter((d) => d.kind === 'reorder').map((d) => d.clause));
        const changed = new Set(report.deviations.filter((d) => d.kind !== 'reorder').map((d) => d.clause));
        const onlyMoved = report.documents[0].clauses.filter((c) => moved.has(c.clause) && !changed.has(c.clause) && /^c/.test(c.clauseId));
        assert.ok(onlyMoved.length > 0, 'some moved clauses have no changed words');
        for (const c of onlyMoved) assert.equal(ui.badges.find((b) => b.clause === c.clauseId)?.state, 'faithful', c.clause);
        await page.close();
      });
    });

    describe('dynamic pages', () => {
      it('checks a long page that changes faster than it can be read, instead of starting over for ever', async () => {
        const { page } = await openRendered('xinhua-opinion.html');
        const done = () => page.evaluate(() => performance.getEntriesByName('yuanwen:done').length);
        const before = await done();
        // 1.5 M characters of the page's own text added, then a line changed every 450 ms (just past the settle delay):
        // each change comes while the last one is still being read.
        await page.evaluate(() => {
          const filler = document.createElement('div');
          filler.textContent = '本报讯，各地区各部门认真学习贯彻会议精神，结合实际抓好落实，推动各项工作取得新进展。'.repeat(36_000);
          const ticker = document.createElement('p');
          document.body.append(filler, ticker);
          let n = 0;
          setInterval(() => (ticker.textContent = `滚动新闻第${++n}条`), 450);
        });
        const after = await eventually(done, (n) => n > before, 90_000);
        assert.ok(after > before, 'an analysis of the changing page finished');
        await page.close();
      });

      it('renders text that a script inserts after load', async () => {
        const page = await browser.open(server.url('script-loaded-article.html'));
        await page.waitForSelector('body[data-article-loaded]');
        const loadedAt = Date.now();
        const ui = await eventually(
          () => uiState(page),
          (s) => s.badges.length > 0,
        );
        assert.ok(ui.badges.length > 30, `badges after the article arrived (${ui.badges.length}, ${Date.now() - loadedAt} ms after)`);
        await page.close();
      });

      it('follows a single-page navigation: new text analysed, old marks gone', async () => {
        const { page } = await openRendered('xinhua-opinion.html');
        assert.ok((await uiState(page)).badges.length > 0);
        await page.evaluate(() => {
          history.pushState({}, '', '?view=other');
          for (const p of document.querySelectorAll('p'))
            p.textContent = '本地新闻：今天天气晴朗，适合出行。市民纷纷走出家门，前往公园散步游玩。';
        });
        const cleared = await eventually(
          () => uiState(page),
          (s) => !s.host,
        );
        assert.equal(cleared.host, false, 'the UI is removed once the page no longer reprints the document');
        const report = await browser.requestReport(page);
        assert.deepEqual(report.documents, []);
        await page.close();
      });
    });

    describe('message contracts', () => {
      it('yuanwen/report answers with the rendered analysis and the main-thread time of the content script', async () => {
        const { report } = await openRendered('altered-reprint.html');
        assert.equal(report.schema, 2);
        assert.ok(report.timings.totalMs > 0 && Number.isFinite(report.timings.totalMs));
      });

      it(
        'yuanwen/analyse from the content script: an oversized text is refused with a clear error, a malformed one is not answered',
        {
          skip:
            name !== 'chromium' &&
            "code runs in the content script's world only through CDP's isolated contexts; WebDriver BiDi reaches no content-script realm",
        },
        async () => {
          const { context } = browser as ChromiumExtensionBrowser;
          const page = await browser.open(server.url('xinhua-opinion.html'));
          await browser.requestReport(page);
          // Run code in the content script's isolated world (only our content script can send this message).
          const cdp = await context.newCDPSession(page as Parameters<typeof context.newCDPSession>[0]);
          const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
          cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; name: string; auxData?: { type?: string } } }) =>
            contexts.push(event.context),
          );
          await cdp.send('Runtime.enable');
          const isolated = await eventually(
            async () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name.includes('Yuanwen')),
            (c) => c !== undefined,
          );
          assert.ok(isolated, 'found the content script world');
          const run = async (expression: string) =>
            (
              (await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true })) as {
                result: { value: unknown };
              }
            ).result.value;
          const tooLarge = await run(
            "chrome.runtime.sendMessage({type:'yuanwen/analyse', text:'中'.repeat(3 * 1024 * 1024)}).then(() => 'answered', (e) => e.message)",
          );
          assert.match(String(tooLarge), /exceeds the limit of 2097152/);
          const small = await run(
            "chrome.runtime.sendMessage({type:'yuanwen/analyse', text:'短文'}).then((a) => a.report.schema, (e) => e.message)",
          );
          assert.equal(small, 2);
          const malformed = await run(
            "chrome.runtime.sendMessage({type:'yuanwen/analyse', text: 42}).then((a) => String(a), (e) => e.message)",
          );
          assert.ok(malformed === 'undefined' || /port closed|Receiving end/i.test(String(malformed)), String(malformed));
          await cdp.detach();
          await page.close();
        },
      );

      it('yuanwen/analyse from an extension page, which is not a content script: no answer', async () => {
        const fromPage = await browser.sendToBackground({ type: 'yuanwen/analyse', text: '短文' }).then(
          (answer) => String(answer),
          (error: unknown) => String(error),
        );
        assert.ok(fromPage === 'undefined' || /port closed|Receiving end/i.test(fromPage), fromPage);
      });
    });

    describe('per-site switch (popup)', () => {
      it('turning Yuanwen off for a site removes everything and reads nothing there, even after reload; on again restores it', async () => {
        const { page } = await openRendered('altered-reprint.html');
        assert.ok((await uiState(page)).badges.length > 0);
        const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabId(page)}`);
        const checkbox = popup.locator('.site-switch input');
        await checkbox.waitFor({ timeout: 5_000 });
        assert.equal(await checkbox.isChecked(), true);
        assert.equal((await popup.locator('.site-switch').innerText()).trim(), await browser.message('popupSiteSwitch', '127.0.0.1'));
        await checkbox.uncheck();

        const off = await eventually(
          () => uiState(page),
          (s) => !s.host && s.highlights.substitution === 0,
        );
        assert.equal(off.host, false);
        assert.equal(off.highlights.substitution, 0);
        assert.deepEqual((await browser.requestReport(page)).documents, []);

        await page.reload();
        const reloaded = await browser.requestReport(page);
        assert.deepEqual(reloaded.documents, []);
        assert.equal(reloaded.timings.totalMs, 0, 'nothing was read');
        assert.equal((await uiState(page)).host, false);
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('yuanwen:')).length);
        assert.equal(marks, 0, 'no analysis started');

        await checkbox.check();
        const on = await eventually(
          () => uiState(page),
          (s) => s.badges.length > 0,
        );
        assert.ok(on.badges.length > 0);
        await popup.close();
        await page.close();
      });
    });
  });
}
