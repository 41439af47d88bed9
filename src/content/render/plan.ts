/**
 * From a report to what is drawn on the page: one badge per aligned clause
 * (at its marker, or at its first character when it has none), a caret per
 * omission, highlight ranges by deviation kind, and one summary line per
 * document. Pure data plus DOM Ranges built through the text map; nothing is
 * drawn here.
 */
import type { AlignedClause, Deviation, DeviationKind, DocumentMatch, KnownVariant, Report } from '../../core/check/report';
import type { TextMap } from '../../page/text-map';
import { describeRelation, type RelationDescription } from '../../core/check/relation-description';

/** The state a clause's badge shows. */
export type ClauseState = 'faithful' | 'deviations' | 'altered';

export interface ClauseMark {
  key: string;
  documentId: string;
  documentTitle: string;
  clauseId: string;
  /** Canonical label (`（三）`, `九、`), '' for preamble paragraphs. */
  label: string;
  /** The label as printed on the page, when the page has a marker here. */
  pageLabel: string | undefined;
  canonicalText: string;
  state: ClauseState;
  deviations: Deviation[];
  knownVariants: ShownVariant[];
  /** Where the badge goes: the marker, or the clause's first character. */
  anchor: Range;
}

/** A known variant as a card shows it: with its witness described, not just named by id. */
export interface ShownVariant extends KnownVariant {
  witnessName: string;
}

/** Per document id, witness id → description (the background sends them with the report). */
export type WitnessNames = Record<string, Record<string, string>>;

export interface OmissionMark {
  key: string;
  documentId: string;
  documentTitle: string;
  clauseId: string;
  label: string;
  deviation: Deviation;
  /** Collapsed at the place the canonical text is missing from. */
  anchor: Range;
}

export interface DocumentSummary {
  documentId: string;
  title: string;
  deviations: number;
  heavilyAltered: boolean;
  coverage: number;
  topSubstitutions: [string, string, number][];
  /** The page is in traditional characters (compared as converted to simplified). */
  traditional: boolean;
  /** What the page is (reprint, excerpt, quotation), the parts it prints and leaves out, the parts it moved. */
  description: RelationDescription;
  /** The first aligned clause, where the viewer opens from the summary. */
  firstClauseId: string;
}

/**
 * Highlight kinds: deviations marked in the page's text. Omissions have no
 * page text (a caret marks them); a reorder spans a whole moved clause, so it
 * is told by the clause's badge and card rather than by underlining a clause.
 */
export type MarkedKind = Exclude<DeviationKind, 'omission' | 'reorder'>;
export const MARKED_KINDS: readonly MarkedKind[] = ['substitution', 'insertion', 'marker'];

export interface RenderPlan {
  clauses: ClauseMark[];
  omissions: OmissionMark[];
  highlights: Map<MarkedKind, Range[]>;
  summaries: DocumentSummary[];
}

export const EMPTY_PLAN: RenderPlan = { clauses: [], omissions: [], highlights: new Map(), summaries: [] };

/** A DOM Range over page text `[start, end)`, or undefined where the map has no text (or the DOM changed). */
export function pageRange(map: TextMap, start: number, end: number): Range | undefined {
  const from = map.locateStart(start);
  const to = map.locateEnd(end);
  if (!from || !to) return undefined;
  try {
    const range = from.node.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range.collapsed ? undefined : range;
  } catch {
    // The node was edited since extraction: the offsets no longer fit. A re-analysis is on its way.
    return undefined;
  }
}

/** A collapsed Range just where page offset `at` falls (between two characters). */
export function pagePoint(map: TextMap, at: number): Range | undefined {
  const place = at > 0 ? map.locateEnd(at) : map.locateStart(at);
  if (!place) return undefined;
  try {
    const range = place.node.ownerDocument.createRange();
    range.setStart(place.node, place.offset);
    range.collapse(true);
    return range;
  } catch {
    return undefined;
  }
}

