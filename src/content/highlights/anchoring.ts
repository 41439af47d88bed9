/**
 * Where each stored highlight is on the page now: this page's highlights
 * exactly, else fuzzily, else orphans (listed, drawn nowhere: never attached
 * to a look-alike); other pages' highlights in the canonical clauses this
 * page reprints, in their own style.
 */
import type { Anchorer } from '../../core/highlight/anchorer';
import type { Report } from '../../core/check/report';
import type { TextMap } from '../../page/text-map';
import type { PageHighlight, PageHighlightsResponse } from '../../messages/analysis';
import { pageRange } from '../render/plan';
import type { Painted } from './paint';

export interface Anchored {
  items: PageHighlight[];
  painted: Painted[];
  ranges: Map<string, Range>;
}

/** `page` undefined: the page's text could not be read; every highlight of this page is an orphan. */
export function anchorHighlights(
  stored: PageHighlightsResponse,
  page: { map: TextMap; report: Report; anchorer: Anchorer } | undefined,
): Anchored {
  const items: PageHighlight[] = [];
  const painted: Painted[] = [];
  const ranges = new Map<string, Range>();
  if (!page) {
    for (const highlight of stored.page) items.push({ status: 'orphan', highlight });
    return { items, painted, ranges };
  }
  const { anchorer, map, report } = page;
  for (const highlight of stored.page) {
    const match = anchorer.anchor(highlight.selectors);
    const range = match ? pageRange(map, match.start, match.end) : undefined;
    if (!match || !range) {
      items.push({ status: 'orphan', highlight });
      continue;
    }
    items.push({ status: 'anchored', highlight, start: match.start, end: match.end, score: match.score });
    painted.push({ id: highlight.id, style: highlight.color, range });
    ranges.set(highlight.id, range);
  }
  for (const highlight of stored.canonical) {
    if (!highlight.canonical) continue;
    const match = anchorer.anchorCanonical(report, highlight.canonical);
    if (!match) continue;
    items.push({
      status: 'canonical',
      highlight,
      start: match.start,
      end: match.end,
      score: match.score,
      changed: match.changed,
      canonicalText: match.canonicalText,
      pageText: match.pageText,
    });
    const range = match.end > match.start ? pageRange(map, match.start, match.end) : undefined;
    if (range) {
      painted.push({ id: highlight.id, style: 'canonical', range });
      ranges.set(highlight.id, range);
    }
  }
  return { items, painted, ranges };
}
