/**
 * Highlight re-anchoring (issue 5): 200 highlights on the full Opinion page
 * re-anchor in ≤ 50 ms. What a page visit costs the content script, in Node
 * on the page text: `createAnchorer(text)` (normalizes the page once) plus
 * one `anchor()` per highlight; for canonical highlights, one
 * `anchorCanonical()` each against the page's report.
 *
 *   npx tsx bench/highlights.ts            (after npm run corpus)
 *   npx tsx bench/highlights.ts --quick
 *
 * Scenarios, each 200 highlights of 6–30 characters at seeded random places:
 * - unchanged: the page as the highlights were made on it (exact matches);
 * - edited: every highlight's sentence edited (a character changed inside a
 *   quarter of the quotes, text inserted just before another quarter), so
 *   half need the fuzzy search;
 * - orphans: the page with every highlighted passage rewritten, so each
 *   search fails (the worst case);
 * - canonical: highlights made on the faithful page anchored canonically on
 *   the altered reprint (seed 001), through the engine's report.
 *
 * Prints the median and 90th percentile per scenario with the budget ratio
 * (median / 50 ms); exits 0 whatever the timings.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAnchorer } from '../src/core/highlight/anchorer';
import { createEngine } from '../src/core/check/engine';
import type { CanonicalAnchor, HighlightSelectors } from '../src/core/highlight/record';
import { loadBuiltCorpus, OPINION_ID, rng, seed } from './inputs';
import { measure, setTimeScale, type Stats } from './measure';

export const HIGHLIGHTS = 200;
export const BUDGET_MS = 50;

/** `count` ranges of 6–30 non-space-edged characters, not overlapping, sorted. */
function ranges(text: string, count: number, rand: () => number): [number, number][] {
  const out: [number, number][] = [];
  const taken = new Uint8Array(text.length);
  while (out.length < count) {
    const length = 6 + Math.floor(rand() * 25);
    const start = Math.floor(rand() * (text.length - length));
    const end = start + length;
    const piece = text.slice(start, end);
    if (/^\s|\s$|\n/.test(piece)) continue;
    let free = true;
    for (let i = Math.max(0, start - 2); i < Math.min(text.length, end + 2) && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = start; i < end; i++) taken[i] = 1;
    out.push([start, end]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Applies edits (from the end, so offsets stay valid). */
function edit(text: string, edits: { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return out;
}

export interface HighlightBenchResult {
  scenario: string;
  stats: Stats;
  anchored: number;
}

export function runHighlightBench(): HighlightBenchResult[] {
  const corpus = loadBuiltCorpus();
  const opinion = corpus.documents.find((d) => d.id === OPINION_ID);
  if (!opinion) throw new Error(`bench: ${OPINION_ID} is not in generated/corpus.json (run npm run corpus)`);
  const page = opinion.text;
  const rand = rng(20250815);
  const spots = ranges(page, HIGHLIGHTS, rand);
  const describer = createAnchorer(page);
  const selectors: HighlightSelectors[] = spots.map(([s, e]) => describer.describe(s, e));

  const edited = edit(
    page,
    spots.flatMap(([s, e], i) => {
      if (i % 4 === 0) return [{ at: s + ((e - s) >> 1), remove: 1, insert: '某' }];
      if (i % 4 === 1) return [{ at: s, remove: 0, insert: '据悉，' }];
      return [];
    }),
  );
  const rewritten = edit(
    page,
    spots.map(([s, e]) => ({ at: s, remove: e - s, insert: '此处文字已全部改写'.repeat(Math.ceil((e - s) / 9)).slice(0, e - s) })),
  );

  const reanchor = (text: string) => () => {
    const anchorer = createAnchorer(text);
    let found = 0;
    for (const sel of selectors) if (anchorer.anchor(sel)) found++;
    return found;
  };

  // Canonical: anchors made on the faithful page, placed on the altered reprint by its report.
  const engine = createEngine(corpus);
  const faithfulReport = engine.check(page);
  const canonical: CanonicalAnchor[] = [];
  for (const [s, e] of spots) {
    const c = describer.canonicalAnchorFor(faithfulReport, corpus.documents, s, e);
    if (c) canonical.push(c);
  }
  const altered = seed('001');
  const alteredReport = engine.check(altered);
  const reanchorCanonical = () => {
    const anchorer = createAnchorer(altered);
    let found = 0;
    for (const c of canonical) if (anchorer.anchorCanonical(alteredReport, c)) found++;
    return found;
  };

  const scenarios: [string, () => number][] = [
    ['unchanged page', reanchor(page)],
    ['edited page (half fuzzy)', reanchor(edited)],
    ['rewritten passages (all orphans)', reanchor(rewritten)],
    [`canonical on the altered reprint (${canonical.length})`, reanchorCanonical],
  ];
  return scenarios.map(([scenario, fn]) => ({ scenario, anchored: fn(), stats: measure(fn, { minRuns: 20, maxRuns: 200 }) }));
}

function main(): void {
  if (process.argv.includes('--quick')) setTimeScale(0.25);
  const results = runHighlightBench();
  console.log(`Highlights: re-anchor ${HIGHLIGHTS} highlights on the full Opinion page (budget ${BUDGET_MS} ms per page visit)`);
  for (const r of results) {
    const ratio = r.stats.median / BUDGET_MS;
    console.log(
      `  ${r.scenario.padEnd(42)} median ${r.stats.median.toFixed(2).padStart(7)} ms  p90 ${r.stats.p90.toFixed(2).padStart(7)} ms  ` +
        `${(ratio * 100).toFixed(0).padStart(3)}% of budget ${ratio <= 1 ? 'OK' : 'OVER'}  (${r.anchored} anchored)`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
