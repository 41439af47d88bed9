/**
 * Highlights and notes (issue 5) in each browser E2E_BROWSERS lists
 * (driver.ts), on the test build (open shadow root) and, for privacy, the
 * production build (closed shadow root): creating by the toolbar and by the
 * message, re-anchoring after a reload, after a slight edit (fuzzy) and not
 * after a rewrite (orphan, listed, drawn nowhere), canonical highlights on
 * other reprints of the clause (faithful and altered: the changed words
 * called out), export → wipe → import round trip and a malformed import
 * through the background's messages, two tabs at once, an edit and a delete
 * made in the library followed live on the open page, a stopped service
 * worker, and notes kept out of page-readable DOM.
 *
 * Pages whose text must change under the same URL come from a small server
 * of this file (`/article.html` serves whichever variant is current).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestFrame, TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import type { Highlight } from '../../src/core/highlight/record';
import type { HighlightResult, PageHighlight } from '../../src/messages/analysis';
import type { FrameRole } from '../../src/messages/frame';
import { selectQuote } from './select-quote';
import { eventually } from './eventually';
import { seenWhole } from './frame-visibility';

const OPINION = 'urban-opinion-2025';
const XINHUA = readFileSync(resolve(FIXTURE_PAGES, 'xinhua-opinion.html'), 'utf8');
/** In clause （二十二）; the altered reprint prints 智能 for 智慧. */
const CANONICAL_QUOTE = '推动城市治理智慧化精细化';
const ARTICLE_QUOTE = '加强城市建设档案管理和数字化建设';
const ARTICLE_NOTE = '档案数字化：核对进度';

/** The Xinhua page, slightly edited around and inside the highlighted sentence. */
const EDITED = XINHUA.replace('深化数据资源开发和多场景应用', '深化数据资源开发与多场景应用').replace(
  ARTICLE_QUOTE,
  '加强城市建设档案的管理和数字化建设',
);
/** The Xinhua page with clause （二十二）'s body rewritten. */
const REWRITTEN = XINHUA.replace(
  /推进城市全域数字化转型。[^<]*<\/p>/,
  '各地要结合实际，建立健全城市运行监测体系，定期评估治理成效，及时回应群众关切，不断提高城市管理的针对性和有效性。</p>',
);

