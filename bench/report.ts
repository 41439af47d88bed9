/**
 * Printing: one line per figure (median, p90, budget, ratio to budget,
 * baseline and ratio to baseline, OK/OVER), warnings for wrong results, and
 * a summary of the budgets. Suites only call `timing`, `ratio`, `info` and
 * `warn`; later suites (in-page timings, highlight re-anchoring) plug in the
 * same way.
 */
import type { Stats } from './measure';

export interface Baseline {
  label: string;
  stats: Stats;
}

export interface BudgetResult {
  suite: string;
  label: string;
  value: number;
  budget: number;
  unit: 'ms' | '×';
  ok: boolean;
}

interface JsonFigure {
  suite: string;
  label: string;
  median?: number;
  p90?: number;
  min?: number;
  runs?: number;
  value?: number;
  unit: string;
  budget?: number;
  baseline?: { label: string; median: number; p90: number; runs: number };
  ok?: boolean;
}

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColour ? `\x1b[${code}m${s}\x1b[0m` : s);
const green = (s: string) => paint('32', s);
const red = (s: string) => paint('31;1', s);
const yellow = (s: string) => paint('33', s);
const dim = (s: string) => paint('2', s);

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  if (x >= 1) return `${x.toFixed(2)} ms`;
  return `${x.toFixed(3)} ms`;
}

function times(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return x >= 10 ? `${x.toFixed(0)}×` : x >= 1 ? `${x.toFixed(2)}×` : `${x.toFixed(3)}×`;
}

export function bytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return 'n/a (no gc)';
  const abs = Math.abs(n);
  if (abs >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (abs >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} kB`;
  return `${n} B`;
}

const LABEL_WIDTH = 46;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

export class BenchReport {
  private suite = '';
  readonly budgets: BudgetResult[] = [];
  readonly warnings: string[] = [];
  readonly json: JsonFigure[] = [];

  /** Start a suite: `name` is its short name in the summary and the JSON. */
  section(name: string, title: string): void {
    this.suite = name;
    console.log(`\n== ${name}: ${title} ==`);
  }

  /** A timed figure: median and p90, against a budget (ms) and a baseline when given. */
  timing(label: string, stats: Stats, budgetMs?: number, baseline?: Baseline): void {
    let line = `  ${pad(label, LABEL_WIDTH)} median ${ms(stats.median).padStart(9)}  p90 ${ms(stats.p90).padStart(9)}  ${dim(`n=${stats.runs}`.padEnd(6))}`;
    let ok: boolean | undefined;
    if (budgetMs !== undefined) {
      ok = stats.median <= budgetMs;
      line += `  budget ≤ ${ms(budgetMs).padEnd(8)} ${times(stats.median / budgetMs).padStart(6)} of budget`;
      this.budgets.push({ suite: this.suite, label, value: stats.median, budget: budgetMs, unit: 'ms', ok });
    }
    if (baseline) {
      line += `  | baseline ${baseline.label} ${ms(baseline.stats.median)} (p90 ${ms(baseline.stats.p90)}, n=${baseline.stats.runs})`;
      line += `  engine/baseline ${times(stats.median / baseline.stats.median)}`;
    }
    if (ok !== undefined) line += `  ${ok ? green('OK') : red('OVER')}`;
    console.log(line);
    this.json.push({
      suite: this.suite,
      label,
      median: stats.median,
      p90: stats.p90,
      min: stats.min,
      runs: stats.runs,
      unit: 'ms',
      budget: budgetMs,
      ok,
      baseline: baseline && { label: baseline.label, median: baseline.stats.median, p90: baseline.stats.p90, runs: baseline.stats.runs },
    });
  }

  /** A ratio between two figures of this run, against a budget ratio. */
  ratio(label: string, value: number, budget: number, detail = ''): void {
    const ok = value <= budget;
    console.log(
      `  ${pad(label, LABEL_WIDTH)} ratio ${times(value).padStart(8)}  budget ≤ ${times(budget)}  ${times(value / budget).padStart(6)} of budget${detail ? `  ${dim(detail)}` : ''}  ${ok ? green('OK') : red('OVER')}`,
    );
    this.budgets.push({ suite: this.suite, label, value, budget, unit: '×', ok });
    this.json.push({ suite: this.suite, label, value, unit: '×', budget, ok });
  }

  /** A figure without a budget (memory, sizes, stage breakdown). */
  info(label: string, text: string): void {
    console.log(`  ${pad(label, LABEL_WIDTH)} ${dim(text)}`);
    this.json.push({ suite: this.suite, label: `${label}: ${text}`, unit: 'info' });
  }

  /** A wrong result: printed at once and again in the summary. Never fatal. */
  warn(message: string): void {
    const m = `[${this.suite}] ${message}`;
    this.warnings.push(m);
    console.log(`  ${yellow(`WARNING: ${message}`)}`);
  }

  summary(): void {
    console.log('\n== Summary ==');
    const met = this.budgets.filter((b) => b.ok);
    const over = this.budgets.filter((b) => !b.ok);
    const fmt = (b: BudgetResult) =>
      `${b.suite} / ${b.label}: ${b.unit === 'ms' ? ms(b.value) : times(b.value)} (budget ≤ ${b.unit === 'ms' ? ms(b.budget) : times(b.budget)})`;
    console.log(`  budgets met: ${met.length} of ${this.budgets.length}`);
    for (const b of met) console.log(`    ${green('OK  ')} ${fmt(b)}`);
    for (const b of over) console.log(`    ${red('OVER')} ${fmt(b)}`);
    if (this.warnings.length) {
      console.log(`  ${yellow(`${this.warnings.length} correctness warning(s):`)}`);
      for (const w of this.warnings) console.log(`    ${w}`);
    } else {
      console.log('  correctness checks: all passed');
    }
  }
}
