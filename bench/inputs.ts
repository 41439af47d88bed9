/**
 * Benchmark inputs, all made from the repository's own texts: the built
 * corpus, the seeds (tests/fixtures/seeds, see its README) and pages derived
 * from them. Deterministic: the same run makes the same pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Corpus } from '../src/core/corpus/corpus';
import { parseBoilerplate, type CorpusSourceFile } from '../src/core/corpus/build';

export const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'tests', 'fixtures', 'seeds');
const CORPUS_DIR = join(ROOT, 'corpus');

export const OPINION_ID = 'urban-opinion-2025';
export const PLAN_ID = 'urbanization-plan-2022';

/** generated/corpus.json, written by `npm run corpus` (run before the bench by `npm run bench`). */
export function loadBuiltCorpus(): Corpus {
  return JSON.parse(readFileSync(join(ROOT, 'generated', 'corpus.json'), 'utf8')) as Corpus;
}

/** The canonical sources (corpus/*.txt) and the boilerplate list, as the corpus builder reads them. */
export function loadCorpusSources(): { sources: CorpusSourceFile[]; boilerplate: string[] } {
  const files = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt') && f !== 'boilerplate.txt')
    .sort();
  return {
    sources: files.map((f) => ({ file: `corpus/${f}`, text: readFileSync(join(CORPUS_DIR, f), 'utf8') })),
    boilerplate: parseBoilerplate(readFileSync(join(CORPUS_DIR, 'boilerplate.txt'), 'utf8')),
  };
}

export function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`bench: no seed ${prefix}_*.txt in ${SEEDS}`);
  return readFileSync(join(SEEDS, name), 'utf8');
}

/** Lines `[from, to)` (first line containing `from`, up to the first later line containing `to`). */
function between(text: string, from: string, to?: string): string {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.includes(from));
  if (a < 0) throw new Error(`bench: "${from}" not found in seed`);
  const b = to === undefined ? lines.length : lines.findIndex((l, i) => i > a && l.includes(to));
  if (b < 0) throw new Error(`bench: "${to}" not found in seed`);
  return lines.slice(a, b).join('\n');
}

/** The faithful Opinion as a news site prints it: title, date, then the canonical text. */
export function canonicalOpinionPage(corpus: Corpus): string {
  const doc = corpus.documents.find((d) => d.id === OPINION_ID);
  if (!doc) throw new Error(`bench: ${OPINION_ID} missing from the corpus`);
  return `${doc.title}\n（2025年8月15日）\n${doc.text}\n`;
}

/** Seed 003's 材料3: the full Opinion as the compilation prints it (markdown, page-break line joins). */
export function compilationOpinionPage(): string {
  return between(seed('003'), '### 材料3');
}

/**
 * Unrelated Chinese prose from the seeds, one paragraph per entry: 003's
 * 材料1 and 材料2 (provincial meeting reports) and the article appended to
 * 001 (on the Shanghai Cooperation Organisation). None of it reprints the
 * Opinion or the Plan; it does share boilerplate (`习近平新时代中国特色社会主义思想`).
 */
export function unrelatedParagraphs(): string[] {
  const parts = [between(seed('003'), '材料 1', '### 材料3'), between(seed('001'), '(上接第3版)')];
  return parts
    .join('\n')
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .filter((l) => l.length >= 20);
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Exactly `length` characters of unrelated prose: the paragraphs shuffled, repeated as needed, cut at the end. */
export function unrelatedProse(length: number, seedValue: number): string {
  const pool = unrelatedParagraphs();
  const random = rng(seedValue);
  const out: string[] = [];
  let total = 0;
  while (total < length) {
    for (const p of shuffled(pool, random)) {
      out.push(p);
      total += p.length + 1;
      if (total >= length) break;
    }
  }
  return out.join('\n').slice(0, length);
}

/** A page of `length` characters with `inner` in the middle of unrelated prose. */
export function embedded(inner: string, length: number, seedValue: number): string {
  const around = Math.max(0, length - inner.length - 2);
  const before = Math.floor(around / 2);
  return `${unrelatedProse(before, seedValue)}\n${inner}\n${unrelatedProse(around - before, seedValue + 1)}`;
}
