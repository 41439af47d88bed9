/**
 * Traditional-character pages (issue 9): a 50k-character page holding both
 * bundled documents, checked in traditional characters (OpenCC cn → tw, as
 * a mirror site makes it) and as printed in simplified characters, in
 * alternating rounds of one run. Budget: the traditional page in ≤ 2× the
 * time of its simplified counterpart.
 */
import type { Corpus } from '../src/core/corpus/corpus';
import { createEngine } from '../src/core/check/engine';
import { isTraditional, toSimplified } from '../src/core/text/traditional';
import { toTraditional } from '../tests/fixtures/traditional';
import { OPINION_ID, PLAN_ID, embedded } from './inputs';
import { measure, sample, statsOf } from './measure';
import { ms, type BenchReport } from './report';

const ROUNDS = 3;
const ROUND = { warmupRuns: 3, warmupMs: 100, minRuns: 10, maxRuns: 100, minTimeMs: 400, maxTimeMs: 1500 };
const PAGE_LENGTH = 50_000;

export function runTraditionalSuite(report: BenchReport, corpus: Corpus): void {
  report.section('traditional', `a ${PAGE_LENGTH / 1000}k-character page in traditional characters and in simplified`);
  const texts = [OPINION_ID, PLAN_ID].map((id) => corpus.documents.find((d) => d.id === id)!.text);
  const simplified = embedded(texts.join('\n'), PAGE_LENGTH, 9);
  const traditional = toTraditional(simplified, 'tw');
  const engine = createEngine(corpus);

  for (const [label, page] of [
    ['simplified', simplified],
    ['traditional', traditional],
  ] as const) {
    const r = engine.check(page);
    const found = r.documents
      .map((d) => d.id)
      .sort()
      .join(', ');
    report.info(`  ${label}: result`, `${found || 'no document'}; ${r.deviations.length} deviations; page ${page.length} chars`);
    if (found !== [OPINION_ID, PLAN_ID].sort().join(', ') || r.deviations.length > 0)
      report.warn(`${label} page: expected both documents, faithful`);
  }

  const simplifiedSamples: number[] = [];
  const traditionalSamples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    simplifiedSamples.push(...sample(() => engine.check(simplified), ROUND));
    traditionalSamples.push(...sample(() => engine.check(traditional), ROUND));
  }
  const s = statsOf(simplifiedSamples);
  const t = statsOf(traditionalSamples);
  report.timing('check, simplified page', s);
  report.timing('check, traditional page', t);
  report.ratio('traditional ÷ simplified (medians)', t.median / s.median, 2);
  report.info(
    '  → of which',
    `detection ${ms(measure(() => isTraditional(traditional)).median)}, conversion ${ms(measure(() => toSimplified(traditional)).median)}`,
  );
}
