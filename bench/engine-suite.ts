/**
 * Engine on real pages (issue 3, Performance): faithful reprints, seeds 001
 * and 002, a page that reprints nothing, a 300k-character page holding the
 * Opinion. Beside each reprint, the baseline: diff-match-patch `diff_main`
 * of the normalized page against the normalized canonical text, no timeout.
 */
import DiffMatchPatch from 'diff-match-patch';
import type { Corpus } from '../src/core/corpus/corpus';
import { createEngine } from '../src/core/check/engine';
import { identify, indexCorpus } from '../src/core/check/identify';
import { normalize } from '../src/core/text/normalize';
import type { Report } from '../src/core/check/report';
import { OPINION_ID, PLAN_ID, canonicalOpinionPage, compilationOpinionPage, embedded, seed, unrelatedProse } from './inputs';
import { measure, sample, statsOf, timeOnce } from './measure';
import { ms, type BenchReport } from './report';

const STAGE_MEASURE = { minRuns: 20, minTimeMs: 300, maxTimeMs: 1000 };
const ROUNDS = 3;
const ENGINE_ROUND = { warmupRuns: 5, warmupMs: 100, minRuns: 20, maxRuns: 200, minTimeMs: 400, maxTimeMs: 1500 };
const BASELINE_ROUND = { warmupRuns: 1, warmupMs: 0, maxWarmupMs: 3000, minRuns: 2, maxRuns: 30, minTimeMs: 400, maxTimeMs: 2000 };

interface Expectation {
  /** Document ids the report must list, in order. */
  documents: string[];
  /** Whether deviations are expected (false: must be none). */
  deviations?: boolean;
  heavilyAltered?: boolean;
}

interface Case {
  label: string;
  page: string;
  budgetMs?: number;
  /** Canonical document the baseline diffs against. */
  baselineAgainst?: string;
  expect: Expectation;
}

function checkResult(report: BenchReport, c: Case, r: Report): void {
  const found = r.documents.map((d) => d.id);
  const summary = r.documents.length
    ? r.documents
        .map(
          (d) => `${d.id} (score ${d.score}, coverage ${d.coverage}, match ${d.matchRatio}${d.heavilyAltered ? ', heavily altered' : ''})`,
        )
        .join(', ')
    : 'no document';
  report.info('  → result', `${summary}; ${r.deviations.length} deviations; page ${c.page.length} chars`);
  if (found.join(',') !== c.expect.documents.join(',')) {
    report.warn(`${c.label}: expected documents [${c.expect.documents.join(', ')}], got [${found.join(', ')}]`);
  }
  if (c.expect.deviations === false && r.deviations.length > 0) {
    report.warn(`${c.label}: expected no deviations, got ${r.deviations.length} (first: ${JSON.stringify(r.deviations[0]).slice(0, 160)})`);
  }
  if (c.expect.deviations === true && r.deviations.length === 0) report.warn(`${c.label}: expected deviations, got none`);
  if (c.expect.heavilyAltered !== undefined && r.documents[0] && r.documents[0].heavilyAltered !== c.expect.heavilyAltered) {
    report.warn(`${c.label}: expected heavilyAltered=${c.expect.heavilyAltered}`);
  }
}

export function runEngineSuite(report: BenchReport, corpus: Corpus): void {
  report.section('engine', `check on one page, built corpus of ${corpus.documents.length} documents`);

  const cold = timeOnce(() => createEngine(corpus).check(canonicalOpinionPage(corpus)));
  report.info('cold start (createEngine + first check)', `${ms(cold.ms)} once: index build and document preparation included`);

  const engine = createEngine(corpus);
  const index = indexCorpus(corpus);
  const normalizedCanonical = new Map(corpus.documents.map((d) => [d.id, normalize(d.text).text]));

  const opinion = canonicalOpinionPage(corpus);
  const cases: Case[] = [
    {
      label: 'faithful Opinion (canonical text as page)',
      page: opinion,
      budgetMs: 5,
      baselineAgainst: OPINION_ID,
      expect: { documents: [OPINION_ID], deviations: false },
    },
    {
      label: 'faithful Opinion (seed 003 材料3)',
      page: compilationOpinionPage(),
      budgetMs: 5,
      baselineAgainst: OPINION_ID,
      expect: { documents: [OPINION_ID], deviations: false },
    },
    {
      label: 'seed 001 (reordered, ~20 changes)',
      page: seed('001'),
      budgetMs: 10,
      baselineAgainst: OPINION_ID,
      expect: { documents: [OPINION_ID], deviations: true },
    },
    {
      label: 'seed 002 (spun copy)',
      page: seed('002'),
      budgetMs: 25,
      baselineAgainst: OPINION_ID,
      expect: { documents: [OPINION_ID], heavilyAltered: true },
    },
    { label: '10k chars reprinting nothing', page: unrelatedProse(10_000, 1), budgetMs: 1, expect: { documents: [] } },
    {
      label: '300k chars with the Opinion inside',
      page: embedded(opinion, 300_000, 2),
      budgetMs: 100,
      expect: { documents: [OPINION_ID], deviations: false },
    },
    // Informative, no budget in the issue.
    { label: 'seed 003 (whole compilation)', page: seed('003'), expect: { documents: [OPINION_ID], deviations: false } },
    { label: 'seed 004 (the Plan, 50k chars)', page: seed('004'), expect: { documents: [PLAN_ID], deviations: false } },
  ];

  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;

  for (const c of cases) {
    const result = engine.check(c.page);
    // Engine and baseline in alternating rounds, samples pooled: a change in
    // machine load during the run hits both alike.
    const canonical = c.baselineAgainst ? normalizedCanonical.get(c.baselineAgainst)! : undefined;
    const engineSamples: number[] = [];
    const baselineSamples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      engineSamples.push(...sample(() => engine.check(c.page), ENGINE_ROUND));
      if (canonical !== undefined) baselineSamples.push(...sample(() => dmp.diff_main(normalize(c.page).text, canonical), BASELINE_ROUND));
    }
    const stats = statsOf(engineSamples);
    const baseline = canonical !== undefined ? { label: 'dmp diff_main', stats: statsOf(baselineSamples) } : undefined;
    report.timing(c.label, stats, c.budgetMs, baseline);
    checkResult(report, c, result);

    // Where the time goes, by public stage: normalize, identify (fingerprints + lookup), the rest.
    const norm = normalize(c.page).text;
    const tNorm = measure(() => normalize(c.page), STAGE_MEASURE).median;
    const tIdent = measure(() => identify(index, norm), STAGE_MEASURE).median;
    report.info(
      '  → stages (medians)',
      `normalize ${ms(tNorm)}, identify ${ms(tIdent)}, align+compare+report ≈ ${ms(Math.max(0, stats.median - tNorm - tIdent))}`,
    );
  }
  report.info(
    'baseline',
    'dmp = diff-match-patch diff_main(normalize(page), normalized canonical text), Diff_Timeout = 0, page normalization included',
  );
}
