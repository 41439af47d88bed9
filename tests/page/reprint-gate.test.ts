import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { contentOf } from '../../src/core/corpus/fingerprint';
import { normalize } from '../../src/core/text/normalize';
import { createPrefilter, type PrefilterTable } from '../../src/core/corpus/prefilter';
import { asciiAlphanumerics, mightReprint } from '../../src/content/reprint-gate';
import { toTraditional } from '../fixtures/traditional';

const ROOT = resolve(import.meta.dirname, '../..');
const table = JSON.parse(readFileSync(resolve(ROOT, 'generated/prefilter.json'), 'utf8')) as PrefilterTable;
const reference = createPrefilter(table);

const files = (dir: string, ext: string) =>
  readdirSync(resolve(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(resolve(ROOT, dir, f), 'utf8') }));

/** What the content script gates on: the body's textContent. */
const pageTexts = files('tests/fixtures/pages', '.html').map(({ name, text }) => ({
  name,
  text: parseHTML(text).document.body?.textContent ?? '',
}));
const seeds = files('tests/fixtures/seeds', '.txt');
const canonical = files('corpus', '.txt')
  .filter((f) => f.name !== 'boilerplate.txt')
  .map(({ name, text }) => ({ name, text: text.slice(text.indexOf('\n---\n') + 5) }));
const traditionalSeeds = seeds.flatMap(({ name, text }) =>
  (['tw', 'hk'] as const).map((locale) => ({ name: `${name} (${locale})`, text: toTraditional(text, locale) })),
);

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seed 001's unrelated article after the reprint: prose that shares nothing with the corpus. */
const filler = seeds[1].text.slice(seeds[1].text.indexOf('(上接第3版)'));

/** Short stretches of canonical text far apart in unrelated prose: evidence spread over many pieces. */
function scattered(seed: number, snippets: number, snippetLength: number): string {
  const random = rng(seed);
  expect(filler.length).toBeGreaterThan(2000);
  const source = canonical[0].text;
  let out = '';
  for (let i = 0; i < snippets; i++) {
    const at = Math.floor(random() * (source.length - snippetLength));
    const from = Math.floor(random() * (filler.length - 400));
    out += filler.slice(from, from + 200 + Math.floor(random() * 200)) + source.slice(at, at + snippetLength);
  }
  return out;
}

describe('reprint gate (content script): the core prefilter, in pieces', () => {
  it('sees the content characters normalization leaves, for every UTF-16 code unit', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (contentOf(normalize(ch).text) !== contentOf(asciiAlphanumerics(ch))) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it.each([...pageTexts, ...seeds, ...canonical, ...traditionalSeeds].map((t) => [t.name, t.text] as const))(
    'agrees with createPrefilter on %s',
    async (_name, text) => {
      const expected = reference.mightReprint(text);
      for (const pieceLength of [64, 500, 2048, 1 << 20]) expect(await mightReprint(text, { pieceLength })).toBe(expected);
    },
  );

  it('says what the fixtures are: reprints yes, the unrelated notice and the English page no', async () => {
    const answers = Object.fromEntries(
      await Promise.all(pageTexts.map(async ({ name, text }) => [name, await mightReprint(text)] as const)),
    );
    expect(answers['unrelated-notice.html']).toBe(false);
    expect(answers['no-chinese.html']).toBe(false);
    for (const name of [
      'xinhua-opinion.html',
      'peoples-daily-print.html',
      'altered-reprint.html',
      'spun-reprint.html',
      'plan-reprint.html',
      'news-quoting-clauses.html',
      'study-compilation.html',
      'story-one-sentence.html', // one quoted sentence: too few hits for a reprint, enough in its quote
    ]) {
      expect(answers[name], name).toBe(true);
    }
  });

  it('counts evidence spread across pieces, near the threshold, as the whole-text prefilter does', async () => {
    let yes = 0;
    let no = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const text = scattered(seed, 1 + (seed % 6), 14 + (seed % 5) * 6);
      const expected = reference.mightReprint(text);
      if (expected) yes++;
      else no++;
      for (const pieceLength of [64, 300, 2048])
        expect(await mightReprint(text, { pieceLength }), `seed ${seed}, pieces of ${pieceLength}`).toBe(expected);
    }
    // Both answers occur: the cases straddle the threshold.
    expect(yes).toBeGreaterThan(0);
    expect(no).toBeGreaterThan(0);
  });

  it('yields between pieces when asked to, and stops when cancelled', async () => {
    const text = scattered(7, 30, 6);
    let yields = 0;
    const answer = await mightReprint(text, {
      pieceLength: 200,
      shouldYield: () => true,
      yieldToPage: async () => void yields++,
      cancelled: () => yields >= 3,
    });
    expect(answer).toBeUndefined();
    expect(yields).toBe(3);
  });
});
