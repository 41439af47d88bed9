/**
 * Issue 14's figures across tabs, with the built extension in headless
 * Debian Chromium (the e2e launcher, test build: `performance` marks around
 * each analysis, and the background's analysis queue readable from the
 * service worker). Printed against budgets and a baseline taken in the same
 * run; never asserted (exit status 0 whatever the timings, 2 when the bench
 * itself fails).
 *
 *   npx tsx bench/tab-fairness.ts [--runs=N]      (after npm run build)
 *
 * - A faithful reprint's report latency in tab B (the content script's
 *   start → everything rendered, wall time: reading, the background's engine,
 *   rendering) while tab A churns a 10 MB page that changes every 450 ms;
 *   budget 1 s, beside the same page in the idle browser. Also what the
 *   background's queue did with A's requests (answered, superseded, dropped
 *   when A closed).
 * - The 10,000-deep page (bench/extension.ts): the longest main-thread block
 *   in the 3 s after its load event, with Yuanwen and in a browser without
 *   it; budget: at most 50 ms added.
 */
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_TEST_DIST, FIXTURE_PAGES, launchWithExtension, type ExtensionBrowser } from '../tests/e2e/extension-browser';
import { startStaticServer } from '../tests/e2e/static-server';
import { ensureTestBuild, OBSERVE_MAIN_THREAD, writeDeepPage } from './extension';
import { canonicalOpinionPage, loadBuiltCorpus, unrelatedProse } from './inputs';

const args = new Map(process.argv.slice(2).map((a) => [a.replace(/^--|=.*$/g, ''), a.includes('=') ? a.slice(a.indexOf('=') + 1) : '']));
const RUNS = Number(args.get('runs') ?? 5);
/**
 * How often tab A's page changes: every 450 ms (issue 14's attack; the
 * content script then never finishes reading 10 MB before the next change,
 * so it sends nothing; nor at 2 s here), and every 4 s (it reads, sends 2 Mi characters,
 * and the next change supersedes that request while the engine works on it).
 */
const CHURN_EVERY_MS = [450, 4000];
const LATENCY_BUDGET_MS = 1000;
const ADDED_BLOCK_BUDGET_MS = 50;
const DEEP_WINDOW_MS = 3000;

interface QueueCounts {
  analysed: number;
  superseded: number;
  tabClosed: number;
  failed: number;
}

/**
 * 10 MB of text: the faithful Opinion first (so the page passes the gates and
 * its analysis is a real engine run over the 2 Mi characters the content
 * script sends), then unrelated prose; a script rewrites the last paragraph
 * every `?every=` ms.
 */
