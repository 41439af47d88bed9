/**
 * The documents the engine checks a page against: the bundled corpus and
 * any packs, read through one index (document numbers run on from the
 * bundled documents to each pack's in turn). Texts are asked for by number
 * only once a page is identified, so a view may hold the index and the
 * catalog while the texts stay in storage (the service worker).
 */
import type { CanonicalDocument, Corpus } from './corpus';
import { buildCompactIndex, combineIndexes, type CompactIndex, type CorpusIndex } from './fingerprint-index';
import { documentEntry, type CorpusPack, type DocumentEntry } from './pack';

export interface CorpusView {
  index: CorpusIndex;
  /** Per document number: id, title, series and version date. */
  entries: DocumentEntry[];
  /** The document's full data, or undefined when it is not loaded (then it is not checked). */
  document(n: number): CanonicalDocument | undefined;
}

/** The bundled corpus's index, built from its fingerprint table. */
export function bundledIndex(corpus: Corpus): CompactIndex {
  return buildCompactIndex(corpus.fingerprints.documents);
}

/** A part of a view: a compact index and the entries of its documents, with their texts when at hand. */
export interface ViewPart {
  index: CompactIndex;
  entries: DocumentEntry[];
  documents?: CanonicalDocument[];
}

export function corpusPart(corpus: Corpus): ViewPart {
  return { index: bundledIndex(corpus), entries: corpus.documents.map(documentEntry), documents: corpus.documents };
}

export function packPart(pack: CorpusPack): ViewPart {
  return { index: pack.index, entries: pack.documents.map(documentEntry), documents: pack.documents };
}

/**
 * One view over several parts. `load` supplies, by document number, the
 * texts of parts given without documents (a cache the caller fills).
 */
export function combineParts(parts: ViewPart[], load?: (n: number) => CanonicalDocument | undefined): CorpusView {
  const index = combineIndexes(parts.map((p) => p.index));
  const entries = parts.flatMap((p) => p.entries);
  const documents = parts.flatMap((p) => p.documents ?? p.entries.map(() => undefined));
  return {
    index,
    entries,
    document: (n) => documents[n] ?? load?.(n),
  };
}

export function corpusView(corpus: Corpus, packs: CorpusPack[] = []): CorpusView {
  return combineParts([corpusPart(corpus), ...packs.map(packPart)]);
}

/** The later versions of a document in the view, oldest first. */
export function newerVersions(view: CorpusView, n: number): { id: string; date: string }[] {
  const entry = view.entries[n];
  if (!entry || !entry.date) return [];
  const seen = new Set<string>();
  return view.entries
    .filter((e) => e.series === entry.series && e.date > entry.date && !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({ id: e.id, date: e.date }));
}