function clauseOf(match: DocumentMatch, deviation: Deviation): AlignedClause | undefined {
  // By canonical offset: a deviation lies inside its clause's canonical text (reorders span the whole clause).
  return (
    match.clauses.find((c) => c.canonicalStart <= deviation.canonicalStart && deviation.canonicalStart < c.canonicalEnd) ??
    match.clauses.find((c) => c.pageStart <= deviation.pageStart && deviation.pageStart < c.pageEnd)
  );
}

export function planRendering(
  report: Report,
  canonicalTexts: Record<string, string>,
  map: TextMap,
  witnesses: WitnessNames = {},
): RenderPlan {
  const plan: RenderPlan = { clauses: [], omissions: [], highlights: new Map(), summaries: [] };
  for (const match of report.documents) {
    const canonical = canonicalTexts[match.id] ?? '';
    const deviations = report.deviations.filter((d) => d.documentId === match.id);
    const names = witnesses[match.id] ?? {};
    const variants = report.knownVariants
      .filter((v) => v.documentId === match.id)
      .map((v): ShownVariant => ({ ...v, witnessName: names[v.witness] ?? v.witness }));
    const markers = report.markers.filter((m) => m.documentId === match.id);
    const byClause = new Map<AlignedClause, Deviation[]>();
    for (const d of deviations) {
      const clause = clauseOf(match, d);
      if (!clause) continue;
      const list = byClause.get(clause) ?? [];
      list.push(d);
      byClause.set(clause, list);
    }

    const description = describeRelation(match, deviations);
    plan.summaries.push({
      documentId: match.id,
      title: match.title,
      deviations: description.changes,
      heavilyAltered: match.heavilyAltered,
      coverage: match.coverage,
      topSubstitutions: match.topSubstitutions,
      traditional: report.traditional === true,
      description,
      firstClauseId: match.clauses[0]?.clauseId ?? '',
    });

    for (const clause of match.clauses) {
      const marker = markers.find((m) => clause.pageStart <= m.pageStart && m.pageStart < clause.pageEnd);
      const anchor = marker ? pageRange(map, marker.pageStart, marker.pageEnd) : pageRange(map, clause.pageStart, clause.pageStart + 1);
      if (!anchor) continue;
      const clauseDeviations = byClause.get(clause) ?? [];
      // A clause only moved keeps its words: red is for changed words (the move is one note in the summary).
      const changed = clauseDeviations.filter((d) => d.kind !== 'reorder');
      plan.clauses.push({
        key: `${match.id}/${clause.clauseId}`,
        documentId: match.id,
        documentTitle: match.title,
        clauseId: clause.clauseId,
        label: clause.clause,
        pageLabel: marker?.label,
        canonicalText: canonical.slice(clause.canonicalStart, clause.canonicalEnd),
        state: match.heavilyAltered ? 'altered' : changed.length > 0 ? 'deviations' : 'faithful',
        deviations: changed,
        knownVariants: variants.filter((v) => clause.pageStart <= v.pageStart && v.pageStart < clause.pageEnd),
        anchor,
      });
    }

    // A heavily altered page gets one strong warning (summary), not hundreds of marks.
    if (match.heavilyAltered) continue;
    for (const d of deviations) {
      if (d.kind === 'omission') {
        const anchor = pagePoint(map, d.pageStart);
        const clause = clauseOf(match, d);
        if (!anchor) continue;
        plan.omissions.push({
          key: `${match.id}/${d.canonicalStart}-${d.canonicalEnd}@${d.pageStart}`,
          documentId: match.id,
          documentTitle: match.title,
          clauseId: clause?.clauseId ?? '',
          label: d.clause,
          deviation: d,
          anchor,
        });
        continue;
      }
      if (d.kind === 'reorder') continue;
      const range = pageRange(map, d.pageStart, d.pageEnd);
      if (!range) continue;
      const list = plan.highlights.get(d.kind) ?? [];
      list.push(range);
      plan.highlights.set(d.kind, list);
    }
  }
  return plan;
}
