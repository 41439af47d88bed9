/**
 * One tab cannot stall another (issue 14): the background's analysis queue
 * (src/background/analysis-queue.ts) in the built extension (test build, which
 * leaves the queue readable in the service worker), in Chromium. Requests are
 * sent from our content script's own world in a tab (found over CDP), as the
 * content script sends them, with 2 Mi characters of page text: a page's
 * newer request replaces its older one, a closed tab's request is dropped,
 * and a faithful page in another tab gets its report while one tab keeps
 * sending. No timing is asserted; each test waits for the state it needs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES, launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { waitUntil } from './driver';
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

describe('one tab cannot stall another (background analysis queue)', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  const big = bigPageText();

  before(async () => {
    server = await startStaticServer(FIXTURE_PAGES);
    browser = await launchWithExtension({ build: 'test' });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function queue(): Promise<QueueState> {
    const worker = await browser.serviceWorker();
    return worker.evaluate(() => {
      const q = (globalThis as unknown as { yuanwenAnalyses: { counts: Omit<QueueState, 'tabsWaiting'>; tabsWaiting: number[] } })
        .yuanwenAnalyses;
      return { ...q.counts, tabsWaiting: q.tabsWaiting };
    });
  }

  /** Runs `expression` in our content script's world in `page` (CDP: the isolated world Chromium made for the extension). */
  async function inContentScript(page: Page, expression: string, awaitPromise = true): Promise<unknown> {
    const cdp = await browser.context.newCDPSession(page);
    const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await waitUntil(async () => contexts.some((c) => c.origin === browser.origin), 'our content script world');
    const world = contexts.find((c) => c.origin === browser.origin)!;
    const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value;
  }

  const send = (text: string) => `chrome.runtime.sendMessage({ type: 'yuanwen/analyse', text: ${JSON.stringify(text)} })`;

  it("answers a page's older request superseded when a newer one comes, and the newer with the report", async () => {
    const page = await browser.open(server.url('unrelated-notice.html'));
    const before = await queue();
    const [older, newer] = (await inContentScript(page, `Promise.all([${send(big)}, ${send(big.slice(0, 20_000))}])`)) as [
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
    await inContentScript(page, `void ${send(big)}`, false);
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
    await inContentScript(churning, `window.__churn = setInterval(() => ${send(big)}.catch(() => {}), 450); void 0`, false);
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
