/**
 * Short quotations (issue 9, item 7): a story that quotes one sentence of a
 * document, 30 characters or so, shares too few fingerprints with it for
 * identification (MIN_EVIDENCE). Such a sentence still identifies its
 * document when it is set in quotation marks and every fingerprint of it
 * that counts points to the same document (or versions of it): phrases that
 * many documents share never count. The engine then keeps the document only
 * if the page quotes it word for word (a link, no warning): a short quote
 * with a changed word is too little text to tell a slip from another source.
 */
import { contentOf, fingerprints } from '../corpus/fingerprint';
import { documentsWith, type CorpusIndex } from '../corpus/fingerprint-index';

/** Content characters a quoted sentence needs to identify a document alone. */
export const SHORT_QUOTE_MIN = 30;
/** Distinct fingerprints of the quote, all pointing to the same documents, that count as evidence. */
export const MIN_QUOTE_FINGERPRINTS = 4;
/** A fingerprint in more documents than this is a shared phrase, no evidence for a short quote; also the most versions one quote may match. */
export const MAX_QUOTE_DOCUMENTS = 3;
/** Share of a short quote the document must reproduce word for word (the rest: punctuation at its edges). */
export const QUOTE_COVERED = 0.9;
/** Longer quoted text is a passage the usual identification sees. */
const MAX_QUOTE_LENGTH = 600;
/** Quotes looked at on one page: a page of many quotes is identified by its fingerprints in full. */
const MAX_QUOTES = 64;

// Raw or normalized text alike (normalization turns every double quote style into '"'), so the
// content script's gate finds on the raw page the quotes the engine finds on the normalized one.
// A quote may run over a line break: print pages break lines inside sentences.
const QUOTE = /[“「｢"＂〝„]([^“”„‟「」｢｣"＂〝〞]{30,600})[”‟」｣"＂〞]/g;

/** A quoted sentence: its text and where it lies in the text it was found in (inside the marks). */
export interface LongQuote {
  text: string;
  start: number;
  end: number;
}

/** The quoted sentences of a text long enough to identify a document alone, in page order. */
export function longQuotes(text: string): LongQuote[] {
  const quotes: LongQuote[] = [];
  for (const m of text.matchAll(QUOTE)) {
    const start = m.index + 1;
    if (m[1].length <= MAX_QUOTE_LENGTH && contentOf(m[1]).length >= SHORT_QUOTE_MIN)
      quotes.push({ text: m[1], start, end: start + m[1].length });
    if (quotes.length >= MAX_QUOTES) break;
  }
  return quotes;
}

/** The distinct fingerprints of each long quote (`prepare` maps a raw quote as the caller's fingerprints need). */
export function quoteFingerprints(text: string, prepare: (quote: string) => string = (q) => q): number[][] {
  return longQuotes(text).map((quote) => Array.from(fingerprints(prepare(quote.text))));
}

/**
 * The documents one quote's fingerprints point to, or none: only
 * fingerprints in at most MAX_QUOTE_DOCUMENTS documents count, at least
 * MIN_QUOTE_FINGERPRINTS of them, and every one must name the candidates
 * (a quote that mixes two documents' words identifies neither).
 */
export function quoteCandidates(hashes: readonly number[], documentsWith: (hash: number) => readonly number[] | undefined): number[] {
  let candidates: number[] | undefined;
  let evidence = 0;
  for (const h of hashes) {
    const docs = documentsWith(h);
    if (!docs || docs.length > MAX_QUOTE_DOCUMENTS) continue;
    candidates = candidates ? candidates.filter((d) => docs.includes(d)) : [...docs];
    if (candidates.length === 0) return [];
    evidence++;
  }
  return candidates && evidence >= MIN_QUOTE_FINGERPRINTS ? candidates : [];
}

/** For a gate that knows only whether a fingerprint is in the corpus: could some quote identify a document? */
export function someQuoteMightIdentify(quotes: readonly number[][], known: (hash: number) => boolean): boolean {
  return quotes.some((hashes) => hashes.filter(known).length >= MIN_QUOTE_FINGERPRINTS);
}

/** A long quote on a normalized page and the documents it may identify alone (see quoteCandidates). */
export interface QuotedDocuments {
  quote: LongQuote;
  candidates: number[];
  /** The quote's distinct fingerprints in the corpus. */
  evidence: number;
}

export function quotedDocuments(index: CorpusIndex, pageNormalized: string): QuotedDocuments[] {
  const found: QuotedDocuments[] = [];
  for (const quote of longQuotes(pageNormalized)) {
    const documents = new Map(Array.from(fingerprints(quote.text), (h) => [h, documentsWith(index, h)]));
    const candidates = quoteCandidates([...documents.keys()], (h) => documents.get(h));
    const evidence = [...documents.values()].filter((d) => d !== undefined).length;
    if (candidates.length > 0) found.push({ quote, candidates, evidence });
  }
  return found;
}
