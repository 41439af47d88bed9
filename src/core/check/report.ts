/**
 * The report, schema 2: the CLI's `--json` output and the content script's
 * answer to `{type:'yuanwen/report'}`. Offsets are UTF-16 indices:
 * `canonical*` into the document's full canonical text, `page*` into the page
 * text as extracted. Fields may be added; existing ones keep their meaning.
 *
 * Schema 2 (from 1): each document says how the page relates to it
 * (`relation`, `parts`, `passages`) and which version it is (`date`,
 * `newerVersions`), and deviations, `coverage` and
 * `matchRatio` are about what the page reproduces only.
 */

import type { Relation } from './relation';

export type { Relation } from './relation';

export const REPORT_SCHEMA = 2;

export type DeviationKind = 'substitution' | 'insertion' | 'omission' | 'reorder' | 'marker';

export interface DocumentMatch {
  id: string;
  title: string;
  /** Date of the version the page was matched to, `YYYY-MM-DD` (`''` when the corpus has none). */
  date: string;
  /** Later versions of the same document in the corpus, oldest first; empty when this is the newest. */
  newerVersions: { id: string; date: string }[];
  /** Identification confidence: containment of the document's fingerprints in the page. */
  score: number;
  /** Share of the document's clauses (by canonical length) found on the page. */
  coverage: number;
  /** Share of the aligned canonical text that the page reproduces word for word. */
  matchRatio: number;
  /** Most of what the page reproduces was reworded: show one strong warning, not every mark. */
  heavilyAltered: boolean;
  /**
   * How the page relates to the document: `reprint` (the document, whole or
   * nearly), `excerpt` (selected parts, or a copy cut short), `quotation`
   * (passages quoted inside the page's own text).
   */
  relation: Relation;
  /** The document's parts (section labels, `''` the preamble) the page reproduces any of, and those it leaves out. */
  parts: { printed: string[]; leftOut: string[] };
  /** Each stretch of page text that reproduces the document, in page order (a clause quoted in two pieces is two). */
  passages: Passage[];
  /** The most frequent substitutions `[canonical, page, count]`, most frequent first. */
  topSubstitutions: [string, string, number][];
  /** Extra field: how many deviations of each kind this document has on the page. */
  deviationCounts: Record<DeviationKind, number>;
  /** Aligned page regions per canonical clause (extra field, used for cross-linking). */
  clauses: AlignedClause[];
}

/** A stretch of the page that reproduces (part of) one canonical clause. */
export interface Passage {
  clauseId: string;
  canonicalStart: number;
  canonicalEnd: number;
  pageStart: number;
  pageEnd: number;
}

/** A canonical clause and the page region it was aligned to. */
export interface AlignedClause {
  clauseId: string;
  /** Canonical label of the clause (`（十四）`, `九、` for section paragraphs, `''` in the preamble). */
  clause: string;
  canonicalStart: number;
  canonicalEnd: number;
  pageStart: number;
  pageEnd: number;
  /** Share of this clause's canonical text reproduced word for word. */
  matchRatio: number;
}

export interface MarkerLink {
  documentId: string;
  /** Canonical label of the clause linked by content. */
  clause: string;
  /** Extra field: id of that clause in the corpus (`c15`, `s6h`). */
  clauseId: string;
  /** The label as printed on the page. */
  label: string;
  pageStart: number;
  pageEnd: number;
}

export interface Deviation {
  documentId: string;
  /** Canonical label of the containing numbered clause, or of the section for unnumbered paragraphs, `''` in the preamble. */
  clause: string;
  kind: DeviationKind;
  canonicalText: string;
  pageText: string;
  canonicalStart: number;
  canonicalEnd: number;
  pageStart: number;
  pageEnd: number;
  /** A number differs (`2035` → `2036`). */
  number: boolean;
}

/**
 * A place where the page follows a reading the corpus records as a known
 * variant of one of its witnesses: documented, so not a deviation.
 */
export interface KnownVariant {
  documentId: string;
  clause: string;
  /** The canonical reading and the one found on the page. */
  adopted: string;
  found: string;
  /** The witness that has the page's reading, and how the corpus settled it. */
  witness: string;
  note: string;
  pageStart: number;
  pageEnd: number;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  documents: DocumentMatch[];
  markers: MarkerLink[];
  deviations: Deviation[];
  /** Extra field: readings the corpus documents as variants (not counted as deviations). */
  knownVariants: KnownVariant[];
  timings: { totalMs: number };
  /**
   * Extra field, set when only the start of a very long page was checked:
   * `analysed` of its `total` characters (offsets stay valid: they index the
   * analysed start of the page text).
   */
  pageText?: { analysed: number; total: number };
  /**
   * Extra field, set when the page is in traditional characters: it was
   * identified and compared as converted to simplified characters (the
   * conversion is never a deviation); `pageText` and offsets are the page's own.
   */
  traditional?: true;
  /**
   * Extra field, set by the content script only (never by the engine or the
   * CLI): the page removed or altered Yuanwen's UI or deviation marks this
   * many times since it loaded; each time they were put back.
   */
  pageInterference?: { restored: number };
}

export function emptyReport(totalMs = 0): Report {
  return { schema: REPORT_SCHEMA, documents: [], markers: [], deviations: [], knownVariants: [], timings: { totalMs } };
}
