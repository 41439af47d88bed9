/**
 * The canonical corpus as plain data: what the corpus builder writes and
 * everything else (engine, viewer, CLI) reads. Versioned by `CORPUS_SCHEMA`.
 */

/** 2: documents carry their word segmentation (`wordLengths`). */
export const CORPUS_SCHEMA = 2;

/** A witness: one of the sources the canonical text was collated from. */
export interface Witness {
  /** Short name used in notes, e.g. a seed file or a newspaper edition. */
  id: string;
  description: string;
}

/** A reading where witnesses disagree, and how it was settled. */
export interface Variant {
  /** Canonical label of the clause it occurs in, e.g. `（十七）`. */
  clause: string;
  /** The reading adopted in the canonical text. */
  adopted: string;
  /** The rejected reading… */
  rejected: string;
  /** …and the witness that has it. */
  rejectedBy: string;
  note: string;
}

export type ClauseKind =
  /** A section heading such as `一、总体要求`. */
  | 'heading'
  /** A numbered clause such as `（一）…`, possibly several paragraphs long. */
  | 'numbered'
  /** An unnumbered paragraph: the preamble, or a section's lead text. */
  | 'paragraph';

/**
 * The unit of alignment: a heading, a numbered clause or an unnumbered
 * paragraph. Offsets are UTF-16 indices into `CanonicalDocument.text`.
 */
export interface Clause {
  /** Stable id: `s3` (section heading), `c14` (numbered clause), `s9p1`, `s0p1` (paragraphs). */
  id: string;
  kind: ClauseKind;
  /** The label as printed in the canonical copy (`一、`, `（十四）`), `''` for paragraphs. */
  label: string;
  /** Label of the section it belongs to (`六、`), `''` for the preamble. */
  section: string;
  /** Where the whole clause starts, label included. */
  start: number;
  /** Where the text after the label starts. */
  bodyStart: number;
  end: number;
  /** `text.slice(start, end)`, kept for readers of the data. */
  text: string;
}

export interface Section {
  /** `s0` is the preamble (no label); `s1`… follow the document's numbering. */
  id: string;
  label: string;
  heading: string;
  start: number;
  end: number;
  /** Ids of the clauses in this section, in order, heading first. */
  clauseIds: string[];
}

export interface DocumentMetadata {
  id: string;
  title: string;
  issuer: string;
  /** Document number such as `发改规划〔2022〕960号`, `''` where there is none. */
  number: string;
  /** Date of the document, ISO `YYYY-MM-DD`. */
  date: string;
  publisher: string;
  witnesses: Witness[];
  /** How the witnesses were collated, in a sentence or two. */
  collation: string;
  variants: Variant[];
  /**
   * Provenance of documents from packs (pack.ts): the key shared by every
   * version of one document (its title by default), SHA-256 (hex) of `text`,
   * and where the text came from (a file in the pack's folder, or a URL).
   */
  series?: string;
  sha256?: string;
  source?: string;
  /** When the reader saved it from the web page `source` (ISO time; saved-page.ts). */
  savedAt?: string;
}

export interface CanonicalDocument extends DocumentMetadata {
  schema: typeof CORPUS_SCHEMA;
  /** The full canonical text, paragraphs separated by `\n`. */
  text: string;
  sections: Section[];
  clauses: Clause[];
  /**
   * The words of `text`, segmented when the document was built (see
   * words.ts): deviations widen to these, the same in every engine.
   */
  wordLengths: string;
}

/** Fingerprints precomputed at build time (see fingerprint.ts). */
export interface FingerprintTable {
  k: number;
  w: number;
  /** Per document (same order as `documents`), its distinct fingerprints, sorted. */
  documents: number[][];
  /** Fingerprints of boilerplate shared by many policy texts: never evidence. */
  stop: number[];
}

/** Everything bundled with the extension: the documents and their fingerprints. */
export interface Corpus {
  schema: typeof CORPUS_SCHEMA;
  documents: CanonicalDocument[];
  fingerprints: FingerprintTable;
}

export function numberedClauses(doc: CanonicalDocument): Clause[] {
  return doc.clauses.filter((c) => c.kind === 'numbered');
}

/** The clause containing a canonical offset, or undefined between clauses. */
export function clauseAt(doc: CanonicalDocument, offset: number): Clause | undefined {
  return doc.clauses.find((c) => c.start <= offset && offset < c.end);
}
