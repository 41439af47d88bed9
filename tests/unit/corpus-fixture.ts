/**
 * Shared test fixture: the corpus built in memory from `corpus/*.txt` and
 * `corpus/boilerplate.txt` (the same sources `npm run corpus` reads), loaded
 * once per test file, plus the seed texts, clause lookup, and helpers that
 * check a report's offsets.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCorpus, parseBoilerplate, type CorpusSourceFile } from '../../src/core/corpus/build';
import type { CanonicalDocument, Clause, Corpus } from '../../src/core/corpus/corpus';
import { createEngine, type Engine } from '../../src/core/check/engine';
import type { Deviation, Report } from '../../src/core/check/report';
import { normalize, toOriginalRange } from '../../src/core/text/normalize';
import { expect } from 'vitest';
import type { WordBreaks } from '../../src/core/check/diff';
import { prepareDocument } from '../../src/core/check/prepare';
import { segmentByLexicon, segmentWords, wordBoundaries } from '../../src/core/corpus/words';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS_DIR = resolve(ROOT, 'corpus');
const SEEDS_DIR = resolve(ROOT, 'tests/fixtures/seeds');

export const OPINION = 'urban-opinion-2025';
export const PLAN = 'urbanization-plan-2022';

let corpus: Corpus | undefined;
let engine: Engine | undefined;

export function corpusSources(): CorpusSourceFile[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt') && f !== 'boilerplate.txt')
    .sort()
    .map((f) => ({ file: `corpus/${f}`, text: readFileSync(resolve(CORPUS_DIR, f), 'utf8') }));
}

export function boilerplate(): string[] {
  return parseBoilerplate(readFileSync(resolve(CORPUS_DIR, 'boilerplate.txt'), 'utf8'));
}

/** The corpus, built once from the canonical sources. */
export function testCorpus(): Corpus {
  corpus ??= buildCorpus(corpusSources(), boilerplate());
  return corpus;
}

/** One engine over the test corpus, shared (the engine caches prepared documents). */
export function testEngine(): Engine {
  engine ??= createEngine(testCorpus());
  return engine;
}

export function check(page: string): Report {
  return testEngine().check(page);
}

export function doc(id: string): CanonicalDocument {
  const d = testCorpus().documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id} in the test corpus`);
  return d;
}

export const opinion = (): CanonicalDocument => doc(OPINION);
export const plan = (): CanonicalDocument => doc(PLAN);

/**
 * Word boundaries for diffing a canonical text `a` as the engine has them
 * for the opinion: `a` segmented as at build time, a page's words by the
 * opinion's lexicon.
 */
let opinionLexicon: Set<string> | undefined;

export function opinionBreaks(a: string): WordBreaks {
  const starts = new Set(wordBoundaries(segmentWords(a), a.length));
  opinionLexicon ??= prepareDocument(opinion()).lexicon;
  const lexicon = opinionLexicon;
  return { canonical: (i) => starts.has(i), page: (text) => segmentByLexicon(text, lexicon) };
}

/** The clause printed with `label` (`（十五）`, `九、`) in a document. */
export function clauseByLabel(d: CanonicalDocument, label: string): Clause {
  const c = d.clauses.find((x) => x.label === label);
  if (!c) throw new Error(`no clause ${label} in ${d.id}`);
  return c;
}

/** A seed text by its number prefix (`'001'`). */
export function seed(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix + '_'));
  if (!name) throw new Error(`no seed ${prefix}_*.txt`);
  return readFileSync(resolve(SEEDS_DIR, name), 'utf8');
}

// ---------------------------------------------------------------------------
// Report helpers shared by the engine tests.

/** Deviation kinds about the words (not reorder, not labels). */
export const WORDING = new Set(['substitution', 'insertion', 'omission']);

export const wording = (r: Report): Deviation[] => r.deviations.filter((d) => WORDING.has(d.kind));

/** Every offset in the report slices the canonical text and the page to the texts it reports. */
export function expectOffsetsSlice(report: Report, page: string): void {
  expect(report.schema).toBe(2);
  for (const d of report.deviations) {
    const canonical = doc(d.documentId).text;
    const where = `${d.kind} in ${d.clause || 'preamble'}: ${d.canonicalText} → ${d.pageText}`;
    expect(d.canonicalStart, where).toBeLessThanOrEqual(d.canonicalEnd);
    expect(d.pageStart, where).toBeLessThanOrEqual(d.pageEnd);
    expect(canonical.slice(d.canonicalStart, d.canonicalEnd), where).toBe(d.canonicalText);
    expect(page.slice(d.pageStart, d.pageEnd), where).toBe(d.pageText);
    // the kind agrees with which side is empty
    if (d.kind === 'omission') expect(d.pageText, where).toBe('');
    if (d.kind === 'insertion') expect(d.canonicalText, where).toBe('');
    if (d.kind === 'substitution') expect(d.canonicalText !== '' && d.pageText !== '', where).toBe(true);
  }
  for (const m of report.markers) expect(page.slice(m.pageStart, m.pageEnd)).toBe(m.label);
  for (const v of report.knownVariants) expect(v.pageEnd).toBeLessThanOrEqual(page.length);
}

/**
 * Where a phrase occurs in a text, compared after normalization (so it can
 * be written with full-width punctuation whatever the page prints), as an
 * original range. Fails unless it occurs exactly once.
 */
export function locate(text: string, phrase: string): [number, number] {
  const norm = normalize(text);
  const p = normalize(phrase).text;
  const at = norm.text.indexOf(p);
  expect(at, `"${phrase}" occurs`).toBeGreaterThanOrEqual(0);
  expect(norm.text.indexOf(p, at + 1), `"${phrase}" occurs once`).toBe(-1);
  return toOriginalRange(norm, at, at + p.length);
}

/** A compact view of a deviation for failure messages and exact-set assertions. */
export const brief = (d: Deviation): string => `${d.clause || '∅'} ${d.kind} ${d.canonicalText}→${d.pageText}`;
