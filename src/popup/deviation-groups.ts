/**
 * The popup's list of deviations: grouped by document and clause, in
 * canonical order, each with a little canonical context either side so the
 * changed words can be read in place. Pure.
 */
import type { Deviation, Report } from '../core/check/report';

/** Characters of context shown either side of a change. */
export const CONTEXT = 10;
/** A reorder or a long insertion quotes at most this much. */
export const MAX_QUOTE = 80;

export interface DeviationItem {
  deviation: Deviation;
  /** Canonical text just before and after the change ('' when unknown). */
  before: string;
  after: string;
  canonical: string;
  page: string;
}

export interface ClauseGroup {
  documentId: string;
  /** Canonical label (`（十四）`, `九、`), '' for the preamble. */
  clause: string;
  items: DeviationItem[];
}

export function clip(text: string, max = MAX_QUOTE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function groupDeviations(report: Report, documentId: string, canonicalText: string | undefined): ClauseGroup[] {
  const groups = new Map<string, ClauseGroup>();
  const deviations = report.deviations
    .filter((d) => d.documentId === documentId)
    .sort((a, b) => a.canonicalStart - b.canonicalStart || a.pageStart - b.pageStart);
  for (const deviation of deviations) {
    let group = groups.get(deviation.clause);
    if (!group) groups.set(deviation.clause, (group = { documentId, clause: deviation.clause, items: [] }));
    const short = deviation.kind !== 'reorder' && canonicalText !== undefined;
    const before = short ? lineTail(canonicalText.slice(Math.max(0, deviation.canonicalStart - CONTEXT), deviation.canonicalStart)) : '';
    const after = short ? lineHead(canonicalText.slice(deviation.canonicalEnd, deviation.canonicalEnd + CONTEXT)) : '';
    group.items.push({ deviation, before, after, canonical: clip(deviation.canonicalText), page: clip(deviation.pageText) });
  }
  return [...groups.values()];
}

function lineTail(s: string): string {
  const i = s.lastIndexOf('\n');
  return i >= 0 ? s.slice(i + 1) : s;
}

function lineHead(s: string): string {
  const i = s.indexOf('\n');
  return i >= 0 ? s.slice(0, i) : s;
}
