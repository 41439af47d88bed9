/**
 * Synthetic corpora for the scaling benchmark: N valid corpus sources
 * (header, `---`, preamble, sections `一、…` in sequence, clauses `（一）…`
 * in sequence), always including the two real documents, the rest made by
 * recombining sentences of the seeds.
 *
 * Real policy documents share boilerplate and stock sentences but are not
 * made of each other's sentences: a corpus of 1,000 documents drawn
 * verbatim from ~1,000 seed sentences would put every sentence of the
 * Opinion into ~100 other documents, which no real corpus does. So each
 * synthetic document
 *   - takes sentences from the pool (Opinion, Plan, unrelated seed articles),
 *   - keeps a share of them verbatim (`verbatim`, the stock sentences every
 *     document repeats) and rewords the others with its own word choice:
 *     each two-to-four-character word is swapped, with probability `spin`,
 *     for another word of the same length from the seeds' vocabulary,
 *     consistently within the document (what makes two policy documents on
 *     different subjects differ, and what seed 002 does to the Opinion),
 *   - opens section 一 with a guiding-ideology paragraph built from the
 *     boilerplate list (corpus/boilerplate.txt), as real documents do.
 * `fingerprintSharing` reports how shared the resulting fingerprints are.
 */
import type { CorpusSourceFile } from '../src/core/corpus/build';
import { parseCorpusSource } from '../src/core/corpus/source';
import { chineseNumeral, markerAtLineStart } from '../src/core/text/markers';
import type { FingerprintTable } from '../src/core/corpus/corpus';
import { rng, unrelatedParagraphs } from './inputs';

