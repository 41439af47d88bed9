/**
 * Tells the background what the page reprints (counts only) so it can set the
 * toolbar badge. Pages where nothing was ever found send nothing: waking the
 * service worker on every page load would cost every page.
 */
import { browser } from '../platform/browser';
import type { Report } from '../core/report';
import type { PageAnalysed } from '../messages';

export function summarise(report: Report): PageAnalysed {
  return {
    type: 'yuanwen/analysed',
    documents: report.documents.length,
    deviations: report.deviations.length,
    heavilyAltered: report.documents.some((d) => d.heavilyAltered),
  };
}

export function createSummarySender(): (report: Report) => void {
  let sentAny = false;
  return (report) => {
    const summary = summarise(report);
    if (summary.documents === 0 && !sentAny) return;
    sentAny = true;
    // The background may be updating or gone (extension reloaded): the badge is a nicety.
    browser.runtime.sendMessage(summary).catch(() => undefined);
  };
}
