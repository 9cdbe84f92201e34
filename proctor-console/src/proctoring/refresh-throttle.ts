/**
 * Runs a refresh when something changed, at most once per `intervalMs`: the first change runs it
 * at once, changes that arrive soon after are gathered into one more run when the interval is
 * up. A run still in flight is never overlapped (nor aborted): changes during it schedule one
 * run after it, so a slow server is not buried under requests it cannot finish.
 */
export interface RefreshThrottle {
  /** Something changed: refresh now, or as soon as allowed. */
  trigger(): void;
  /** Stops: nothing runs after this (a run in flight is left to finish). */
  dispose(): void;
}

export interface ThrottleClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createRefreshThrottle(
  run: () => Promise<unknown>,
  intervalMs: number,
  clock: ThrottleClock = realClock,
): RefreshThrottle {
  let lastStart = Number.NEGATIVE_INFINITY;
  let timer: unknown = null;
  let inFlight = false;
  let pending = false;
  let disposed = false;

  const start = () => {
    timer = null;
    pending = false;
    inFlight = true;
    lastStart = clock.now();
    // The caller shows its own failures; a failed run still frees the throttle for the next.
    run()
      .catch((error: unknown) => console.warn('refresh failed', error))
      .finally(() => {
        inFlight = false;
        if (pending && !disposed) schedule();
      });
  };

  const schedule = () => {
    if (disposed || inFlight || timer !== null) return;
    const wait = lastStart + intervalMs - clock.now();
    if (wait <= 0) start();
    else timer = clock.setTimeout(start, wait);
  };

  return {
    trigger() {
      if (disposed) return;
      pending = true;
      schedule();
    },
    dispose() {
      disposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
