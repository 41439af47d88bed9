/**
 * `npm run bench`: the performance figures of the issues, measured in one
 * run, printed with their budgets and baselines. Medians and 90th
 * percentiles of many timed calls after a warm-up; budgets are compared,
 * never asserted (the exit status is 0 whatever the timings; 2 only when
 * the bench itself fails).
 *
 *   npm run bench                      everything (about a minute)
 *   npx tsx bench/run.ts --only=scale  one suite (engine, traditional, scale)
 *   npx tsx bench/run.ts --quick       shorter sampling, for a smoke run
 *   npx tsx bench/run.ts --json=FILE   also write the figures as JSON
 *   --sizes=10,100,1000 --verbatim=0.05 --spin=0.6   synthetic corpus knobs
 *
 * Suites for later issues (in-page timings in Chromium, highlight
 * re-anchoring) add a module and a line in SUITES.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { runEngineSuite } from './engine-suite';
import { loadBuiltCorpus, loadCorpusSources } from './inputs';
import { gc, setTimeScale } from './measure';
import { BenchReport, ms } from './report';
import { runScaleSuite } from './scale-suite';
import { DEFAULT_SYNTHETIC } from './synthetic-corpus';
import { runTraditionalSuite } from './traditional-suite';

const args = new Map<string, string>();
for (const a of process.argv.slice(2)) {
  const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
  if (!m) {
    console.error(`bench: unknown argument ${a}`);
    process.exit(2);
  }
  args.set(m[1], m[2] ?? '');
}
const numberArg = (name: string, fallback: number) => (args.has(name) ? Number(args.get(name)) : fallback);

const SUITES: Record<string, (report: BenchReport) => void> = {
  engine: (report) => runEngineSuite(report, loadBuiltCorpus()),
  traditional: (report) => runTraditionalSuite(report, loadBuiltCorpus()),
  scale: (report) =>
    runScaleSuite(report, loadCorpusSources(), {
      sizes: (args.get('sizes') ?? '10,100,1000').split(',').map(Number),
      synthetic: {
        verbatim: numberArg('verbatim', DEFAULT_SYNTHETIC.verbatim),
        spin: numberArg('spin', DEFAULT_SYNTHETIC.spin),
      },
    }),
};

const only = args.get('only')?.split(',').filter(Boolean) ?? Object.keys(SUITES);
for (const name of only) {
  if (!SUITES[name]) {
    console.error(`bench: no suite "${name}" (have: ${Object.keys(SUITES).join(', ')})`);
    process.exit(2);
  }
}
if (args.has('quick')) setTimeScale(0.25);

const started = performance.now();
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const load = os.loadavg()[0];
console.log(
  `Yuanwen bench — node ${process.version}, ${cpu} × ${os.cpus().length}, ${os.platform()} ${os.arch()}, load average ${load.toFixed(2)}`,
);
if (load > os.cpus().length * 0.75)
  console.log(`  (the machine is busy: load ${load.toFixed(2)} on ${os.cpus().length} CPUs; expect noisy timings)`);
console.log(
  `Medians and p90 of single calls after warm-up; budgets from the issues are compared, not asserted.${gc ? '' : ' (gc not available: memory figures omitted)'}`,
);

const report = new BenchReport();
try {
  for (const name of only) SUITES[name](report);
} catch (e) {
  console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(2);
}
report.summary();
console.log(`  bench took ${ms(performance.now() - started).replace(' ms', '')} ms`);

const jsonFile = args.get('json');
if (jsonFile) {
  writeFileSync(
    jsonFile,
    JSON.stringify(
      {
        node: process.version,
        cpu,
        date: new Date().toISOString(),
        figures: report.json,
        budgets: report.budgets,
        warnings: report.warnings,
      },
      null,
      2,
    ),
  );
  console.log(`  figures written to ${jsonFile}`);
}
