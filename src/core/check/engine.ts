/**
 * The engine's entry point: page text in, report out. Pure: no browser API.
 *
 * (traditional → simplified) → normalize → identify (fingerprints) → place
 * clauses (landmarks) → compare (word diff, reorder, markers) → report with
 * offsets mapped back to the canonical text and the page text as given.
 */
import { placeClausesInSteps } from './align';
import { compareDocumentInSteps, type Comparison } from './compare';
import type { Corpus } from '../corpus/corpus';
import { corpusView, newerVersions, type CorpusView } from '../corpus/corpus-view';
import { identifyInSteps, type Identification } from './identify';
import { QUOTE_COVERED, quotedDocuments, type LongQuote } from './short-quotation';
import { normalize, normalizeInSteps, toOriginalRange, type NormalizedText } from '../text/normalize';
import { isRegionalWording, isTraditional, throughConversion, toSimplified, type ConvertedText } from '../text/traditional';
import {
  emptyReport,
  type Deviation,
  type DeviationKind,
  type DocumentMatch,
  type KnownVariant,
  type MarkerLink,
  type Passage,
  type Report,
} from './report';
import { prepareDocument, preparePageInSteps, type PreparedDocument, type PreparedPage } from './prepare';
import { finish, type Steps } from './steps';

/** Below this share of word-for-word text (over what the page reproduces) the page is a rewrite: one strong warning. */
export const HEAVILY_ALTERED_BELOW = 0.9;
/** A page with fewer CJK characters than this cannot reprint a policy document. */
const MIN_CJK = 60;
const TOP_SUBSTITUTIONS = 10;

/**
 * What a step of `checkInSteps` may ask of its driver, after identification:
 * the texts of these documents (numbers in the corpus view), which a caller
 * keeping texts in storage reads before the next step.
 */
export interface TextsWanted {
  documents: number[];
}

export interface Engine {
  check(pageText: string): Report;
  /**
   * The same check in steps (./steps.ts), for a driver that runs other work
   * between them: the same report, and one request on the way (`TextsWanted`).
   * `timings.totalMs` counts the time spent in the steps only.
   */
  checkInSteps(pageText: string): Steps<Report, TextsWanted>;
}

/** An engine over the bundled corpus, or over a view of it and packs (corpus-view.ts). */
export function createEngine(source: Corpus | CorpusView): Engine {
  const view = 'fingerprints' in source ? corpusView(source) : source;
  const prepared = new Map<number, PreparedDocument>();
  const documentAt = (i: number) => {
    let d = prepared.get(i);
    if (!d) {
      const doc = view.document(i);
      if (doc) prepared.set(i, (d = prepareDocument(doc)));
    }
    return d;
  };

  function* checkSteps(pageText: string): Steps<Report, TextsWanted> {
    const report = emptyReport();
    if (countCjk(pageText, MIN_CJK) >= MIN_CJK) {
      const { simplified, norm } = yield* readPage(pageText);
      if (simplified) report.traditional = true;
      const found = yield* identifyInSteps(view.index, norm.text);
      const quoted = quotedDocuments(view.index, norm.text).filter((q) => !found.some((f) => q.candidates.includes(f.document)));
      if (found.length > 0 || quoted.length > 0) {
        yield { documents: [...new Set([...found.map((f) => f.document), ...quoted.flatMap((q) => q.candidates)])] };
        const page = yield* preparePageInSteps(pageText, norm, simplified);
        const reported = (doc: PreparedDocument) => report.documents.some((d) => d.id === doc.doc.id);
        for (const identification of found) {
          // Preparing a document the first time is a step of its own.
          if (!prepared.has(identification.document)) yield;
          const doc = documentAt(identification.document);
          // A document also in an earlier part (the same text in two packs) is reported once.
          if (!doc || reported(doc)) continue;
          yield* addDocument(report, doc, page, identification, simplified, newerVersions(view, identification.document));
        }
        // A short quote names its document, or the versions of it that hold the sentence: the newest that the page quotes word for word.
        for (const { quote, candidates, evidence } of quoted) {
          const newestFirst = [...candidates].sort((a, b) => (view.entries[b]?.date ?? '').localeCompare(view.entries[a]?.date ?? ''));
          for (const n of newestFirst) {
            if (!prepared.has(n)) yield;
            const doc = documentAt(n);
            if (!doc || reported(doc)) break;
            const identification = { document: n, evidence, score: evidence / Math.max(1, view.index.sizes[n]) };
            if (yield* addDocument(report, doc, page, identification, simplified, newerVersions(view, n), { quote })) break;
          }
        }
      }
    }
    report.deviations.sort((a, b) => a.pageStart - b.pageStart || a.canonicalStart - b.canonicalStart);
    return report;
  }

  function* checkInSteps(pageText: string): Steps<Report, TextsWanted> {
    const steps = checkSteps(pageText);
    let busyMs = 0;
    for (;;) {
      const started = now();
      const step = steps.next();
      busyMs += now() - started;
      if (step.done) {
        step.value.timings.totalMs = busyMs;
        return step.value;
      }
      yield step.value;
    }
  }

  return {
    check: (pageText) => finish(checkInSteps(pageText)),
    checkInSteps,
  };
}

