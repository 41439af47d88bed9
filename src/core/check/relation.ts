/**
 * How a page relates to a document it reproduces: the document itself
 * (reprint), selected parts of it (excerpt), or passages quoted inside the
 * page's own text (quotation). The relation decides what counts as a
 * deviation: only a reprint omits the clauses it does not print, and only a
 * quotation is surrounded by text that is the page's own.
 *
 * Decided from the shape of what was placed, never from the page's wording:
 * runs of clauses printed one after another (as a reprint prints them), and
 * which of the document's parts (sections) those runs touch.
 */

export type Relation = 'reprint' | 'excerpt' | 'quotation';

/** The document's structure, as far as the relation needs it. */
export interface DocumentShape {
  /** Per clause (in canonical order): the index of its part (section) in `parts`. */
  partOf: number[];
  /** Per clause: its canonical length. */
  lengths: number[];
  /** Labels of the parts, in order (`''` for the preamble). */
  parts: string[];
}

export interface RelationSummary {
  relation: Relation;
  /** Labels of the parts the page reproduces any of, in canonical order. */
  printed: string[];
  /** Labels of the parts the page reproduces nothing of. */
  leftOut: string[];
}

/** A run this long (clauses, headings and paragraphs printed one after another) is a copy of the document, not a quote. */
export const DOCUMENT_RUN = 3;
/** A copy that reproduces at least this share of the document, and something of every part, is a reprint. */
export const REPRINT_SHARE = 0.6;

/**
 * `runs`: the clause indexes placed on the page, grouped in runs of text the
 * page prints one after another (page order); `reproduced`: the clause
 * indexes the page reproduces any text of.
 */
export function classifyRelation(shape: DocumentShape, runs: number[][], reproduced: Iterable<number>): RelationSummary {
  const touched = new Set<number>();
  let total = 0;
  let placed = 0;
  const seen = new Set<number>();
  for (const c of reproduced) {
    if (seen.has(c)) continue;
    seen.add(c);
    touched.add(shape.partOf[c]);
    placed += shape.lengths[c];
  }
  for (const length of shape.lengths) total += length;
  const printed = shape.parts.filter((_, i) => touched.has(i));
  const leftOut = shape.parts.filter((_, i) => !touched.has(i));

  const copiesDocument = runs.some((run) => run.length >= DOCUMENT_RUN);
  if (!copiesDocument) return { relation: 'quotation', printed, leftOut };
  const whole = leftOut.length === 0 && total > 0 && placed / total >= REPRINT_SHARE;
  return { relation: whole ? 'reprint' : 'excerpt', printed, leftOut };
}

/** The shape of a canonical document: its parts (sections) and the part and length of each clause. */
export function shapeOf(doc: {
  sections: { label: string; clauseIds: string[] }[];
  clauses: { id: string; start: number; end: number }[];
}): DocumentShape {
  const partById = new Map<string, number>();
  doc.sections.forEach((s, i) => s.clauseIds.forEach((id) => partById.set(id, i)));
  return {
    parts: doc.sections.map((s) => s.label),
    partOf: doc.clauses.map((c) => partById.get(c.id) ?? 0),
    lengths: doc.clauses.map((c) => c.end - c.start),
  };
}
