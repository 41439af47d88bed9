/**
 * What a report says a page is, for people: the relation, the clauses a
 * quotation quotes, the parts an excerpt prints and leaves out, the parts a
 * copy prints out of order, and how many changed words it has. Plain data;
 * the CLI, the in-page summary and the popup put it into words.
 */
import type { Deviation, DocumentMatch, Relation, Report } from './report';

/** A clause or part as a reader names it. */
export type ClauseName =
  /** `（三十二）`, `第三条` */
  | { kind: 'clause'; label: string }
  /** A section (`二、`): its heading or an unnumbered paragraph of it. */
  | { kind: 'part'; label: string }
  | { kind: 'preamble' };

export interface RelationDescription {
  relation: Relation;
  /** The clauses the page reproduces any text of, in canonical order. */
  reproduced: ClauseName[];
  /** The parts printed and left out (`leftOut` is what an excerpt's summary line names). */
  printed: ClauseName[];
  leftOut: ClauseName[];
  /** The parts holding clauses printed out of canonical order: one note, not one warning each. */
  movedParts: ClauseName[];
  /** Deviations other than reorders: the changes that make a badge red. */
  changes: number;
}

function partName(label: string): ClauseName {
  return label ? { kind: 'part', label } : { kind: 'preamble' };
}

export function describeRelation(match: DocumentMatch, deviations: Deviation[]): RelationDescription {
  const parts = new Set([...match.parts.printed, ...match.parts.leftOut]);
  const nameOf = (label: string): ClauseName => (parts.has(label) || label === '' ? partName(label) : { kind: 'clause', label });
  const reproducedIds = new Set(match.passages.map((p) => p.clauseId));
  const reproduced: ClauseName[] = [];
  const seen = new Set<string>();
  for (const c of [...match.clauses].sort((a, b) => a.canonicalStart - b.canonicalStart)) {
    if (!reproducedIds.has(c.clauseId) || seen.has(c.clause)) continue;
    seen.add(c.clause);
    reproduced.push(nameOf(c.clause));
  }
  const mine = deviations.filter((d) => d.documentId === match.id);
  const movedLabels = new Set<string>();
  for (const d of mine) {
    if (d.kind !== 'reorder') continue;
    // The part a moved clause belongs to: the last part starting at or before it in the canonical text.
    const part = match.clauses
      .filter((c) => parts.has(c.clause) && c.canonicalStart <= d.canonicalStart)
      .sort((a, b) => b.canonicalStart - a.canonicalStart)[0];
    movedLabels.add(part ? part.clause : d.clause);
  }
  const order = [...match.parts.printed, ...match.parts.leftOut];
  const movedParts = [...movedLabels].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map(nameOf);
  return {
    relation: match.relation,
    reproduced,
    printed: match.parts.printed.map(partName),
    leftOut: match.parts.leftOut.map(partName),
    movedParts,
    changes: changesAmong(mine),
  };
}

/** Deviations other than reorders (a moved clause is a note, not a change): what the badge and verdicts count. */
export function changesAmong(deviations: readonly Deviation[]): number {
  return deviations.filter((d) => d.kind !== 'reorder').length;
}

/** The changes on a whole page, over every document it reproduces. */
export function changesInReport(report: Report): number {
  return changesAmong(report.deviations);
}
