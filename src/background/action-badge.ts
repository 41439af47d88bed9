/**
 * The toolbar badge of a tab: what its page reprints, at a glance. The badge
 * lives in the browser (per tab), so the service worker keeps no state.
 */
import { browser, t } from '../platform/browser';
import { languageLoaded } from '../platform/i18n';
import type { Report } from '../core/check/report';
import { changesInReport } from '../core/check/relation-description';

const COLOURS = {
  faithful: '#1e7b34',
  deviations: '#b3261e',
  heavilyAltered: '#7a1212',
  /** The page took our warnings away (they were put back): a colour no verdict has. */
  interfered: '#6a1b9a',
};

/** Badge text: empty (nothing found), ✓ (faithful), ! (heavily altered) or the count of changes (moved clauses are a note, not a change). */
export function badgeFor(report: Report): { text: string; colour: string } {
  if (report.documents.length === 0) return { text: '', colour: COLOURS.faithful };
  if (report.documents.some((d) => d.heavilyAltered)) return { text: '!', colour: COLOURS.heavilyAltered };
  const deviations = changesInReport(report);
  if (deviations === 0) return { text: '✓', colour: COLOURS.faithful };
  const text = deviations > 99 ? '99+' : String(deviations);
  return { text, colour: COLOURS.deviations };
}

export async function showPageSummary(tabId: number, report: Report): Promise<void> {
  const { text, colour } = badgeFor(report);
  await browser.action.setBadgeBackgroundColor({ tabId, color: colour });
  await browser.action.setBadgeText({ tabId, text });
}

/**
 * The page removed or hid our warnings (they were put back): the badge keeps
 * its verdict in a colour of its own, and the button's title says what
 * happened, as the popup does.
 */
export async function showPageInterference(tabId: number, restored: number): Promise<void> {
  await languageLoaded();
  await browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS.interfered });
  await browser.action.setTitle({ tabId, title: t('popupPageInterfered', String(restored)) });
}