/** A traditional page is read as its simplified counterpart; offsets still index the page's own text. */
function* readPage(pageText: string): Steps<{ simplified: ConvertedText | undefined; norm: NormalizedText }> {
  const traditional = isTraditional(pageText);
  yield;
  const simplified = traditional ? toSimplified(pageText) : undefined;
  if (simplified) yield;
  const norm = simplified ? throughConversion(yield* normalizeInSteps(simplified.text), simplified) : yield* normalizeInSteps(pageText);
  return { simplified, norm };
}

function* addDocument(
  report: Report,
  doc: PreparedDocument,
  page: PreparedPage,
  identification: Identification,
  simplified: ConvertedText | undefined,
  newer: DocumentMatch['newerVersions'],
  { quote }: { quote?: LongQuote } = {},
): Steps<boolean> {
  const placements = yield* placeClausesInSteps(doc, page, quote);
  if (placements.length === 0) return false;
  const comparison = yield* compareDocumentInSteps(doc, page, placements);
  const documentId = doc.doc.id;
  const canonicalRange = (s: number, e: number) => toOriginalRange(doc.norm, s, e);
  const pageRange = (s: number, e: number) => toOriginalRange(page.norm, s, e);

  const raws = simplified ? comparison.deviations.filter((raw) => !regionalWording(doc, page, raw)) : comparison.deviations;
  const all: Deviation[] = raws.map((raw) => {
    const [canonicalStart, canonicalEnd] = canonicalRange(raw.canonicalStart, raw.canonicalEnd);
    const [pageStart, pageEnd] = pageRange(raw.pageStart, raw.pageEnd);
    const canonicalText = raw.canonicalLabel ?? doc.doc.text.slice(canonicalStart, canonicalEnd);
    const pageText = raw.pageLabel ?? page.original.slice(pageStart, pageEnd);
    return {
      documentId,
      clause: reportLabel(doc, raw.clause),
      kind: raw.kind,
      canonicalText,
      pageText,
      canonicalStart,
      canonicalEnd,
      pageStart,
      pageEnd,
      number: raw.kind !== 'marker' && raw.kind !== 'reorder' && !raw.wholeClause && numberChanged(canonicalText, pageText),
    };
  });

  const knownVariants: KnownVariant[] = [];
  const deviations = all.filter((d) => {
    const known = asKnownVariant(doc, d, simplified ? toSimplified(d.pageText).text : d.pageText);
    if (known) knownVariants.push(known);
    return !known;
  });

  const markers: MarkerLink[] = [];
  for (const p of placements) {
    if (!p.marker) continue;
    markers.push({
      documentId,
      clause: reportLabel(doc, p.clause),
      clauseId: doc.doc.clauses[p.clause].id,
      label: p.marker.label,
      pageStart: p.marker.start,
      pageEnd: p.marker.end,
    });
  }

  const match = { ...summarize(doc, page, identification, comparison, deviations), newerVersions: newer };
  if (match.coverage === 0) return false;
  // A short quote is kept only as a link, when the document holds all of it word for word: too little text
  // to tell a changed word from another source, or a sentence of another document that shares a phrase.
  if (quote && (match.relation !== 'quotation' || deviations.length > 0 || !reproducesWhole(comparison, quote))) return false;
  report.documents.push(match);
  report.markers.push(...markers);
  report.deviations.push(...deviations);
  report.knownVariants.push(...knownVariants);
  return true;
}

/** Whether the passages the comparison reproduces cover a quote (normalized page offsets), all but its edges. */
function reproducesWhole(comparison: Comparison, quote: LongQuote): boolean {
  let covered = 0;
  for (const c of comparison.clauses)
    for (const p of c.passages) covered += Math.max(0, Math.min(p.pageEnd, quote.end) - Math.max(p.pageStart, quote.start));
  return covered >= QUOTE_COVERED * (quote.end - quote.start);
}

