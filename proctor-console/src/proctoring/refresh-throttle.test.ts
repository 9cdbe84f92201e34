import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshThrottle } from './refresh-throttle.js';

describe('createRefreshThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A run that finishes when the test says so. */
  function controlledRun() {
    const finishers: Array<() => void> = [];
    const run = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finishers.push(resolve);
        }),
    );
    const finish = async () => {
      finishers.shift()?.();
      await vi.advanceTimersByTimeAsync(0);
    };
    return { run, finish };
  }

  it('refreshes at once on the first change', () => {
    const { run } = controlledRun();
    createRefreshThrottle(run, 500).trigger();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('gathers a burst of changes into one more refresh when the interval is up', async () => {
    const { run, finish } = controlledRun();
    const throttle = createRefreshThrottle(run, 500);
    throttle.trigger();
    await finish();
    for (let i = 0; i < 20; i++) {
      await vi.advanceTimersByTimeAsync(20);
      throttle.trigger();
    }
    // 400 ms after the first run: still waiting.
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);
    await finish();
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('never runs more than twice a second under a steady stream of changes', async () => {
    const run = vi.fn(async () => undefined);
    const throttle = createRefreshThrottle(run, 500);
    for (let ms = 0; ms < 5000; ms += 10) {
      throttle.trigger();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(9);
    expect(run.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('does not overlap a slow refresh: changes during it make one run after it', async () => {
    const { run, finish } = controlledRun();
    const throttle = createRefreshThrottle(run, 500);
    throttle.trigger();
    await vi.advanceTimersByTimeAsync(2000);
    throttle.trigger();
    throttle.trigger();
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(1);
    await finish();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs the next refresh after a failed one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const run = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const throttle = createRefreshThrottle(run, 500);
    throttle.trigger();
    await vi.advanceTimersByTimeAsync(600);
    throttle.trigger();
    expect(run).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('runs nothing after dispose', async () => {
    const run = vi.fn(async () => undefined);
    const throttle = createRefreshThrottle(run, 500);
    throttle.trigger();
    await vi.advanceTimersByTimeAsync(0);
    throttle.trigger();
    throttle.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    throttle.trigger();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
