/**
 * Content script, in the top frame of every http(s) page at document_idle:
 * the wiring. Unless the user turned Yuanwen off for this site (checked
 * before anything is read), the page analyser (./page-analyser.ts) reads the
 * page, has the background's engine check it and renders the report, again
 * whenever the page's text changes; highlights and notes
 * (./highlights/controller.ts) are re-anchored after every analysis. This
 * script answers `{type:'yuanwen/report'}` with the report of the page as
 * currently analysed, and `{type:'yuanwen/scroll-to'}`. A change to the
 * stored documents makes it analyse again.
 */
import { TEST_BUILD } from '../platform/build-flags';
import { sendMessage } from '../platform/messaging';
import { isSiteEnabled, onSiteSettingsChanged, siteOf } from '../platform/site-settings';
import { onLocalStorageChanged } from '../platform/storage-changes';
import { CORPUS_REVISION_KEY } from '../messages/corpus';
import { analyseInBackground, readPageForAnalysis } from './analysis';
import { MainThreadClock } from './main-thread';
import { PageAnalyser } from './page-analyser';
import { watchPageChanges } from './page-changes';
import { answerPageSourceRequests, answerPageTextRequests, answerReportRequests } from './report-responder';
import { answerScrollRequests } from './scroll-to-deviation';
import { PageRenderer, openViewer } from './render/renderer';
import { PageHighlights } from './highlights/controller';

/** The toolbar button says the page interfered (after each restoration, and again after each analysis resets the badge). */
function tellInterference(restored: number): void {
  if (restored > 0) sendMessage({ type: 'yuanwen/page-interference', restored }).catch(() => undefined);
}
const renderer = new PageRenderer(document, tellInterference);
const highlights = new PageHighlights(
  document,
  renderer.overlayHost,
  async (): Promise<boolean> => {
    await ready;
    return analyser.settled();
  },
  openViewer,
);
const analyser = new PageAnalyser({
  document,
  renderer,
  highlights,
  read: readPageForAnalysis,
  analyse: async (text) => {
    const answer = await analyseInBackground(text);
    tellInterference(renderer.interference);
    return answer;
  },
  watchChanges: watchPageChanges,
  newClock: () => new MainThreadClock(),
  // Marks for the benchmark in test builds only: a production page sees nothing of ours.
  mark: (name, detail) => {
    if (TEST_BUILD) performance.mark(name, { detail });
  },
  warn: (message, error) => console.warn(message, error),
});
const site = siteOf(location.href);

// The per-site switch is read before anything on the page is.
const ready = (async () => {
  if (site !== undefined && (await isSiteEnabled(site))) analyser.start();
})().catch((error: unknown) => console.warn('[原文 Yuanwen] could not read settings:', error));

onSiteSettingsChanged((settings) => {
  if (site === undefined) return;
  if (settings.disabledSites.includes(site)) analyser.stop();
  else analyser.start();
});

// A document saved, imported or removed elsewhere: this tab's links follow without a reload.
onLocalStorageChanged(CORPUS_REVISION_KEY, () => analyser.corpusChanged());

answerReportRequests(async () => {
  await ready;
  const report = await analyser.currentReport();
  const restored = renderer.interference;
  return restored > 0 ? { ...report, pageInterference: { restored } } : report;
});
// The evidence report (issue 13) hashes and keeps the text this page's report was made from.
answerPageTextRequests(async () => {
  await ready;
  return analyser.currentText();
});

// The popup's "Save this page as a canonical document" reads the page through this.
answerPageSourceRequests(() => analyser.enabled);
answerScrollRequests();
