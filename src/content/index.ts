/**
 * Content script, in the top frame of every http(s) page at document_idle.
 *
 * Unless the user turned Yuanwen off for this site (checked before anything
 * is read), it gates and extracts the page's text, has the background's
 * engine analyse it, and renders the report: highlights in the text, badges,
 * cards and the summary in our shadow root. It analyses again when the page's
 * text changes, and answers `{type:'yuanwen/report'}` with the report of the
 * page as currently analysed, `timings.totalMs` being the main-thread time
 * this script spent on its latest analysis (extraction and rendering; the
 * engine runs in the background).
 */
import { TEST_BUILD } from '../build-flags';
import { emptyReport, type Report } from '../core/report';
import { isSiteEnabled, onSiteSettingsChanged, siteOf } from '../platform/site-settings';
import type { AnalyseResponse } from '../messages';
import { analyseInBackground, readPage } from './analysis';
import { watchPageChanges, type PageChanges } from './page-changes';
import { answerReportRequests } from './report-responder';
import { PageRenderer } from './render/renderer';

const renderer = new PageRenderer(document);
const site = siteOf(location.href);

let enabled = false;
let changes: PageChanges | undefined;
let latest: Report = emptyReport();
/** The newest analysis started; older ones finish without rendering. */
let generation = 0;
let running: Promise<void> = Promise.resolve();
/** The last text analysed and its answer: a page that re-renders the same text needs no new engine run. */
let lastAnswer: { text: string; response: AnalyseResponse } | undefined;

/** Leaves marks for the benchmark in test builds only: a production page sees nothing of ours. */
function mark(name: string, detail?: unknown): void {
  if (TEST_BUILD) performance.mark(name, { detail });
}

/** Yields to the event loop: what follows runs in a new task, after whatever the page has queued. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function analyse(mine: number): Promise<void> {
  changes?.analysed();
  mark('yuanwen:start');
  const started = performance.now();
  const extracted = readPage(document);
  const readMs = performance.now() - started;
  let mainThreadMs = readMs;

  if (!extracted) {
    const clearing = performance.now();
    changes?.withoutObserving(() => renderer.clear());
    latest = emptyReport(mainThreadMs + performance.now() - clearing);
    lastAnswer = undefined;
    mark('yuanwen:done', { totalMs: latest.timings.totalMs, rendered: false });
    return;
  }

  let response: AnalyseResponse;
  let sendMs = 0;
  if (lastAnswer?.text === extracted.text) {
    response = lastAnswer.response;
  } else {
    // Reading and sending a large page are each tens of milliseconds: two tasks, not one long one.
    await nextTask();
    if (mine !== generation || !enabled) return;
    const sending = performance.now();
    const answer = analyseInBackground(extracted.text); // serializing the text happens now, on this thread
    sendMs = performance.now() - sending;
    mainThreadMs += sendMs;
    response = await answer;
    lastAnswer = { text: extracted.text, response };
  }
  if (mine !== generation || !enabled) return; // superseded while the engine ran

  const rendering = performance.now();
  changes?.withoutObserving(() => renderer.render(response.report, response.canonicalTexts, extracted.map));
  const renderMs = performance.now() - rendering;
  mainThreadMs += renderMs;
  latest = { ...response.report, timings: { ...response.report.timings, totalMs: mainThreadMs } };
  mark('yuanwen:done', { totalMs: mainThreadMs, readMs, sendMs, renderMs, rendered: response.report.documents.length > 0 });
}

function analyseNow(): Promise<void> {
  const mine = ++generation;
  running = analyse(mine).catch((error: unknown) => {
    // A failure on some odd page must not leave the message contract unanswered or old marks standing.
    console.warn('[原文 Yuanwen] analysis failed:', error);
    if (mine !== generation) return;
    changes?.withoutObserving(() => renderer.clear());
    latest = emptyReport();
  });
  return running;
}

function start(): void {
  if (enabled) return;
  enabled = true;
  changes = watchPageChanges(document, () => void analyseNow());
  void analyseNow();
}

function stop(): void {
  if (!enabled) return;
  enabled = false;
  generation++;
  changes?.stop();
  changes = undefined;
  renderer.clear();
  latest = emptyReport();
  lastAnswer = undefined;
}

// The per-site switch is read before anything on the page is.
const ready = (async () => {
  if (site !== undefined && (await isSiteEnabled(site))) start();
})().catch((error: unknown) => console.warn('[原文 Yuanwen] could not read settings:', error));

onSiteSettingsChanged((settings) => {
  if (site === undefined) return;
  if (settings.disabledSites.includes(site)) stop();
  else start();
});

answerReportRequests(async () => {
  await ready;
  if (!enabled) return emptyReport();
  // A request during the settle delay gets the page as it is now, not as it was.
  if (changes?.stale) await analyseNow();
  // Wait for the newest analysis, however many started meanwhile.
  for (let pending = running; ; pending = running) {
    await pending;
    if (pending === running) break;
  }
  return latest;
});
