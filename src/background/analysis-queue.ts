/**
 * The background's engine work, shared between tabs so that one tab cannot
 * stall another. Each request is work in steps (src/core/check/steps.ts); the
 * queue runs a slice of steps (about `sliceMs`), then returns to the event
 * loop, where new requests and closed tabs are heard, then picks the next:
 *
 * - one job per tab and frame: a newer request from the same page replaces
 *   the one waiting or running, which answers `superseded` at once;
 * - a closed tab's job answers `tab-closed` and is not run further;
 * - fair between tabs: the tab whose work has had the least engine time goes
 *   next (a tab that starts asking starts level with the lightest tab now
 *   working, so tabs alternate slice by slice, and a churning tab gains no
 *   more than any other).
 *
 * Only the jobs in flight are kept (in memory): if the worker is stopped,
 * the senders' messages fail and they ask again (src/content/analysis.ts).
 * No browser API here: the wiring (./analyse.ts) passes in how to yield and
 * how to keep the background awake.
 */

/**
 * Work in steps; a step may hand back a promise (reading storage), which the
 * job waits for while other jobs run, and resumes with its value (`awaiting`).
 */
export type Work<T> = Generator<Promise<unknown> | undefined, T, unknown>;

/** Inside work: waits for `promise` (other jobs run meanwhile) and gives its value. */
export function* awaiting<V>(promise: Promise<V>): Generator<Promise<unknown>, V, unknown> {
  return (yield promise) as V;
}

export type Dropped = 'superseded' | 'tab-closed';
export type Outcome<T> = { done: true; value: T } | { done: false; dropped: Dropped };

/** What the queue has done since the worker started (read by the end-to-end tests in test builds). */
export interface QueueCounts {
  analysed: number;
  superseded: number;
  tabClosed: number;
  failed: number;
}

interface Job<T> {
  tabId: number;
  frameId: number;
  work: Work<T>;
  /** Waiting for a promise a step handed back. */
  waiting: boolean;
  /** That promise's value, for the next step. */
  resumeWith: unknown;
  /** When it last ran (queue order), for round-robin among equals. */
  lastRun: number;
  settle(outcome: Outcome<T>): void;
  fail(error: unknown): void;
}

export interface QueueOptions {
  /** Engine time per turn before the queue returns to the event loop. */
  sliceMs: number;
  /** Resolves after the event loop has run other tasks (messages, tab events). */
  yieldToEvents(): Promise<void>;
  now(): number;
  /**
   * Tells the browser the background is busy, called at most every
   * `keepAwakeMs` while work runs: Firefox unloads an idle event page even
   * while it owes a message its reply, so a long analysis needs it.
   */
  keepAwake?(): void;
  keepAwakeMs?: number;
}

export class AnalysisQueue<T> {
  private jobs: Job<T>[] = [];
  /** Engine ms per tab with work in the queue (forgotten when the tab's work is done). */
  private service = new Map<number, number>();
  private running = false;
  private turns = 0;
  private lastAwake = -Infinity;
  readonly counts: QueueCounts = { analysed: 0, superseded: 0, tabClosed: 0, failed: 0 };

  constructor(private readonly options: QueueOptions) {}

  /** Tabs with a job waiting or running (for tests). */
  get tabsWaiting(): number[] {
    return [...new Set(this.jobs.map((j) => j.tabId))];
  }

  /** Runs `work` for the page in this tab and frame, replacing any job of that page still in the queue. */
  run(tabId: number, frameId: number, work: Work<T>): Promise<Outcome<T>> {
    for (const old of this.jobs.filter((j) => j.tabId === tabId && j.frameId === frameId)) this.drop(old, 'superseded');
    if (!this.service.has(tabId)) {
      const levels = [...this.service.values()];
      this.service.set(tabId, levels.length > 0 ? Math.min(...levels) : 0);
    }
    return new Promise<Outcome<T>>((resolve, reject) => {
      this.jobs.push({ tabId, frameId, work, waiting: false, resumeWith: undefined, lastRun: -1, settle: resolve, fail: reject });
      void this.pump();
    });
  }

  /** The tab is gone: its jobs end unrun. */
  tabClosed(tabId: number): void {
    for (const job of this.jobs.filter((j) => j.tabId === tabId)) this.drop(job, 'tab-closed');
  }

  private drop(job: Job<T>, reason: Dropped): void {
    this.remove(job);
    job.work.return(undefined as T);
    if (reason === 'superseded') this.counts.superseded++;
    else this.counts.tabClosed++;
    job.settle({ done: false, dropped: reason });
  }

  private remove(job: Job<T>): void {
    this.jobs = this.jobs.filter((j) => j !== job);
    if (!this.jobs.some((j) => j.tabId === job.tabId)) this.service.delete(job.tabId);
  }

  /** The runnable job of the tab with the least engine time; among equals, the one that waited longest. */
  private next(): Job<T> | undefined {
    let best: Job<T> | undefined;
    for (const job of this.jobs) {
      if (job.waiting) continue;
      if (!best) {
        best = job;
        continue;
      }
      const a = this.service.get(job.tabId) ?? 0;
      const b = this.service.get(best.tabId) ?? 0;
      if (a < b || (a === b && job.lastRun < best.lastRun)) best = job;
    }
    return best;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.next(); job; job = this.next()) {
        this.turn(job);
        this.stayAwake();
        // New requests and closed tabs are heard here, between turns.
        await this.options.yieldToEvents();
      }
    } finally {
      this.running = false;
    }
  }

  private stayAwake(): void {
    const { keepAwake, keepAwakeMs = 0, now } = this.options;
    if (!keepAwake || now() - this.lastAwake < keepAwakeMs) return;
    this.lastAwake = now();
    keepAwake();
  }

  /** One slice of a job's steps. */
  private turn(job: Job<T>): void {
    const { now, sliceMs } = this.options;
    const started = now();
    job.lastRun = this.turns++;
    try {
      for (;;) {
        const step = job.work.next(job.resumeWith);
        job.resumeWith = undefined;
        if (step.done) {
          this.remove(job);
          this.counts.analysed++;
          job.settle({ done: true, value: step.value });
          break;
        }
        if (step.value) {
          this.wait(job, step.value);
          break;
        }
        if (now() - started >= sliceMs) break;
      }
    } catch (error) {
      this.remove(job);
      this.counts.failed++;
      job.fail(error);
    }
    const tab = this.service.get(job.tabId);
    if (tab !== undefined) this.service.set(job.tabId, tab + (now() - started));
  }

  private wait(job: Job<T>, promise: Promise<unknown>): void {
    job.waiting = true;
    promise.then(
      (value: unknown) => {
        job.waiting = false;
        job.resumeWith = value;
        void this.pump();
      },
      (error: unknown) => {
        if (!this.jobs.includes(job)) return;
        this.remove(job);
        this.counts.failed++;
        job.fail(error);
      },
    );
  }
}
