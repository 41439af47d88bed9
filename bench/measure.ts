/**
 * Timing and memory measurement. Every figure is a distribution of single
 * calls timed with `performance.now()` after a warm-up; the bench reports
 * the median and the 90th percentile. Nothing here asserts a timing.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

export interface Stats {
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

export interface MeasureOptions {
  /** Warm-up: at least this many calls and this many milliseconds (whichever takes longer, capped by `maxWarmupMs`). */
  warmupRuns: number;
  warmupMs: number;
  maxWarmupMs: number;
  /** Sampling: at least `minRuns` calls and `minTimeMs`, at most `maxRuns` calls or `maxTimeMs`. */
  minRuns: number;
  maxRuns: number;
  minTimeMs: number;
  maxTimeMs: number;
}

export const DEFAULT_MEASURE: MeasureOptions = {
  warmupRuns: 10,
  warmupMs: 150,
  maxWarmupMs: 2000,
  minRuns: 30,
  maxRuns: 400,
  minTimeMs: 600,
  maxTimeMs: 3000,
};

let scale = 1;
/** Shrink every time budget of the harness (`--quick`). */
export function setTimeScale(factor: number): void {
  scale = factor;
}

/** Results land here so the optimiser cannot drop the measured call. */
export let sink: unknown;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i];
}

export function statsOf(samples: number[]): Stats {
  const sorted = samples.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { runs: sorted.length, median, p90: percentile(sorted, 0.9), min: sorted[0], max: sorted[sorted.length - 1] };
}

export function measure(fn: () => unknown, options: Partial<MeasureOptions> = {}): Stats {
  return statsOf(sample(fn, options));
}

/** The timed samples behind `measure` (ms per call), for pooling rounds of interleaved measurements. */
export function sample(fn: () => unknown, options: Partial<MeasureOptions> = {}): number[] {
  const o = { ...DEFAULT_MEASURE, ...options };
  const now = () => performance.now();

  const warmStart = now();
  for (let i = 0; ; i++) {
    const elapsed = now() - warmStart;
    if ((i >= o.warmupRuns && elapsed >= o.warmupMs * scale) || elapsed >= o.maxWarmupMs * scale) break;
    sink = fn();
  }

  const samples: number[] = [];
  const start = now();
  for (;;) {
    const elapsed = now() - start;
    if (samples.length >= o.maxRuns) break;
    if (samples.length >= o.minRuns && elapsed >= o.minTimeMs * scale) break;
    if (samples.length >= Math.min(o.minRuns, 3) && elapsed >= o.maxTimeMs * scale) break;
    const t0 = now();
    sink = fn();
    samples.push(now() - t0);
  }
  return samples;
}

/** `global.gc`, exposed at run time when node was not started with `--expose-gc`. */
export const gc: (() => void) | undefined = (() => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

function settle(): number {
  if (!gc) return process.memoryUsage().heapUsed;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Heap retained by what `build` returns: heapUsed after a full GC with the
 * result alive, minus before. `undefined` bytes when GC cannot be forced.
 */
export function retainedBytes<T>(build: () => T): { value: T; bytes: number | undefined } {
  const before = settle();
  const value = build();
  const after = settle();
  return { value, bytes: gc ? after - before : undefined };
}

export function timeOnce<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}