for (const name of E2E_BROWSERS) {
  describe(name, () => {
    let browser: ExtensionBrowser;
    let server: StaticServer;
    let articleServer: Server;
    let articleOrigin: string;
    let articleHtml = XINHUA;

    before(async () => {
      assert.notEqual(EDITED, XINHUA);
      assert.ok(!REWRITTEN.includes(ARTICLE_QUOTE) && REWRITTEN !== XINHUA);
      server = await startStaticServer(FIXTURE_PAGES);
      articleServer = createServer((request, response) => {
        if (!request.url?.startsWith('/article.html')) return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(articleHtml);
      });
      await new Promise<void>((ready) => articleServer.listen(0, '127.0.0.1', ready));
      const address = articleServer.address();
      articleOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      browser = await launchExtensionBrowser(name);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      articleServer?.closeAllConnections();
      await new Promise((done) => articleServer?.close(done));
    });

    /** Selects `quote` as a script would; the point is where a reader's drag over it would end. */
    const select = async (page: TestPage, quote: string) => (await selectQuote(page, quote)).end;

    /** A message to the page's content script (through the service worker, retried until the script is there). */
    function toPage<T>(page: TestPage, message: unknown): Promise<T> {
      return browser.requestReport(page, message) as unknown as Promise<T>;
    }

    /** This page's highlights once the content script has analysed and re-anchored it. */
    async function pageHighlights(page: TestPage): Promise<PageHighlight[]> {
      await browser.requestReport(page);
      return toPage<PageHighlight[]>(page, { type: 'yuanwen/highlights' });
    }

    /** A message to the background from one of our own pages, as the library and options pages send them. */
    function toBackground<T>(message: unknown): Promise<HighlightResult<T>> {
      return browser.sendToBackground(message) as Promise<HighlightResult<T>>;
    }

    async function allHighlights(): Promise<Highlight[]> {
      const result = await toBackground<Highlight[]>({ type: 'yuanwen/highlights-list' });
      assert.ok(result.ok, 'the background lists the highlights');
      return result.value;
    }

    type Box = [x: number, y: number, w: number, h: number];
    const rounded = (boxes: Box[]): Box[] => boxes.map((b) => b.map((v) => Math.round(v)) as Box);

    /** One of our extension-origin frames on the page (`role` float, dock or paint), once it is there. */
    async function ourFrame(page: TestPage, role: FrameRole, via = browser): Promise<TestFrame> {
      return eventually(
        async () => (await via.frames(page)).find((f) => f.url().includes(`role=${role}`)),
        (f) => f !== undefined,
      ) as Promise<TestFrame>;
    }

    /** The rectangles drawn in the paint frame per style (`yellow` … `canonical`), one list per highlight. */
    async function painted(page: TestPage): Promise<Record<string, Box[][]>> {
      const frame = (await browser.frames(page)).find((f) => f.url().includes('role=paint'));
      if (!frame) return {};
      const marks = await frame.evaluate(() =>
        [...document.querySelectorAll('.paint .mark')].map((m) => ({
          style: [...m.classList].find((c) => c !== 'mark')!,
          boxes: [...m.querySelectorAll<HTMLElement>('.box')].map((b) => [b.offsetLeft, b.offsetTop, b.offsetWidth, b.offsetHeight]),
        })),
      );
      // Every box drawn has a size: all zero means the frame is shown but not laid out yet (Firefox lays
      // out a frame that was hidden a moment after it is shown).
      if (marks.some((m) => m.boxes.some((b) => b[2] === 0))) return {};
      const out: Record<string, Box[][]> = {};
      for (const m of marks) (out[m.style] ??= []).push(rounded(m.boxes as Box[]));
      return out;
    }

    /** The boxes of the first occurrence of `quote` in the page's body, in the UI host's coordinates (where the paint frame draws). */
    async function boxesOf(page: TestPage, quote: string): Promise<Box[]> {
      const boxes = await page.evaluate((quote) => {
        const origin = document.querySelector('yuanwen-ui')!.getBoundingClientRect();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = (node as Text).data.indexOf(quote);
          if (i < 0 || node.parentElement?.closest('title, nav, header, footer')) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + quote.length);
          return [...range.getClientRects()].map((r) => [r.left - origin.left, r.top - origin.top, r.width, r.height]);
        }
        return [];
      }, quote);
      return rounded(boxes as Box[]);
    }

    /** Texts of the elements matching `selector` inside one of our frames. */
    async function inFrame(page: TestPage, role: FrameRole, selector: string): Promise<string[]> {
      const frame = (await browser.frames(page)).find((f) => f.url().includes(`role=${role}`));
      if (!frame) return [];
      return frame.evaluate((selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent ?? ''), selector);
    }

    /** The toolbar for the current selection, shown as the reader would (a selecting key), ready for a click. */
    async function toolbarFrame(page: TestPage): Promise<TestFrame> {
      await page.keyboard.press('Shift');
      const frame = await ourFrame(page, 'float');
      await frame.locator('.hl-toolbar').waitFor({ timeout: 5_000 });
      await seenWhole(frame);
      return frame;
    }

    async function openArticle(variant: string): Promise<TestPage> {
      articleHtml = variant;
      const page = await browser.newPage();
      await page.goto(`${articleOrigin}/article.html`);
      return page;
    }

    describe('highlights', () => {
      let canonicalId = '';
      let articleId = '';

      it('creates a highlight from the selection toolbar (colour and note) and draws it in its extension-origin paint frame', async () => {
        const page = await browser.open(server.url('xinhua-opinion.html'));
        await browser.requestReport(page);
        await select(page, CANONICAL_QUOTE);
        const toolbar = (await toolbarFrame(page)).locator('.hl-toolbar');
        assert.equal(await toolbar.locator('.swatch').count(), 5, 'five colours');
        await toolbar.locator('input.note').fill('智慧还是智能？');
        await toolbar.locator('.swatch.green').click();

        const items = await eventually(
          () => toPage<PageHighlight[]>(page, { type: 'yuanwen/highlights' }),
          (list) => list.length === 1,
        );
        assert.equal(items.length, 1);
        const [item] = items;
        assert.equal(item.status, 'anchored');
        assert.equal(item.highlight.color, 'green');
        assert.equal(item.highlight.note, '智慧还是智能？');
        assert.equal(item.highlight.selectors.quote.exact, CANONICAL_QUOTE);
        assert.equal(item.highlight.canonical?.documentId, OPINION);
        assert.equal(item.highlight.canonical?.exact, CANONICAL_QUOTE);
        const drawn = await eventually(
          () => painted(page),
          (p) => p.green?.length === 1,
        );
        assert.deepEqual(drawn.green, [await boxesOf(page, CANONICAL_QUOTE)]);
        canonicalId = item.highlight.id;

        // A click on the highlighted text opens its card with the note.
        const at = await select(page, CANONICAL_QUOTE);
        await page.evaluate(() => getSelection()?.removeAllRanges());
        await page.mouse.click(at.x - 10, at.y);
        const card = (await ourFrame(page, 'float')).locator('.hl-card');
        await card.waitFor({ timeout: 5_000 });
        assert.equal(await card.locator('textarea.note-edit').inputValue(), '智慧还是智能？');
        await page.close();
      });

      it('creates a highlight by the message {type:"yuanwen/highlight-selection"} and re-anchors it after a reload', async () => {
        const page = await openArticle(XINHUA);
        await browser.requestReport(page);
        await select(page, ARTICLE_QUOTE);
        await page.keyboard.press('Shift'); // the reader's own selecting key: the command takes only the reader's selection
        const record = await toPage<Highlight>(page, { type: 'yuanwen/highlight-selection', color: 'blue', note: ARTICLE_NOTE });
        assert.equal(record.selectors.quote.exact, ARTICLE_QUOTE);
        assert.equal(record.color, 'blue');
        assert.equal(record.note, ARTICLE_NOTE);
        assert.equal(record.url, `${articleOrigin}/article.html`);
        articleId = record.id;

        await page.reload();
        const items = await eventually(
          () => pageHighlights(page),
          (l) => l.some((i) => i.highlight.id === articleId),
        );
        const item = items.find((i) => i.highlight.id === articleId);
        assert.equal(item?.status, 'anchored');
        assert.deepEqual(
          (
            await eventually(
              () => painted(page),
              (p) => p.blue?.length === 1,
            )
          ).blue,
          [await boxesOf(page, ARTICLE_QUOTE)],
        );
        await page.close();
      });

      it('still anchors it when the page text was edited slightly (fuzzy)', async () => {
        const page = await openArticle(EDITED);
        const items = await eventually(
          () => pageHighlights(page),
          (l) => l.some((i) => i.highlight.id === articleId),
        );
        const item = items.find((i) => i.highlight.id === articleId);
        assert.equal(item?.status, 'anchored');
        assert.deepEqual(
          (
            await eventually(
              () => painted(page),
              (p) => p.blue?.length === 1,
            )
          ).blue,
          [await boxesOf(page, '加强城市建设档案的管理和数字化建设')],
        );
        await page.close();
      });

      it('makes it an orphan when the paragraph is rewritten: listed with its quote, drawn nowhere, re-attachable', async () => {
        const page = await openArticle(REWRITTEN);
        const items = await eventually(
          () => pageHighlights(page),
          (l) => l.some((i) => i.highlight.id === articleId),
        );
        const item = items.find((i) => i.highlight.id === articleId);
        assert.equal(item?.status, 'orphan');
        assert.equal(item?.start, undefined, 'an orphan has no place on the page');
        assert.equal((await painted(page)).blue, undefined, 'nothing drawn in its colour');
        const listed = await eventually(
          () => inFrame(page, 'dock', '.hl-orphans li .quote'),
          (l) => l.length > 0,
        );
        assert.deepEqual(listed, [ARTICLE_QUOTE]);

        // Re-attach: select the new text (as the reader does: the toolbar shows), choose Re-attach in the orphan list.
        await select(page, '建立健全城市运行监测体系');
        await toolbarFrame(page);
        const dock = await ourFrame(page, 'dock');
        await seenWhole(dock);
        await dock.locator('.hl-orphans .reattach').click();
        const after = await eventually(
          () => toPage<PageHighlight[]>(page, { type: 'yuanwen/highlights' }),
          (l) => l.some((i) => i.highlight.id === articleId && i.status === 'anchored'),
        );
        const moved = after.find((i) => i.highlight.id === articleId);
        assert.equal(moved?.status, 'anchored');
        assert.equal(moved?.highlight.selectors.quote.exact, '建立健全城市运行监测体系');
        assert.equal(moved?.highlight.note, ARTICLE_NOTE, 'the note survives re-attaching');
        assert.deepEqual(
          await eventually(
            () => inFrame(page, 'dock', '.hl-orphans li'),
            (l) => l.length === 0,
          ),
          [],
        );
        await page.close();
      });

      it('shows a canonical highlight on a faithful reprint of the clause', async () => {
        const page = await browser.open(server.url('study-compilation.html'));
        const items = await eventually(
          () => pageHighlights(page),
          (l) => l.some((i) => i.highlight.id === canonicalId),
        );
        const item = items.find((i) => i.highlight.id === canonicalId);
        assert.equal(item?.status, 'canonical');
        assert.equal(item?.changed, false);
        const drawn = (
          await eventually(
            () => painted(page),
            (p) => p.canonical?.length === 1,
          )
        ).canonical;
        assert.deepEqual(drawn, [await boxesOf(page, CANONICAL_QUOTE)]);
        await page.close();
      });

      it('shows it on an altered reprint with the changed words called out in its card', async () => {
        const page = await browser.open(server.url('altered-reprint.html'));
        const items = await eventually(
          () => pageHighlights(page),
          (l) => l.some((i) => i.highlight.id === canonicalId),
        );
        const item = items.find((i) => i.highlight.id === canonicalId);
        assert.equal(item?.status, 'canonical');
        assert.equal(item?.changed, true);
        assert.equal(item?.canonicalText, CANONICAL_QUOTE);
        assert.equal(item?.pageText, '推动城市治理智能化精细化');
        const [drawn] =
          (
            await eventually(
              () => painted(page),
              (p) => p.canonical !== undefined,
            )
          ).canonical ?? [];
        assert.deepEqual(drawn, await boxesOf(page, '推动城市治理智能化精细化'));

        const at = await select(page, '推动城市治理智能化精细化');
        await page.evaluate(() => getSelection()?.removeAllRanges());
        await page.mouse.click(at.x - 10, at.y);
        const card = (await ourFrame(page, 'float')).locator('.hl-card.canonical');
        await card.waitFor({ timeout: 5_000 });
        assert.equal(await card.locator('.canonical-words').textContent(), CANONICAL_QUOTE);
        assert.equal(await card.locator('.page-words').textContent(), '推动城市治理智能化精细化');
        assert.match((await card.locator('.note-text').textContent()) ?? '', /智慧还是智能/);
        await page.close();
      });

      it('does not show canonical highlights when canonical anchoring is turned off', async () => {
        const set = (on: boolean) =>
          browser.inExtension((api, on) => api.storage.local.set({ highlightSettings: { version: 1, canonicalAnchoring: on } }), on);
        await set(false);
        try {
          const page = await browser.open(server.url('altered-reprint.html'));
          const items = await pageHighlights(page);
          assert.equal(items.filter((i) => i.status === 'canonical').length, 0);
          assert.equal((await painted(page)).canonical, undefined);
          await page.close();
        } finally {
          await set(true);
        }
      });

      it('lists the canonical highlights of a document in the canonical viewer', async () => {
        const result = await toBackground<Highlight[]>({ type: 'yuanwen/highlights-for-document', documentId: OPINION });
        assert.ok(result.ok);
        assert.ok(result.value.some((h) => h.id === canonicalId));

        const viewer = await browser.openExtensionPage(
          `viewer.html#doc=${OPINION}&clause=${result.value.find((h) => h.id === canonicalId)!.canonical!.clauseId}`,
        );
        const listed = viewer.locator(`li.highlight[data-id="${canonicalId}"]`);
        await listed.waitFor({ timeout: 5_000 });
        assert.equal(await listed.locator('mark').textContent(), CANONICAL_QUOTE);
        assert.match((await listed.locator('.note-text').textContent()) ?? '', /智慧还是智能/);
        await viewer.close();
      });

      it('round-trips export → wipe → import through the background, and refuses a malformed import without losing anything', async () => {
        const before = await allHighlights();
        assert.ok(before.length >= 2);

        const backup = await toBackground<{ text: string; filename: string; count: number }>({
          type: 'yuanwen/highlights-export',
          format: 'backup',
        });
        assert.ok(backup.ok);
        assert.equal(backup.value.count, before.length);
        for (const format of ['web-annotation', 'markdown']) {
          const exported = await toBackground<{ text: string }>({ type: 'yuanwen/highlights-export', format });
          assert.ok(exported.ok && exported.value.text.includes(CANONICAL_QUOTE), `${format} export holds the quote`);
        }

        for (const bad of [
          '{"format":"yuanwen-backup","version":1,"highlights":[{"id":"nope"}]}',
          '{not json',
          '{"format":"yuanwen-backup","version":99,"highlights":[]}',
        ]) {
          const refused = await toBackground<unknown>({ type: 'yuanwen/highlights-import', text: bad });
          assert.equal(refused.ok, false);
          if (!refused.ok) assert.match(refused.error.message, /Nothing was imported/);
          assert.deepEqual(await allHighlights(), before, 'a refused import changes nothing');
        }

        const empty = '{"format":"yuanwen-backup","version":1,"highlights":[]}';
        const asked = await toBackground<unknown>({ type: 'yuanwen/highlights-import', text: empty });
        assert.ok(!asked.ok && asked.error.code === 'needs-confirmation', 'an empty replace asks first');
        if (!asked.ok) assert.match(asked.error.message, new RegExp(`deletes ${before.length} highlight`));
        assert.deepEqual(await allHighlights(), before, 'nothing deleted before the reader confirms');
        const wiped = await toBackground<{ count: number }>({ type: 'yuanwen/highlights-import', text: empty, confirmDeletes: true });
        assert.ok(wiped.ok && wiped.value.count === 0);
        assert.deepEqual(await allHighlights(), []);

        const restored = await toBackground<{ count: number }>({ type: 'yuanwen/highlights-import', text: backup.value.text });
        assert.ok(restored.ok && restored.value.count === before.length);
        assert.deepEqual(await allHighlights(), before, 'identical records after the round trip');
      });

      it('gives a web page no way to send the extension messages', async () => {
        const page = await browser.open(server.url('xinhua-opinion.html'));
        const hasApi = await page.evaluate(
          () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
        );
        // A web page has no way to message the extension at all (no externally_connectable).
        assert.notEqual(hasApi, 'function');
        await page.close();
      });

      it('keeps highlights created in two tabs at the same moment', async () => {
        const [a, b] = await Promise.all([
          browser.open(server.url('peoples-daily-print.html')),
          browser.open(server.url('study-compilation.html')),
        ]);
        await Promise.all([browser.requestReport(a), browser.requestReport(b)]);
        await select(a, '四、营造高品质城市生活');
        await a.keyboard.press('Shift');
        await select(b, '优化城市基础设施布局');
        await b.keyboard.press('Shift');
        const [ra, rb] = await Promise.all([
          toPage<Highlight>(a, { type: 'yuanwen/highlight-selection', color: 'pink' }),
          toPage<Highlight>(b, { type: 'yuanwen/highlight-selection', color: 'purple' }),
        ]);
        const ids = new Set((await allHighlights()).map((h) => h.id));
        assert.ok(ids.has(ra.id) && ids.has(rb.id), 'both highlights are stored');
        await Promise.all([a.close(), b.close()]);
      });

      it('follows a note edited and a highlight deleted in the library onto the open page, without a reload', async () => {
        const quote = '支持边境城镇增强稳边固边';
        const page = await browser.open(server.url('peoples-daily-print.html'));
        await browser.requestReport(page);
        await select(page, quote);
        await page.keyboard.press('Shift');
        const made = await toPage<Highlight>(page, { type: 'yuanwen/highlight-selection', color: 'green' });
        await eventually(
          () => painted(page),
          (p) => p.green?.length === 1,
        );
        const listed = () => toPage<PageHighlight[]>(page, { type: 'yuanwen/highlights' });

        // The library's edit and delete are these messages from an extension page.
        const edited = await toBackground<Highlight>({ type: 'yuanwen/highlight-update', id: made.id, patch: { note: '在资料库里改的' } });
        assert.ok(edited.ok);
        const afterEdit = await eventually(listed, (l) => l.find((i) => i.highlight.id === made.id)?.highlight.note === '在资料库里改的');
        assert.equal(afterEdit.find((i) => i.highlight.id === made.id)?.highlight.note, '在资料库里改的');

        const deleted = await toBackground<boolean>({ type: 'yuanwen/highlight-delete', id: made.id });
        assert.ok(deleted.ok && deleted.value);
        const afterDelete = await eventually(listed, (l) => !l.some((i) => i.highlight.id === made.id));
        assert.ok(!afterDelete.some((i) => i.highlight.id === made.id), 'gone from the page');
        assert.equal(
          (
            await eventually(
              () => painted(page),
              (p) => !p.green,
            )
          ).green,
          undefined,
          'no longer drawn',
        );
        await page.close();
      });

      it('wakes an unloaded background (stopped service worker, unloaded event page) for the next request', async () => {
        const page = await browser.open(server.url('xinhua-opinion.html'));
        await browser.requestReport(page);
        // Our extension-origin frames on the page are clients of the worker and would wake it at once:
        // take them off the page (the test build's shadow root is open) so that the worker is really gone.
        await page.evaluate(() =>
          document
            .querySelector('yuanwen-ui')!
            .shadowRoot!.querySelectorAll('iframe')
            .forEach((f) => f.remove()),
        );
        await browser.unloadBackground();

        // The next request comes from the page (the toolbar): it must wake the worker and be stored.
        await select(page, '城市是现代化建设的重要载体');
        await (await toolbarFrame(page)).locator('.hl-toolbar .swatch.yellow').click();
        const stored = await eventually(allHighlights, (l) => l.some((h) => h.selectors.quote.exact === '城市是现代化建设的重要载体'));
        assert.ok(stored.some((h) => h.selectors.quote.exact === '城市是现代化建设的重要载体'));
        await page.close();
      });
    });

    describe('highlights in the production build', () => {
      let production: ExtensionBrowser;
      before(async () => {
        production = await launchExtensionBrowser(name, { build: 'production' });
      });
      after(async () => {
        await production?.close();
      });

      it('keeps notes out of page-readable DOM and the highlight out of CSS.highlights', async () => {
        const note = '只给自己看的批注 7f3a';
        const page = await production.open(server.url('xinhua-opinion.html'));
        await production.requestReport(page);
        const at = await select(page, CANONICAL_QUOTE);
        await page.keyboard.press('Shift');
        const record = (await production.requestReport(page, { type: 'yuanwen/highlight-selection', note })) as unknown as Highlight;
        assert.equal(record.note, note);
        // Open its card, so the note is rendered in our UI.
        await page.evaluate(() => getSelection()?.removeAllRanges());
        await page.mouse.click(at.x - 20, at.y);
        const card = (await ourFrame(page, 'float', production)).locator('.hl-card');
        await card.waitFor({ timeout: 5_000 });
        assert.equal(await card.locator('textarea.note-edit').inputValue(), note, 'the card shows the note, in our frame');
        const seen = await page.evaluate((note) => {
          const host = document.querySelector('yuanwen-ui');
          return {
            host: host !== null,
            shadowRoot: host?.shadowRoot ?? null,
            inHtml: document.documentElement.outerHTML.includes(note),
            inText: document.documentElement.innerText.includes(note),
            registered: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((k) =>
              k.startsWith('yuanwen-highlight'),
            ),
          };
        }, note);
        assert.deepEqual(seen, { host: true, shadowRoot: null, inHtml: false, inText: false, registered: [] });
        await page.close();
      });
    });
  });
}
