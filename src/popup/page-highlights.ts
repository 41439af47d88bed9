/**
 * This page's highlights for the popup. The content script knows which of
 * them it could place on the page (`{type:'yuanwen/highlights'}` answers
 * each with a status: anchored, orphan, or canonical from another page);
 * where it does not answer that message (an older content script, a page
 * where Yuanwen is off) the popup asks the background, which owns the
 * database, for the stored highlights of the page's URL, without a status.
 */
import type { Tabs } from '../platform/browser';
import { resultValue, sendMessage } from '../platform/messaging';
import { validateHighlight, type Highlight } from '../core/highlight/record';

export type HighlightStatus = 'anchored' | 'orphan' | 'canonical' | 'stored';

export interface PageHighlight {
  highlight: Highlight;
  status: HighlightStatus;
}

const STATUSES: ReadonlySet<string> = new Set(['anchored', 'orphan', 'canonical']);

/** The content script's answer, read defensively: a list, or `{highlights: list}`, of `{highlight, status}` or records with a `status`. */
export function parseHighlightsAnswer(answer: unknown): PageHighlight[] | undefined {
  const list = Array.isArray(answer) ? answer : isObject(answer) && Array.isArray(answer.highlights) ? answer.highlights : undefined;
  if (!list) return undefined;
  const out: PageHighlight[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    const status = typeof item.status === 'string' && STATUSES.has(item.status) ? (item.status as HighlightStatus) : 'stored';
    const { status: _status, ...rest } = item;
    const candidate = isObject(item.highlight) ? item.highlight : isObject(item.record) ? item.record : rest;
    const valid = validateHighlight(candidate);
    if (valid.ok) out.push({ highlight: valid.value, status });
  }
  return out;
}

export async function pageHighlights(tab: Tabs.Tab | undefined): Promise<PageHighlight[]> {
  if (tab?.id === undefined) return [];
  try {
    const parsed = parseHighlightsAnswer(await sendMessage({ type: 'yuanwen/highlights' }, { tabId: tab.id }));
    if (parsed) return parsed;
  } catch {
    // No such message on this content script: ask the database's owner.
  }
  if (!tab.url) return [];
  try {
    const stored = await resultValue(sendMessage({ type: 'yuanwen/highlights-list', url: tab.url }));
    return stored.map((highlight) => ({ highlight, status: 'stored' }));
  } catch {
    return [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
