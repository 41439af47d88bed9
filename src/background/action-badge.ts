/**
 * The toolbar badge of a tab: what its page reprints, at a glance. The badge
 * lives in the browser (per tab), so the service worker keeps no state.
 */
import { browser } from '../platform/browser';
import type { PageAnalysed } from '../messages';

const COLOURS = {
  faithful: '#1e7b34',
  deviations: '#b3261e',
  heavilyAltered: '#7a1212',
};

/** Badge text: empty (nothing found), ✓ (faithful), ! (heavily altered) or the deviation count. */
export function badgeFor(summary: PageAnalysed): { text: string; colour: string } {
  if (summary.documents === 0) return { text: '', colour: COLOURS.faithful };
  if (summary.heavilyAltered) return { text: '!', colour: COLOURS.heavilyAltered };
  if (summary.deviations === 0) return { text: '✓', colour: COLOURS.faithful };
  const text = summary.deviations > 99 ? '99+' : String(summary.deviations);
  return { text, colour: COLOURS.deviations };
}

export async function showPageSummary(tabId: number, summary: PageAnalysed): Promise<void> {
  const { text, colour } = badgeFor(summary);
  await browser.action.setBadgeBackgroundColor({ tabId, color: colour });
  await browser.action.setBadgeText({ tabId, text });
}
