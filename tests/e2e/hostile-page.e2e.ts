/**
 * The page is hostile (issue 14): a fixture page of our own whose script
 * tries what an attacker's would, against the production build (closed
 * shadow root). It must not read a note — by `window.find`, by extending a
 * selection over the whole document, by walking the DOM, by listening to
 * keystrokes while the reader types one, or from `CSS.highlights` — and
 * made-up events or a lured click must change nothing. In each browser
 * E2E_BROWSERS lists (driver.ts); the lured click needs IntersectionObserver
 * v2, which only Chromium has, the made-up events run in both.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestFrame, TestPage } from './driver';
import type { Highlight } from '../../src/core/highlight/record';
import type { PageHighlight } from '../../src/messages/analysis';
import { selectQuote } from './select-quote';
import { eventually } from './eventually';
import { seenWhole } from './frame-visibility';

const XINHUA = readFileSync(resolve(FIXTURE_PAGES, 'xinhua-opinion.html'), 'utf8');
const ALTERED = readFileSync(resolve(FIXTURE_PAGES, 'altered-reprint.html'), 'utf8');
const bodyOf = (html: string): string => /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1];
/** A faithful copy shown and an altered one hidden: the page swaps them by toggling `hidden` alone. */
const SWAP = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>swap</title></head><body>
<div id="faithful">${bodyOf(XINHUA)}</div><div id="altered" hidden>${bodyOf(ALTERED)}</div></body></html>`;
const QUOTE = '推动城市治理智慧化精细化';
const OTHER_QUOTE = '加强城市建设档案管理和数字化建设';
const NOTE = '机密批注七三九';
const TYPED = 'secretnote';

/** What the hostile page records: every event that reaches it, and what it found. */
const SPY = `<script>
  window.__log = [];
  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'compositionstart', 'compositionupdate', 'compositionend']) {
    window.addEventListener(type, (e) => window.__log.push(type + ':' + (e.key || e.data || '')), true);
    document.addEventListener(type, (e) => window.__log.push(type + ':' + (e.key || e.data || '')), true);
  }
  /** Everything page script can read of the document's text, including what window.find and selection extension reach. */
  window.__readAll = (needle) => {
    const found = {};
    found.find = window.find(needle, false, false, true);
    getSelection().removeAllRanges();
    const range = document.createRange();
    range.setStart(document.documentElement, 0);
    range.collapse(true);
    getSelection().addRange(range);
    getSelection().modify('extend', 'forward', 'documentboundary');
    found.selection = getSelection().toString().includes(needle);
    getSelection().removeAllRanges();
    found.html = document.documentElement.outerHTML.includes(needle);
    found.text = document.documentElement.innerText.includes(needle) || document.documentElement.textContent.includes(needle);
    found.registry = [...CSS.highlights.keys()].filter((k) => k.startsWith('yuanwen-highlight'));
    found.frames = [];
    for (let i = 0; i < window.frames.length; i++) {
      try { found.frames.push(window.frames[i].document.documentElement.outerHTML.includes(needle)); } catch { found.frames.push('no access'); }
    }
    return found;
  };
