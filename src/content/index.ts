/**
 * Content script, in the top frame of every http(s) page at document_idle.
 * Wires the pieces: analyse now, analyse again when the page's text changes,
 * answer report requests with the latest analysis. Renders nothing yet.
 */
import { emptyReport } from '../core/report';
import { analysePage, type PageAnalysis } from './analysis';
import { watchPageChanges } from './page-changes';
import { answerReportRequests } from './report-responder';
import { createSummarySender } from './page-summary';

const sendSummary = createSummarySender();
let latest: PageAnalysis;

function analyseNow(): void {
  changes.analysed();
  try {
    latest = analysePage(document);
  } catch (error) {
    // An engine failure on some odd page must not leave the message contract unanswered.
    console.warn('[原文 Yuanwen] analysis failed:', error);
    latest = { report: emptyReport(), extracted: undefined };
  }
  sendSummary(latest.report);
}

const changes = watchPageChanges(document, analyseNow);
analyseNow();

answerReportRequests(() => {
  // A request during the settle delay gets the page as it is now, not as it was.
  if (changes.stale) analyseNow();
  return latest.report;
});
