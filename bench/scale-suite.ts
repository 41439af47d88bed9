/**
 * Scaling with the corpus (issue 3, Performance): synthetic corpora of 10,
 * 100 and 1,000 documents (the two real ones included, see
 * synthetic-corpus.ts); identification time on the faithful Opinion page,
 * full check time, index build time and memory for each; the ratio of the
 * largest to the smallest against the budget (≤ 3×).
 */
import { buildCorpus, type CorpusSourceFile } from '../src/core/corpus/build';
import { createEngine } from '../src/core/check/engine';
import { buildFingerprintIndex, identify } from '../src/core/check/identify';
import { normalize } from '../src/core/text/normalize';
import { MAX_DOCUMENT_FREQUENCY, type CorpusIndex } from '../src/core/corpus/fingerprint-index';
import { OPINION_ID, canonicalOpinionPage } from './inputs';
import { measure, retainedBytes, sample, statsOf, timeOnce, type Stats } from './measure';
import { bytes, ms, type BenchReport } from './report';
import { fingerprintSharing, syntheticCorpusSources, type SyntheticOptions } from './synthetic-corpus';

/** Above this many documents a fingerprint is boilerplate (for the sharing figure). */
const SHARING_LIMIT = MAX_DOCUMENT_FREQUENCY;
const ROUNDS = 5;

function postingCount(index: CorpusIndex): number {
  return index.parts.reduce((n, p) => n + p.index.documents.length, 0);
}

export interface ScaleOptions {
  sizes: number[];
  synthetic: Partial<SyntheticOptions>;
}

export function runScaleSuite(
  report: BenchReport,
  real: { sources: CorpusSourceFile[]; boilerplate: string[] },
  options: ScaleOptions,
): void {
  report.section('scale', `identification against synthetic corpora of ${options.sizes.join(', ')} documents`);
  interface Prepared {
    size: number;
    identify: () => unknown;
    check: () => unknown;
    identifySamples: number[];
    checkSamples: number[];
  }
  const prepared: Prepared[] = [];

  for (const size of options.sizes) {
    const generated = timeOnce(() => syntheticCorpusSources(real.sources, real.boilerplate, size, options.synthetic));
    const built = timeOnce(() => buildCorpus(generated.value, real.boilerplate));
    const corpus = built.value;
    const chars = corpus.documents.reduce((n, d) => n + d.text.length, 0);
    const opinion = corpus.documents.findIndex((d) => d.id === OPINION_ID);
    const sharing = fingerprintSharing(corpus.fingerprints, opinion, SHARING_LIMIT);
    const tableBytes = JSON.stringify(corpus.fingerprints).length;

    const { value: index, bytes: indexBytes } = retainedBytes(() => buildFingerprintIndex(corpus.fingerprints));
    const indexBuild = measure(() => buildFingerprintIndex(corpus.fingerprints), {
      warmupRuns: 1,
      minRuns: 3,
      maxRuns: 10,
      minTimeMs: 300,
      maxTimeMs: 2000,
    });

    const page = canonicalOpinionPage(corpus);
    const normalized = normalize(page).text;
    const found = identify(index, normalized);
    const engine = createEngine(corpus);
    const checked = engine.check(page);

    console.log(`  -- ${size} documents --`);
    report.info(
      '  corpus',
      `${chars.toLocaleString('en')} chars; generated in ${ms(generated.ms)}, built (parse + fingerprints) in ${ms(built.ms)}; fingerprint table ${bytes(tableBytes)} as JSON`,
    );
    report.info(
      "  sharing of the Opinion's fingerprints",
      `median in ${sharing.medianDocumentFrequency} documents; ${(sharing.droppedShare * 100).toFixed(1)}% in more than ${SHARING_LIMIT} (boilerplate, not evidence)`,
    );
    report.info(
      '  index',
      `${postingCount(index).toLocaleString('en')} postings; heap ${bytes(indexBytes)}${indexBytes ? ` (${Math.round(indexBytes / postingCount(index))} B per posting)` : ''}; built in ${ms(indexBuild.median)} (median)`,
    );

    const first = found[0] ? corpus.documents[found[0].document].id : 'nothing';
    const others = found.slice(1).map((f) => corpus.documents[f.document].id);
    report.info(
      '  → identified',
      `${[first, ...others].join(', ')}${found[0] ? ` (evidence ${found[0].evidence}, score ${found[0].score.toFixed(3)})` : ''}`,
    );
    if (first !== OPINION_ID) report.warn(`${size} docs: identify put ${first} first on the faithful Opinion page, not ${OPINION_ID}`);
    if (others.length) report.warn(`${size} docs: identify also found ${others.join(', ')} on the faithful Opinion page`);
    if (checked.documents[0]?.id !== OPINION_ID)
      report.warn(`${size} docs: check reported ${checked.documents[0]?.id ?? 'nothing'} first, not ${OPINION_ID}`);
    else if (checked.documents.length > 1)
      report.warn(
        `${size} docs: check also reported ${checked.documents
          .slice(1)
          .map((d) => d.id)
          .join(', ')}`,
      );
    if (checked.deviations.length) report.warn(`${size} docs: ${checked.deviations.length} deviations on the faithful Opinion page`);

    prepared.push({
      size,
      identify: () => identify(index, normalized),
      check: () => engine.check(page),
      identifySamples: [],
      checkSamples: [],
    });
  }

  // Timings in interleaved rounds (10, 100, 1000, 10, 100, …) so that a
  // change in machine load during the run hits every size alike.
  console.log(`  -- timings (${ROUNDS} interleaved rounds, samples pooled) --`);
  const perRound = { warmupRuns: 5, warmupMs: 30, minRuns: 10, maxRuns: 100, minTimeMs: 150, maxTimeMs: 600 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of prepared) {
      p.identifySamples.push(...sample(p.identify, perRound));
      p.checkSamples.push(...sample(p.check, perRound));
    }
  }
  const identifyStats = new Map<number, Stats>();
  const checkStats = new Map<number, Stats>();
  for (const p of prepared) {
    identifyStats.set(p.size, statsOf(p.identifySamples));
    report.timing(`identify, faithful Opinion page (${p.size} docs)`, identifyStats.get(p.size)!);
  }
  for (const p of prepared) {
    checkStats.set(p.size, statsOf(p.checkSamples));
    report.timing(`check, faithful Opinion page (${p.size} docs)`, checkStats.get(p.size)!);
  }

  const small = Math.min(...options.sizes);
  const large = Math.max(...options.sizes);
  if (small !== large) {
    const ratio = (m: Map<number, Stats>) => m.get(large)!.median / m.get(small)!.median;
    console.log('  -- ratios --');
    report.ratio(
      `identify: time(${large}) / time(${small})`,
      ratio(identifyStats),
      3,
      `${ms(identifyStats.get(large)!.median)} / ${ms(identifyStats.get(small)!.median)}`,
    );
    report.ratio(
      `check: time(${large}) / time(${small})`,
      ratio(checkStats),
      3,
      `${ms(checkStats.get(large)!.median)} / ${ms(checkStats.get(small)!.median)}`,
    );
  }
}