function writeChurnPage(dir: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const text = `${canonicalOpinionPage(loadBuiltCorpus())}\n${unrelatedProse(10_000_000, 14)}`;
  const lines = text.split('\n');
  const paragraphs: string[] = [];
  // Paragraphs of about 2,000 characters: 5,000 of them, not 100,000 one-line ones.
  for (let i = 0, p = ''; i < lines.length; i++) {
    p += escape(lines[i]) + '<br>';
    if (p.length > 2000 || i === lines.length - 1) {
      paragraphs.push(`<p>${p}</p>`);
      p = '';
    }
  }
  const churn = `<script>let n = 0; const every = Number(new URLSearchParams(location.search).get('every')); setInterval(() => { document.getElementById('last').textContent = '第' + (++n) + '次更新：本页内容持续变化。'; }, every);</script>`;
  writeFileSync(
    join(dir, 'churn-10mb.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>churn</title></head><body><main>${paragraphs.join('\n')}<p id="last">开始</p></main>${churn}</body></html>`,
  );
  return 'churn-10mb.html';
}

/** Start → done of the first analysis in `page` (wall ms), once it is done. */
async function reportLatency(page: Page): Promise<{ latencyMs: number; rendered: boolean }> {
  const handle = await page.waitForFunction(
    () => {
      const done = performance.getEntriesByName('yuanwen:done')[0] as PerformanceMark | undefined;
      const start = performance.getEntriesByName('yuanwen:start')[0] as PerformanceMark | undefined;
      return done && start
        ? { latencyMs: done.startTime - start.startTime, rendered: (done.detail as { rendered: boolean }).rendered }
        : false;
    },
    undefined,
    { timeout: 120_000, polling: 20 },
  );
  return (await handle.jsonValue()) as { latencyMs: number; rendered: boolean };
}

/** `runs` loads of `url`, one after another, `pauseMs` apart (spread over a churning tab's cycles). */
async function latencies(browser: ExtensionBrowser, url: string, runs: number, pauseMs = 0): Promise<{ ms: number[]; rendered: boolean }> {
  const ms: number[] = [];
  let rendered = true;
  for (let i = 0; i < runs; i++) {
    if (i > 0 && pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    const page = await browser.open(url);
    const { latencyMs, rendered: r } = await reportLatency(page);
    ms.push(latencyMs);
    rendered &&= r;
    await page.close();
  }
  return { ms, rendered };
}

async function queueCounts(browser: ExtensionBrowser): Promise<QueueCounts & { tabsWaiting: number[] }> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(() => {
    const queue = (globalThis as unknown as { yuanwenAnalyses: { counts: QueueCounts; tabsWaiting: number[] } }).yuanwenAnalyses;
    return { ...queue.counts, tabsWaiting: queue.tabsWaiting };
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Longest heartbeat gap from the load event to `DEEP_WINDOW_MS` after it (after waiting that long, and for Yuanwen if it runs). */
async function longestBlockAfterLoad(context: BrowserContext, url: string, withYuanwen: boolean): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (withYuanwen) await reportLatency(page);
    await page.waitForFunction(
      (windowMs) =>
        performance.now() > (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd + windowMs,
      DEEP_WINDOW_MS,
      { timeout: 60_000, polling: 100 },
    );
    return await page.evaluate((windowMs) => {
      const load = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart;
      const gaps = (window as unknown as { __gaps?: { start: number; duration: number }[] }).__gaps ?? [];
      const inWindow = gaps.filter((g) => g.start + g.duration >= load && g.start <= load + windowMs);
      return Math.max(0, ...inWindow.map((g) => g.duration));
    }, DEEP_WINDOW_MS);
  } finally {
    await page.close();
  }
}

/** Debian Chromium with the same flags as the e2e launcher but no extension: the baseline browser. */
async function launchWithout(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'yuanwen-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1)).padStart(6);

function line(label: string, value: number, budget: number, extra = ''): boolean {
  const ok = value <= budget;
  console.log(
    `  ${label.padEnd(62)} ${fmt(value)} ms  budget ${String(budget).padStart(4)} ms  ${(value / budget).toFixed(2)}× ${ok ? 'OK' : 'OVER'}${extra ? `  ${extra}` : ''}`,
  );
  return ok;
}

export async function runTabFairnessBench(): Promise<boolean> {
  ensureTestBuild();
  const dir = mkdtempSync(join(tmpdir(), 'yuanwen-bench-tabs-'));
  copyFileSync(join(FIXTURE_PAGES, 'xinhua-opinion.html'), join(dir, 'xinhua-opinion.html'));
  const churnPage = writeChurnPage(dir);
  const deepPage = writeDeepPage(dir);
  const server = await startStaticServer(dir);
  const browser = await launchWithExtension({ extensionDir: CHROME_TEST_DIST });
  await browser.context.addInitScript(OBSERVE_MAIN_THREAD);
  let allOk = true;
  try {
    console.log(`tabs in headless Chromium (${RUNS} loads of the faithful page each; median, max)`);
    // One load first: the worker's corpus and the renderer's first-page costs are not what is measured.
    await latencies(browser, server.url('xinhua-opinion.html'), 1);
    const idle = await latencies(browser, server.url('xinhua-opinion.html'), RUNS);

    console.log(
      `  baseline: the same page in the idle browser, median ${median(idle.ms).toFixed(0)} ms, slowest ${Math.max(...idle.ms).toFixed(0)} ms`,
    );
    for (const every of CHURN_EVERY_MS) {
      const churning = await browser.open(`${server.url(churnPage)}?every=${every}`);
      const before = await queueCounts(browser);
      const churnTab = await browser.tabId(churning);
      // Tab A's first request in the background's queue before tab B is measured (at 450 ms none comes: then after 20 s).
      const sent = async () => {
        const c = await queueCounts(browser);
        return c.tabsWaiting.includes(churnTab) || c.analysed + c.superseded > before.analysed + before.superseded;
      };
      await until("tab A's first analysis request", sent, 20_000).catch(() => undefined);
      const busy = await latencies(browser, server.url('xinhua-opinion.html'), RUNS, 1500);
      const during = await queueCounts(browser);
      const aWasWorking = during.tabsWaiting.includes(churnTab);
      await churning.close();
      await until('the churning tab to leave the queue', async () => !(await queueCounts(browser)).tabsWaiting.includes(churnTab), 30_000);
      const after = await queueCounts(browser);

      const rendered = idle.rendered && busy.rendered;
      allOk =
        line(
          `faithful page's report while a tab churns 10 MB every ${every} ms (median)`,
          median(busy.ms),
          LATENCY_BUDGET_MS,
          `${(median(busy.ms) / Math.max(1, median(idle.ms))).toFixed(1)}× baseline${rendered ? '' : '  OPINION NOT RENDERED'}`,
        ) &&
        rendered &&
        allOk;
      allOk = line('  … slowest of the runs', Math.max(...busy.ms), LATENCY_BUDGET_MS) && allOk;
      console.log(
        `  … the background's queue meanwhile: ${during.analysed - before.analysed} analyses answered (tab B's included), ` +
          `${during.superseded - before.superseded} superseded requests dropped; tab A ${aWasWorking ? 'had work queued' : 'had nothing queued'} at the end, ` +
          `${after.tabClosed - during.tabClosed} dropped when it closed; ${after.failed - before.failed} failed`,
      );
    }

    const withDeep: number[] = [];
    await longestBlockAfterLoad(browser.context, server.url(deepPage), true);
    for (let i = 0; i < 3; i++) withDeep.push(await longestBlockAfterLoad(browser.context, server.url(deepPage), true));
    const plain = await launchWithout();
    const withoutDeep: number[] = [];
    try {
      await plain.context.addInitScript(OBSERVE_MAIN_THREAD);
      await longestBlockAfterLoad(plain.context, server.url(deepPage), false); // a fresh browser's first page is not the baseline
      for (let i = 0; i < 3; i++) withoutDeep.push(await longestBlockAfterLoad(plain.context, server.url(deepPage), false));
    } finally {
      await plain.close();
    }
    const added = median(withDeep) - median(withoutDeep);
    allOk =
      line(
        '10,000-deep page: longest block Yuanwen adds (3 s after load, median)',
        Math.max(0, added),
        ADDED_BLOCK_BUDGET_MS,
        `with ${withDeep.map((x) => x.toFixed(0)).join('/')} ms, without ${withoutDeep.map((x) => x.toFixed(0)).join('/')} ms`,
      ) && allOk;
    console.log(allOk ? 'tab budgets: all met' : 'tab budgets: some OVER');
    return allOk;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${resolve(process.argv[1] ?? '')}`) {
  runTabFairnessBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('bench/tab-fairness failed:', error);
      process.exit(2);
    },
  );
}
