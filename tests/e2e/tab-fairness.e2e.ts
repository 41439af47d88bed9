/**
 * One tab cannot stall another (issue 14): the background's analysis queue
 * (src/background/analysis-queue.ts) in the built extension (test build, which
 * leaves the queue readable in the background), in each browser E2E_BROWSERS
 * lists. Requests are sent from our content script's own world in a tab
 * (scripting.executeScript, a permission of the test build), as the content
 * script sends them, with 2 Mi characters of page text: a page's newer
 * request replaces its older one, a closed tab's request is dropped, and a
 * faithful page in another tab gets its report while one tab keeps sending.
 * No timing is asserted; each test waits for the state it needs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import { waitUntil, type ExtensionBrowser, type TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import { MAX_PAGE_TEXT } from '../../src/messages/analysis';
import type { Report } from '../../src/core/check/report';

interface QueueState {
  analysed: number;
  superseded: number;
  tabClosed: number;
  failed: number;
  tabsWaiting: number[];
}

/** The Opinion's reprint at the top of 2 Mi characters of Chinese text: seconds of engine work. */
function bigPageText(): string {
  const html = readFileSync(resolve(FIXTURE_PAGES, 'xinhua-opinion.html'), 'utf8');
  const opinion = html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/\n{2,}/g, '\n');
  const filler = '本报讯，各地区各部门认真学习贯彻会议精神，结合实际抓好落实，推动各项工作取得新进展。\n';
  return (opinion + filler.repeat(Math.ceil(MAX_PAGE_TEXT / filler.length))).slice(0, MAX_PAGE_TEXT);
}

/**
 * How our content script's world sends the texts: all at once, answers awaited (`all`); one, not awaited
 * (`one`); one every 450 ms until the tab closes, as a page changing faster than the engine checks it (`churn`).
 */
type Sending = 'all' | 'one' | 'churn';

/** The part of the extension API the content script's world sends with. */
interface ContentApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

let server: StaticServer;
before(async () => {
  server = await startStaticServer(FIXTURE_PAGES);
});
after(async () => {
  await server?.close();
});

for (const name of E2E_BROWSERS) {
  describe(`one tab cannot stall another (background analysis queue, ${name})`, () => {
    let browser: ExtensionBrowser;
    const big = bigPageText();

    before(async () => {
      browser = await launchExtensionBrowser(name, { build: 'test' });
    });

    after(async () => {
      await browser?.close();
    });

    async function queue(): Promise<QueueState> {
      return browser.inBackground((bg) => {
        const q = bg.yuanwenAnalyses as { counts: Omit<QueueState, 'tabsWaiting'>; tabsWaiting: number[] };
        return { ...q.counts, tabsWaiting: q.tabsWaiting };
      });
    }

    /** Sends `yuanwen/analyse` requests with `texts` from our content script's world in `page`; the answers for `all`. */
    async function sendFromContentScript(page: TestPage, texts: string[], sending: Sending): Promise<unknown> {
      const tabId = await browser.tabId(page);
      return browser.inExtension(
        async (api, { tabId, texts, sending }) => {
          const [injected] = await (
            api as unknown as { scripting: { executeScript(o: object): Promise<{ result?: unknown }[]> } }
          ).scripting.executeScript({
            target: { tabId },
            args: [texts, sending],
            // An array element, not a property's own arrow: tsx names those with a helper the page lacks.
            func: [
              (texts: string[], sending: string) => {
                const api =
                  (globalThis as unknown as { browser?: ContentApi; chrome?: ContentApi }).browser ??
                  (globalThis as unknown as { chrome: ContentApi }).chrome;
                const runtime = api.runtime;
                if (sending === 'all') return Promise.all(texts.map((text) => runtime.sendMessage({ type: 'yuanwen/analyse', text })));
                if (sending === 'churn')
                  setInterval(() => runtime.sendMessage({ type: 'yuanwen/analyse', text: texts[0] }).catch(() => {}), 450);
                else runtime.sendMessage({ type: 'yuanwen/analyse', text: texts[0] }).catch(() => {});
                return null;
              },
            ][0],
          });
          return injected?.result;
        },
        { tabId, texts, sending },
      );
    }

    it("answers a page's older request superseded when a newer one comes, and the newer with the report", async () => {
      const page = await browser.open(server.url('unrelated-notice.html'));
      const before = await queue();
      const [older, newer] = (await sendFromContentScript(page, [big, big.slice(0, 20_000)], 'all')) as [
        { dropped?: string },
        { report: Report },
      ];
      assert.deepEqual(older, { dropped: 'superseded' });
      assert.deepEqual(
        newer.report.documents.map((d) => d.id),
        ['urban-opinion-2025'],
      );
      const afterwards = await queue();
      assert.equal(afterwards.superseded, before.superseded + 1);
      await page.close();
    });

    it("drops a closed tab's request unrun", async () => {
      const page = await browser.open(server.url('unrelated-notice.html'));
      const tabId = await browser.tabId(page);
      const before = await queue();
      await sendFromContentScript(page, [big], 'one');
      await waitUntil(async () => (await queue()).tabsWaiting.includes(tabId), "the tab's request in the queue");
      await page.close();
      await waitUntil(async () => !(await queue()).tabsWaiting.includes(tabId), 'the closed tab to leave the queue');
      const afterwards = await queue();
      assert.equal(afterwards.tabClosed, before.tabClosed + 1);
      assert.equal(afterwards.analysed, before.analysed, 'nothing was analysed meanwhile');
    });

    it('gives a faithful page its report while another tab keeps sending 2 Mi characters, each request replacing the last', async () => {
      const churning = await browser.open(server.url('unrelated-notice.html'));
      const churnTab = await browser.tabId(churning);
      const before = await queue();
      // Tab A: a new request every 450 ms, as a page changing faster than the engine can check it.
      await sendFromContentScript(churning, [big], 'churn');
      await waitUntil(async () => (await queue()).superseded > before.superseded, "tab A's first superseded request", 60_000);

      const faithful = await browser.open(server.url('xinhua-opinion.html'));
      let report: Report | undefined;
      await waitUntil(
        async () => {
          report = await browser.requestReport(faithful);
          return report.documents.length > 0;
        },
        "tab B's report",
        120_000,
      );
      assert.deepEqual(
        report!.documents.map((d) => d.id),
        ['urban-opinion-2025'],
      );
      assert.equal(report!.deviations.length, 0, 'the faithful reprint is faithful');
      // Tab A still churns after B got its report: its requests go on replacing each other.
      const atReport = await queue();
      await waitUntil(async () => (await queue()).superseded > atReport.superseded, 'another superseded request from tab A', 60_000);

      await churning.close();
      await waitUntil(async () => !(await queue()).tabsWaiting.includes(churnTab), 'the churning tab to leave the queue');
      const afterwards = await queue();
      assert.ok(afterwards.superseded >= before.superseded + 1);
      assert.equal(afterwards.tabClosed, before.tabClosed + 1, "tab A's last request was dropped when it closed");
      assert.equal(afterwards.failed, before.failed);
      await faithful.close();
    });
  });
}
