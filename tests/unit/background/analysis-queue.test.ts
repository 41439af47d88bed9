/**
 * The background's analysis queue (src/background/analysis-queue.ts) with
 * stand-in work: each step takes one millisecond of a made-up clock, so
 * which job ran when is exact. What it shows: a page's newer request
 * replaces its older one, a closed tab's work stops, a tab that starts
 * asking while another churns gets its answer after a few turns, not after
 * the churning tab's work, and storage reads wait without holding others.
 */
import { describe, expect, it } from 'vitest';
import { AnalysisQueue, awaiting, type Work } from '../../../src/background/analysis-queue';
import { nextTask } from '../../../src/platform/next-task';

function setUp() {
  let clock = 0;
  const log: string[] = [];
  const queue = new AnalysisQueue<string>({ sliceMs: 8, yieldToEvents: nextTask, now: () => clock });
  /** Work of `steps` steps of 1 ms each, answering `name`. */
  function* work(name: string, steps: number): Work<string> {
    for (let i = 0; i < steps; i++) {
      clock++;
      log.push(name);
      yield;
    }
    return name;
  }
  return { queue, log, work };
}

describe('analysis queue', () => {
  it('answers a request replaced by a newer one from the same page as superseded, and runs only the newer', async () => {
    const { queue, log, work } = setUp();
    const first = queue.run(1, 0, work('old', 100));
    await nextTask();
    const second = queue.run(1, 0, work('new', 10));
    expect(await first).toEqual({ done: false, dropped: 'superseded' });
    expect(await second).toEqual({ done: true, value: 'new' });
    expect(log.filter((s) => s === 'old').length).toBeLessThan(100);
    expect(queue.counts).toMatchObject({ analysed: 1, superseded: 1 });
  });

  it('keeps the requests of other frames and tabs', async () => {
    const { queue, work } = setUp();
    const answers = await Promise.all([
      queue.run(1, 0, work('top', 5)),
      queue.run(1, 3, work('frame', 5)),
      queue.run(2, 0, work('other', 5)),
    ]);
    expect(answers).toEqual(['top', 'frame', 'other'].map((value) => ({ done: true, value })));
  });

  it("stops a closed tab's work where it is", async () => {
    const { queue, log, work } = setUp();
    const closing = queue.run(1, 0, work('closing', 1000));
    await nextTask();
    queue.tabClosed(1);
    expect(await closing).toEqual({ done: false, dropped: 'tab-closed' });
    const ran = log.length;
    await nextTask();
    expect(log.length).toBe(ran);
    expect(queue.tabsWaiting).toEqual([]);
    expect(queue.counts.tabClosed).toBe(1);
  });

  it('answers a tab that starts asking while another churns after a few turns of each, not after the churning work', async () => {
    const { queue, log, work } = setUp();
    const churning = queue.run(1, 0, work('A', 400));
    for (let i = 0; i < 5; i++) await nextTask();
    const faithful = await queue.run(2, 0, work('B', 30));
    expect(faithful).toEqual({ done: true, value: 'B' });
    // B's 30 steps in slices of 8, alternating with A's slices.
    const beforeBDone = log.slice(0, log.lastIndexOf('B') + 1);
    expect(beforeBDone.filter((s) => s === 'A').length).toBeLessThanOrEqual(5 * 8 + 4 * 8 + 8);
    expect(await churning).toEqual({ done: true, value: 'A' });
  });

  it('lets other work run while a job waits for storage, then resumes it with the value', async () => {
    const { queue, log, work } = setUp();
    let release!: (value: string) => void;
    const stored = new Promise<string>((resolve) => (release = resolve));
    function* reading(): Work<string> {
      const value = yield* awaiting(stored);
      return `read ${value}`;
    }
    const waiting = queue.run(1, 0, reading());
    expect(await queue.run(2, 0, work('other', 20))).toEqual({ done: true, value: 'other' });
    expect(log.length).toBe(20);
    release('text');
    expect(await waiting).toEqual({ done: true, value: 'read text' });
  });

  it('keeps the background awake while work runs, at most once per keepAwakeMs, and not once it is done', async () => {
    let clock = 0;
    const awake: number[] = [];
    const queue = new AnalysisQueue<string>({
      sliceMs: 8,
      yieldToEvents: nextTask,
      now: () => clock,
      keepAwake: () => awake.push(clock),
      keepAwakeMs: 100,
    });
    function* work(): Work<string> {
      for (let i = 0; i < 450; i++) {
        clock++;
        yield;
      }
      return 'done';
    }
    expect(await queue.run(1, 0, work())).toEqual({ done: true, value: 'done' });
    expect(awake).toEqual([8, 112, 216, 320, 424]);
    clock += 1_000;
    await nextTask();
    expect(awake).toHaveLength(5);
  });

  it('rejects a job whose step throws, and goes on with the others', async () => {
    const { queue, work } = setUp();
    function* failing(): Work<string> {
      yield;
      throw new Error('corpus unreadable');
    }
    const failed = queue.run(1, 0, failing());
    const fine = queue.run(2, 0, work('fine', 20));
    await expect(failed).rejects.toThrow('corpus unreadable');
    expect(await fine).toEqual({ done: true, value: 'fine' });
    expect(queue.counts.failed).toBe(1);
  });
});
