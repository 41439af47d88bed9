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
import { TEST_BUILD } from '../platform/build-flags';
import { emptyReport, type Report } from '../core/check/report';
import { isSiteEnabled, onSiteSettingsChanged, siteOf } from '../platform/site-settings';
import type { AnalyseResponse } from '../messages/analysis';
import { analyseInBackground, readPageForAnalysis } from './analysis';
import { MainThreadClock } from './main-thread';
import { watchPageChanges, type PageChanges } from './page-changes';
import { answerReportRequests } from './report-responder';
import { answerScrollRequests } from './scroll-to-deviation';
import { PageRenderer, openViewer } from './render/renderer';
import { PageHighlights } from './highlights/controller';

const renderer = new PageRenderer(document);
/** Highlights and notes (src/content/highlights): re-anchored after every analysis. */
const highlights = new PageHighlights(
  document,
  renderer.overlayHost,
  async () => {
    await ready;
    if (!enabled) return false;
    for (let pending = running; ; pending = running) {
      await pending;
      if (pending === running) break;
    }
    return enabled;
  },
  openViewer,
);
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

async function analyse(mine: number): Promise<void> {
  changes?.analysed();
  mark('yuanwen:start');
  const clock = new MainThreadClock();
  const superseded = (): boolean => mine !== generation || !enabled;
  const reading = await readPageForAnalysis(document, clock, superseded);
  if (reading.kind === 'cancelled' || superseded()) return;
  const readMs = clock.busyMs;

  if (reading.kind === 'nothing') {
    highlights.pageAnalysed(undefined, undefined);
    // Nothing to show (any more: the page may have changed since the last analysis).
    changes?.withoutObserving(() => renderer.clear());
    latest = emptyReport(clock.busyMs);
    lastAnswer = undefined;
    mark('yuanwen:done', {
      totalMs: latest.timings.totalMs,
      readMs,
      gateMs: reading.gateMs,
      longestSliceMs: clock.longestSliceMs,
      skipped: reading.reason,
      rendered: false,
    });
    return;
  }

  const extracted = reading.extracted;
  let response: AnalyseResponse;
  let sendMs = 0;
  if (lastAnswer?.text === extracted.text) {
    response = lastAnswer.response;
  } else {
    // Sending a large page is tens of milliseconds (the text is serialized now, on this thread): a task of its own.
    await clock.yieldToPage();
    if (superseded()) return;
    const sending = clock.busyMs;
    const answer = analyseInBackground(extracted.text);
    sendMs = clock.busyMs - sending;
    clock.pause();
    response = await answer;
    clock.resume();
    lastAnswer = { text: extracted.text, response };
  }
  if (superseded()) return; // superseded while the engine ran

  const rendering = clock.busyMs;
  const steps = renderer.renderSteps(response.report, response.canonicalTexts, extracted.map, response.witnesses);
  for (let i = 0; i < steps.length; i++) {
    if (i > 0 && clock.shouldYield()) {
      await clock.yieldToPage();
      if (superseded()) return;
    }
    changes?.withoutObserving(steps[i]);
  }
  highlights.pageAnalysed(extracted, response);
  const renderMs = clock.busyMs - rendering;
  const totalMs = clock.busyMs;
  latest = { ...response.report, timings: { ...response.report.timings, totalMs } };
  mark('yuanwen:done', {
    totalMs,
    readMs,
    gateMs: reading.gateMs,
    sendMs,
    renderMs,
    longestSliceMs: clock.longestSliceMs,
    rendered: response.report.documents.length > 0,
  });
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
  highlights.start();
  changes = watchPageChanges(document, () => void analyseNow());
  void analyseNow();
}

function stop(): void {
  if (!enabled) return;
  enabled = false;
  highlights.stop();
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

answerScrollRequests();