function summarize(
  doc: PreparedDocument,
  page: PreparedPage,
  identification: Identification,
  comparison: Comparison,
  deviations: Deviation[],
): Omit<DocumentMatch, 'newerVersions'> {
  let total = 0;
  for (const g of doc.clauses) total += g.end - g.bodyStart;
  let reprinted = 0;
  let equal = 0;
  const passages: Passage[] = [];
  const aligned = comparison.clauses.map((c) => {
    let length = 0;
    for (const p of c.passages) {
      length += p.canonicalEnd - p.canonicalStart;
      const [canonicalStart, canonicalEnd] = toOriginalRange(doc.norm, p.canonicalStart, p.canonicalEnd);
      const [pageStart, pageEnd] = toOriginalRange(page.norm, p.pageStart, p.pageEnd);
      passages.push({ clauseId: doc.doc.clauses[c.placement.clause].id, canonicalStart, canonicalEnd, pageStart, pageEnd });
    }
    reprinted += length;
    equal += c.equal;
    const g = doc.clauses[c.placement.clause];
    const [canonicalStart, canonicalEnd] = toOriginalRange(doc.norm, g.start, g.end);
    // The badge goes on the marker, or on the first text the page reproduces (not on the sentence a quote follows).
    const regionStart = c.placement.marker?.normStart ?? Math.max(c.placement.start, c.passages[0]?.pageStart ?? c.placement.start);
    const [pageStart, pageEnd] = toOriginalRange(page.norm, regionStart, c.placement.end);
    return {
      clauseId: doc.doc.clauses[c.placement.clause].id,
      clause: reportLabel(doc, c.placement.clause),
      canonicalStart,
      canonicalEnd,
      pageStart,
      pageEnd,
      matchRatio: length > 0 ? round(c.equal / length) : 0,
    };
  });
  passages.sort((a, b) => a.pageStart - b.pageStart);
  const matchRatio = reprinted > 0 ? equal / reprinted : 0;

  const pairs = new Map<string, [string, string, number]>();
  for (const d of deviations) {
    if (d.kind !== 'substitution') continue;
    const key = `${d.canonicalText}\u0000${d.pageText}`;
    const entry = pairs.get(key);
    if (entry) entry[2]++;
    else pairs.set(key, [d.canonicalText, d.pageText, 1]);
  }
  const topSubstitutions = [...pairs.values()].sort((a, b) => b[2] - a[2]).slice(0, TOP_SUBSTITUTIONS);
  const deviationCounts: Record<DeviationKind, number> = { substitution: 0, insertion: 0, omission: 0, reorder: 0, marker: 0 };
  for (const d of deviations) deviationCounts[d.kind]++;

  return {
    id: doc.doc.id,
    title: doc.doc.title,
    date: doc.doc.date,
    score: round(identification.score),
    coverage: round(total > 0 ? reprinted / total : 0),
    matchRatio: round(matchRatio),
    heavilyAltered: matchRatio < HEAVILY_ALTERED_BELOW,
    relation: comparison.relation.relation,
    parts: { printed: comparison.relation.printed, leftOut: comparison.relation.leftOut },
    passages,
    topSubstitutions,
    deviationCounts,
    clauses: aligned,
  };
}

/** On a traditional page: a word difference that is Taiwan or Hong Kong vocabulary for the canonical words (`資訊` for `信息`). */
function regionalWording(doc: PreparedDocument, page: PreparedPage, raw: Comparison['deviations'][number]): boolean {
  if (raw.kind !== 'substitution' && raw.kind !== 'insertion' && raw.kind !== 'omission') return false;
  if (raw.wholeClause) return false;
  return isRegionalWording(page.norm.text, raw.pageStart, raw.pageEnd, doc.norm.text, raw.canonicalStart, raw.canonicalEnd);
}

/** A substitution that reproduces a variant reading the corpus documents (`reading`: the page's, in simplified characters). */
function asKnownVariant(doc: PreparedDocument, d: Deviation, pageReading: string): KnownVariant | undefined {
  if (d.kind !== 'substitution') return undefined;
  for (const v of doc.doc.variants) {
    if (v.clause !== d.clause) continue;
    const at = doc.doc.text.indexOf(v.adopted);
    if (at < 0 || d.canonicalStart < at || d.canonicalEnd > at + v.adopted.length) continue;
    const reading = v.adopted.slice(0, d.canonicalStart - at) + pageReading + v.adopted.slice(d.canonicalEnd - at);
    if (normalize(reading).text !== normalize(v.rejected).text) continue;
    return {
      documentId: d.documentId,
      clause: d.clause,
      adopted: v.adopted,
      found: v.rejected,
      witness: v.rejectedBy,
      note: v.note,
      pageStart: d.pageStart,
      pageEnd: d.pageEnd,
    };
  }
  return undefined;
}

/**
 * The label a deviation is reported under: the numbered clause's label, the
 * section's for headings and unnumbered paragraphs, `''` in the preamble.
 */
function reportLabel(doc: PreparedDocument, clauseIndex: number): string {
  const clause = doc.doc.clauses[clauseIndex];
  return clause.kind === 'numbered' ? clause.label : clause.section;
}

function numberChanged(a: string, b: string): boolean {
  const digits = (s: string) => (normalize(s).text.match(/[0-9]+(?:\.[0-9]+)?/g) ?? []).join(',');
  return /[0-9０-９]/.test(a + b) && digits(a) !== digits(b);
}

function countCjk(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