</script>`;

for (const name of E2E_BROWSERS) {
  describe(name, () => {
    let browser: ExtensionBrowser;
    let server: Server;
    let origin: string;

    before(async () => {
      server = createServer((request, response) => {
        const html = request.url?.startsWith('/hostile.html')
          ? XINHUA.replace('</body>', `${SPY}</body>`)
          : request.url?.startsWith('/altered.html')
            ? ALTERED
            : request.url?.startsWith('/swap.html')
              ? SWAP
              : undefined;
        if (!html) return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      const address = server.address();
      origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      browser = await launchExtensionBrowser(name, { build: 'production' });
    });

    after(async () => {
      await browser?.close();
      server?.closeAllConnections();
      await new Promise((done) => server?.close(done));
    });

    /** Selects `quote` as a script would; the point is the middle of its first line. */
    const select = async (page: TestPage, quote: string) => (await selectQuote(page, quote)).middle;

    async function floatFrame(page: TestPage): Promise<TestFrame | undefined> {
      return (await browser.frames(page)).find((f) => f.url().includes('role=float'));
    }

    async function shown(page: TestPage, selector: string): Promise<boolean> {
      const frame = await floatFrame(page);
      if (!frame) return false;
      return frame.evaluate((selector) => document.querySelector(selector) !== null && window.frameElement === null, selector);
    }

    async function stored(): Promise<Highlight[]> {
      const result = (await browser.sendToBackground({ type: 'yuanwen/highlights-list' })) as { ok: boolean; value: Highlight[] };
      return result.value;
    }

    describe('a hostile page', () => {
      it('cannot read the note the reader types, nor see its keystrokes', async () => {
        const page = await browser.open(`${origin}/hostile.html`);
        await browser.requestReport(page);
        await select(page, QUOTE);
        await page.keyboard.press('Shift'); // the reader's selecting key: the toolbar opens
        const frame = await eventually(
          async () => floatFrame(page),
          (f) => f !== undefined,
        );
        await frame!.locator('.hl-toolbar input.note').waitFor({ timeout: 5_000 });
        await seenWhole(frame!); // before then, Enter is refused as on a covered toolbar
        await page.evaluate(() => ((window as unknown as { __log: string[] }).__log.length = 0));
        await frame!.locator('.hl-toolbar input.note').click();
        await page.keyboard.type(TYPED);
        await page.keyboard.press('Enter'); // saves in yellow
        const items = await eventually(
          () => browser.requestReport(page, { type: 'yuanwen/highlights' }) as unknown as Promise<PageHighlight[]>,
          (l) => l.length === 1,
        );
        assert.equal(items[0].highlight.note, TYPED, 'the note was saved');
        const log = await page.evaluate(() => (window as unknown as { __log: string[] }).__log);
        assert.deepEqual(log, [], 'no keystroke of the note reached the page');
        await page.close();
      });

      it('finds no note by window.find, selection, DOM walks or CSS.highlights, with the note’s card open', async () => {
        // A note on this page, shown in its card.
        const page = await browser.open(`${origin}/hostile.html`);
        await browser.requestReport(page);
        await select(page, OTHER_QUOTE);
        await page.keyboard.press('Shift'); // the reader's selection: the shortcut's command takes no other
        await browser.requestReport(page, { type: 'yuanwen/highlight-selection', note: NOTE });
        const at = await select(page, OTHER_QUOTE);
        await page.evaluate(() => getSelection()?.removeAllRanges());
        await page.mouse.click(at.x, at.y);
        await eventually(
          () => shown(page, '.hl-card'),
          (v) => v,
        );
        assert.equal(await (await floatFrame(page))!.locator('textarea.note-edit').inputValue(), NOTE, 'the card shows the note');
        const found = await page.evaluate((needle) => (window as unknown as { __readAll(n: string): unknown }).__readAll(needle), NOTE);
        assert.deepEqual(found, {
          find: false,
          selection: false,
          html: false,
          text: false,
          registry: [],
          frames: found && (found as { frames: unknown[] }).frames.map(() => 'no access'),
        });
        // The earlier note too, one guessed character at a time.
        const guessed = await page.evaluate(
          (typed) =>
            [...typed].map((_, i) =>
              (window as unknown as { find(s: string, ...a: boolean[]): boolean }).find(typed.slice(0, i + 1), false, false, true),
            ),
          TYPED,
        );
        assert.ok(
          guessed.slice(3).every((hit) => !hit),
          'window.find confirms no prefix of a note',
        );
        await page.close();
      });

      it('opens nothing with made-up events: no toolbar over page-chosen text, no card', async () => {
        const page = await browser.open(`${origin}/hostile.html`);
        await browser.requestReport(page);
        const at = await select(page, QUOTE);
        // Synthetic mouseup over page-chosen text, synthetic hover over a highlight, a synthetic selecting key.
        await page.evaluate(({ x, y }) => {
          document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: x, clientY: y, button: 0 }));
          document.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
          document.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Shift', shiftKey: true }));
        }, at);
        await new Promise((r) => setTimeout(r, 800));
        assert.equal(await shown(page, '.hl-toolbar, .hl-card'), false, 'made-up events open nothing');
        // The same selection with the reader's own key does open the toolbar: what was refused was the made-up events.
        await page.keyboard.press('Shift');
        await eventually(
          () => shown(page, '.hl-toolbar'),
          (v) => v,
        );
        assert.equal(await shown(page, '.hl-toolbar'), true, "the reader's key opens the toolbar");
        await page.close();
      });

      it(
        'stores nothing from a lured click on a covered toolbar',
        { skip: name !== 'chromium' && 'a covered frame is told by IntersectionObserver v2 (trackVisibility), which only Chromium has' },
        async () => {
          const page = await browser.open(`${origin}/hostile.html`);
          await browser.requestReport(page);
          const before = (await stored()).length;
          await select(page, QUOTE);
          // The reader's own key opens the toolbar; the page lays a "continue reading" button over it that the pointer passes through.
          await page.keyboard.press('Shift');
          const frame = (await eventually(
            async () => floatFrame(page),
            (f) => f !== undefined,
          ))!;
          const swatch = frame.locator('.hl-toolbar .swatch.yellow');
          await swatch.waitFor({ timeout: 5_000 });
          const box = (await swatch.boundingBox())!;
          await page.evaluate(
            ({ x, y, w, h }) => {
              const lure = document.createElement('div');
              lure.popover = 'manual';
              lure.textContent = '继续阅读';
              lure.style.cssText = `position:fixed;inset:auto;margin:0;left:${x - 40}px;top:${y - 20}px;width:${w + 80}px;height:${h + 40}px;pointer-events:none;background:#c00;color:#fff;`;
              document.body.append(lure);
              lure.showPopover();
            },
            { x: box.x, y: box.y, w: box.width, h: box.height },
          );
          // The browser reports the frame as covered (IntersectionObserver v2) within its delay.
          await frame.locator('body[data-visible="false"]').waitFor({ timeout: 5_000 });
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          await new Promise((r) => setTimeout(r, 800));
          assert.equal((await stored()).length, before, 'the lured click stored nothing');
          assert.ok(await frame.locator('.hl-toolbar').count(), 'the toolbar is still there');

          // Once the page takes its cover away, the reader's click counts.
          await page.evaluate(() => document.querySelector<HTMLElement>('[popover]')!.remove());
          await seenWhole(frame);
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          // Storing goes through the background, which a loaded CI machine can keep busy for seconds.
          assert.equal(
            (await eventually(stored, (l) => l.length === before + 1, 20_000)).length,
            before + 1,
            'an unobscured click highlights',
          );
          await page.close();
        },
      );

      it('cannot have the context menu or shortcut highlight a selection the page made, even over the reader’s', async () => {
        const page = await browser.open(`${origin}/hostile.html`);
        await browser.requestReport(page);
        const before = (await stored()).length;
        // As on a right-click: the page selects text of its choosing and the reader picks "Highlight" (the same command).
        await select(page, QUOTE);
        const refused = await browser.requestReport(page, { type: 'yuanwen/highlight-selection' }).then(
          () => 'stored',
          (error: unknown) => String(error),
        );
        assert.match(refused, new RegExp(await browser.message('hlNoSelection')));
        // The reader selects with their own key; the page then moves the selection elsewhere before the command.
        await select(page, OTHER_QUOTE);
        await page.keyboard.press('Shift');
        await select(page, QUOTE);
        await assert.rejects(browser.requestReport(page, { type: 'yuanwen/highlight-selection' }));
        assert.equal((await stored()).length, before, 'nothing stored');
        await page.close();
      });

      it('gets its warnings back when the page removes them, and says the page interfered', async () => {
        const page = await browser.open(`${origin}/altered.html`);
        const report = await browser.requestReport(page);
        assert.ok(report.deviations.length > 0, 'the altered reprint has deviations');
        const marks = () =>
          page.evaluate(() => ({
            host: document.querySelector('yuanwen-ui')?.parentNode === document.documentElement,
            registered: [...CSS.highlights.keys()].filter((k) => k.startsWith('yuanwen-') && !k.startsWith('yuanwen-highlight')).sort(),
          }));
        const before = await marks();
        assert.equal(before.host, true);
        assert.ok(before.registered.length > 0, 'deviation marks are registered');
        await page.evaluate(() => {
          document.querySelector('yuanwen-ui')!.remove();
          for (const name of [...CSS.highlights.keys()]) if (name.startsWith('yuanwen-')) CSS.highlights.delete(name);
        });
        const restored = await eventually(marks, (m) => m.host && m.registered.length === before.registered.length);
        assert.deepEqual(restored, before, 'the host and the marks are back');
        const after = await browser.requestReport(page);
        assert.ok((after.pageInterference?.restored ?? 0) >= 2, 'the report (and so the popup) says the page interfered');
        // So does the toolbar button: the popup's sentence as its title, the badge in a colour of its own.
        const tabId = await browser.tabId(page);
        const [lead, tail] = (await browser.message('popupPageInterfered', '\u0000')).split('\u0000');
        const button = await eventually(
          () =>
            browser.inExtension(
              async (api, tabId) => ({
                title: await api.action.getTitle({ tabId }),
                colour: await api.action.getBadgeBackgroundColor({ tabId }),
              }),
              tabId,
            ),
          (b) => b.title.startsWith(lead) && b.title.endsWith(tail),
        );
        assert.deepEqual(button.colour, [0x6a, 0x1b, 0x9a, 255]);
        assert.equal(after.deviations.length, report.deviations.length, 'the same warnings');
        await page.close();
      });

      it('is not blinded by a data-yuanwen-ui attribute on the article, and re-checks a hidden-swap', async () => {
        const page = await browser.open(`${origin}/swap.html`);
        const faithful = await browser.requestReport(page);
        assert.equal(faithful.deviations.length, 0, 'the faithful copy is shown first');
        await page.evaluate(() => {
          document.getElementById('faithful')!.hidden = true;
          document.getElementById('altered')!.hidden = false;
        });
        const swapped = await eventually(
          () => browser.requestReport(page),
          (r) => r.deviations.length > 0,
        );
        assert.ok(swapped.deviations.length > 0, 'toggling hidden alone is re-analysed');

        // Claiming to be our UI hides nothing: the page's text is still read, and its edits still count.
        await page.evaluate(() => {
          document.getElementById('altered')!.hidden = true;
          const faithful = document.getElementById('faithful')!;
          faithful.setAttribute('data-yuanwen-ui', '');
          faithful.hidden = false;
        });
        const claimed = await eventually(
          () => browser.requestReport(page),
          (r) => r.deviations.length === 0 && r.documents.length > 0,
        );
        assert.equal(claimed.documents.length, 1, 'the article marked data-yuanwen-ui is still checked');
        assert.equal(claimed.deviations.length, 0);
        await page.close();
      });
    });
  });
}
