/**
 * Main-thread bookkeeping for one analysis: work runs in slices of about
 * SLICE_MS with the thread given back to the page in between, and the time
 * spent in slices (not the time waited) is what `timings.totalMs` reports.
 */

import { nextTask } from '../platform/next-task';

/** Longest stretch of our work before the page gets the main thread back. */
export const SLICE_MS = 8;

/** A new task after whatever the page has queued (../platform/next-task.ts). */
export const yieldToPage = nextTask;

export class MainThreadClock {
  private busy = 0;
  private longest = 0;
  private sliceStart: number;
  private running = true;

  constructor(private readonly sliceMs = SLICE_MS) {
    this.sliceStart = performance.now();
  }

  /** Whether the current slice has used its time. */
  readonly shouldYield = (): boolean => performance.now() - this.sliceStart >= this.sliceMs;

  /** Ends the current slice, lets the page run, starts the next one. */
  readonly yieldToPage = async (): Promise<void> => {
    this.pause();
    await yieldToPage();
    this.resume();
  };

  /** Ends the current slice without yielding (before awaiting something else, such as a message). */
  pause(): void {
    if (!this.running) return;
    const slice = performance.now() - this.sliceStart;
    this.busy += slice;
    this.longest = Math.max(this.longest, slice);
    this.running = false;
  }

  resume(): void {
    if (this.running) return;
    this.sliceStart = performance.now();
    this.running = true;
  }

  /** Main-thread ms so far (the current slice included). */
  get busyMs(): number {
    return this.busy + (this.running ? performance.now() - this.sliceStart : 0);
  }

  /** The longest slice so far (the current one included). */
  get longestSliceMs(): number {
    return Math.max(this.longest, this.running ? performance.now() - this.sliceStart : 0);
  }
}
