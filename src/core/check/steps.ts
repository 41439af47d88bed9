/**
 * Work done in steps: a generator whose every `next()` does a bounded piece
 * (a stage of the check, a clause, a stretch of a long page) and returns.
 * Whoever drives it decides when to go on: the CLI runs it to the end at
 * once (`finish`); the background runs other tabs' work between steps.
 * A step may hand its driver a request (`Y`), answered before the next step.
 */
export type Steps<T, Y = undefined> = Generator<Y | undefined, T, void>;

/** Runs the steps to the end, ignoring their requests, and returns the result. */
export function finish<T, Y>(steps: Steps<T, Y>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Inside a long loop: a step ends every `every` iterations (a power of two). */
export function stepEnds(iteration: number, every: number): boolean {
  return (iteration & (every - 1)) === every - 1;
}
