/**
 * Highlights for the library tests and benchmark: many realistic records
 * (quotes cut from the bundled canonical texts, Chinese notes, tags, a few
 * dozen sites, half of them anchored in canonical clauses), deterministic,
 * plus one "needle" whose note holds a word nothing else has.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHighlight, HIGHLIGHT_COLORS, type Highlight } from '../../src/core/highlight/record';
import type { Corpus } from '../../src/core/corpus/corpus';

export const REPO = resolve(import.meta.dirname, '..', '..');

/** The word searched for: in the needle's note only. */
export const NEEDLE_WORD = '期末论文';
export const NEEDLE_NOTE = `写${NEEDLE_WORD}时引用这一条，注意与二〇二二年方案的提法对照。`;

const NOTES = [
  '这一条与去年的提法不同',
  '转载时被删去了半句',
  '留意“统筹”二字',
  '课堂讨论要用',
  '与地方文件对照',
  '数字口径待核实',
  '措辞更严格了',
  '',
  '',
  'compare with the 2022 plan',
];
const TAGS = ['城市更新', '韧性', '治理', '住房', '交通', 'todo', '引用', '对照'];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadCorpus(): Corpus {
  return JSON.parse(readFileSync(resolve(REPO, 'generated', 'corpus.json'), 'utf8')) as Corpus;
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function generateHighlights(count: number, seed = 6): Highlight[] {
  const corpus = loadCorpus();
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const out: Highlight[] = [];
  const start = Date.parse('2025-09-01T08:00:00.000Z');
  for (let i = 0; i < count; i++) {
    const doc = pick(corpus.documents);
    const clause = pick(doc.clauses.filter((c) => c.end - c.bodyStart > 20));
    const length = 8 + Math.floor(random() * 32);
    const from = clause.bodyStart + Math.floor(random() * Math.max(1, clause.end - clause.bodyStart - length));
    const to = Math.min(clause.end, from + length);
    const exact = doc.text.slice(from, to);
    const site = `news${Math.floor(random() * 40)}.example.cn`;
    const tags = random() < 0.4 ? [pick(TAGS)] : random() < 0.2 ? [pick(TAGS), pick(TAGS)] : [];
    const note = i === Math.floor(count / 2) ? NEEDLE_NOTE : pick(NOTES);
    const result = createHighlight(
      {
        url: `https://${site}/${2025}/${(i % 12) + 1}/article-${i % 700}.html`,
        title: `${doc.title.slice(0, 18)}（转载 ${i % 700}）`,
        color: pick(HIGHLIGHT_COLORS),
        note,
        tags,
        selectors: {
          quote: {
            type: 'TextQuoteSelector',
            exact,
            prefix: doc.text.slice(Math.max(0, from - 32), from),
            suffix: doc.text.slice(to, to + 32),
          },
          position: { type: 'TextPositionSelector', start: from + 200, end: to + 200 },
        },
        ...(random() < 0.5
          ? {
              canonical: {
                documentId: doc.id,
                clauseId: clause.id,
                clause: clause.label || (clause.section ?? ''),
                canonicalStart: from,
                canonicalEnd: to,
                exact,
                prefix: doc.text.slice(Math.max(clause.start, from - 32), from),
                suffix: doc.text.slice(to, Math.min(clause.end, to + 32)),
              },
            }
          : {}),
      },
      uuid(random),
      new Date(start + i * 60_000),
    );
    if (!result.ok) throw new Error(`generated highlight ${i} is invalid: ${result.problems.join('; ')}`);
    out.push(result.value);
  }
  return out;
}