export interface SyntheticOptions {
  /** Share of sentences copied verbatim from the pool. */
  verbatim: number;
  /** Probability that a word of a reworded sentence is swapped. */
  spin: number;
  /** Length range of a synthetic document's text, in characters. */
  minChars: number;
  maxChars: number;
  seed: number;
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = { verbatim: 0.05, spin: 0.6, minChars: 3000, maxChars: 12000, seed: 20250815 };

interface Pool {
  /** Sentences, each as its word segments (joined they give the sentence). */
  sentences: string[][];
  /** Short headings without sentence punctuation. */
  headings: string[];
  /** CJK words by length (2..4), for rewording. */
  words: Map<number, string[]>;
  boilerplate: string[];
}

const CJK_WORD = /^[\u4e00-\u9fff]{2,4}$/;
const NUMERAL_START = /^[零〇一二两三四五六七八九十百]/;

function buildPool(real: CorpusSourceFile[], boilerplate: string[]): Pool {
  const paragraphs: string[] = [];
  const headings = new Set<string>();
  for (const s of real) {
    const doc = parseCorpusSource(s.file, s.text);
    for (const c of doc.clauses) {
      const body = c.text.slice(c.bodyStart - c.start);
      if (c.kind === 'heading') headings.add(body);
      else paragraphs.push(...body.split('\n'));
      if (c.kind === 'numbered') {
        const lead = body.slice(0, body.indexOf('。'));
        if (lead.length >= 6 && lead.length <= 30 && !/[；：！？]/.test(lead)) headings.add(lead);
      }
    }
  }
  paragraphs.push(...unrelatedParagraphs());

  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const sentences: string[][] = [];
  const words = new Map<number, Set<string>>();
  const seen = new Set<string>();
  for (const p of paragraphs) {
    const clean = p.replace(/\s+/g, '');
    const m = markerAtLineStart(clean);
    const text = m ? clean.slice(m.end) : clean;
    for (const s of text.match(/[^。！？]+[。！？]?/g) ?? []) {
      if (s.length < 8 || seen.has(s)) continue;
      seen.add(s);
      const segs = Array.from(segmenter.segment(s), (x) => x.segment);
      sentences.push(segs);
      for (const w of segs) {
        if (!CJK_WORD.test(w)) continue;
        let set = words.get(w.length);
        if (!set) words.set(w.length, (set = new Set()));
        set.add(w);
      }
    }
  }
  return {
    sentences,
    headings: [...headings].filter((h) => h.length <= 36 && !NUMERAL_START.test(h) && !/[。；：！？]/.test(h)),
    words: new Map([...words].map(([n, set]) => [n, [...set]])),
    boilerplate,
  };
}

function syntheticSource(pool: Pool, index: number, opts: SyntheticOptions): CorpusSourceFile {
  const random = rng(opts.seed + index * 7919);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const between = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  const wording = new Map<string, string>();

  const sentence = (): string => {
    const segs = pick(pool.sentences);
    if (random() < opts.verbatim) return segs.join('');
    return segs
      .map((w) => {
        if (!CJK_WORD.test(w)) return w;
        let swapped = wording.get(w);
        if (swapped === undefined) {
          swapped = random() < opts.spin ? pick(pool.words.get(w.length) ?? [w]) : w;
          wording.set(w, swapped);
        }
        return swapped;
      })
      .join('');
  };
  const sentences = (a: number, b: number) => {
    let s = '';
    for (let n = between(a, b); n > 0; n--) s += sentence();
    return s;
  };
  const heading = (): string => {
    for (;;) {
      const h = sentence().replace(/[。！？]$/, '');
      if (h.length >= 6 && h.length <= 30 && !NUMERAL_START.test(h) && !/[。；：！？]/.test(h)) return h;
      const real = pick(pool.headings);
      if (random() < 0.5) return real;
    }
  };

  const target = between(opts.minChars, opts.maxChars);
  const lines: string[] = [sentences(2, 4)];
  let length = lines[0].length;
  const add = (line: string) => {
    lines.push(line);
    length += line.length + 1;
  };
  let section = 0;
  let clause = 0;
  while (length < target || section < 2) {
    section++;
    add(`${chineseNumeral(section)}、${heading()}`);
    if (section === 1) {
      const phrases = [...pool.boilerplate].sort(() => random() - 0.5).slice(0, between(3, 6));
      add(`${phrases.join('，')}，${sentence()}`);
    } else if (random() < 0.3) {
      add(sentences(1, 2));
    }
    for (let n = between(2, 6); n > 0 && (length < target || clause === 0); n--) {
      clause++;
      add(`（${chineseNumeral(clause)}）${heading()}。${sentences(2, 8)}`);
      if (random() < 0.15) add(`——${sentences(1, 2)}`);
    }
  }
  add(`${chineseNumeral(section + 1)}、加强组织实施`);
  add(sentences(2, 4));

  const n = String(index).padStart(4, '0');
  const header = [
    `id: synthetic-${n}`,
    `title: 关于${heading()}的意见（合成${n}）`,
    'issuer: 合成',
    `date: 20${String(10 + (index % 15)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
    'publisher: bench/synthetic-corpus.ts',
    'collation: 由种子文本的句子重组而成，仅供性能测试',
    '---',
  ];
  return { file: `synthetic/${n}.txt`, text: `${header.join('\n')}\n${lines.join('\n')}\n` };
}

/** `size` corpus sources: the real ones first, then synthetic ones. */
export function syntheticCorpusSources(
  real: CorpusSourceFile[],
  boilerplate: string[],
  size: number,
  options: Partial<SyntheticOptions> = {},
): CorpusSourceFile[] {
  const opts = { ...DEFAULT_SYNTHETIC, ...options };
  const pool = buildPool(real, boilerplate);
  const out = real.slice(0, size);
  for (let i = out.length; i < size; i++) out.push(syntheticSource(pool, i, opts));
  return out;
}

export interface FingerprintSharing {
  /** Share of the document's fingerprints found in more than `limit` documents (dropped by the index). */
  droppedShare: number;
  /** Median number of documents holding one of the document's fingerprints. */
  medianDocumentFrequency: number;
}

/** How shared a document's fingerprints are across the corpus. */
export function fingerprintSharing(table: FingerprintTable, document: number, limit: number): FingerprintSharing {
  const df = new Map<number, number>();
  for (const hashes of table.documents) for (const h of hashes) df.set(h, (df.get(h) ?? 0) + 1);
  const mine = table.documents[document].map((h) => df.get(h) ?? 0).sort((a, b) => a - b);
  const dropped = mine.filter((f) => f > limit).length;
  return {
    droppedShare: mine.length ? dropped / mine.length : 0,
    medianDocumentFrequency: mine.length ? mine[Math.floor(mine.length / 2)] : 0,
  };
}
