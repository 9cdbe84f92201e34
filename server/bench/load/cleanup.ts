/**
 * Undo steps (close browsers, stop the server, kill generators, drop the database) registered as they become
 * needed and run newest first: at the end, on an error, or on Ctrl-C.
 */
type Step = { label: string; run: () => Promise<unknown> | unknown };

const steps: Step[] = [];

/** Registers an undo step; the returned function runs it now (once) and forgets it. */
export function onCleanup(label: string, run: Step['run']): () => Promise<void> {
  const step = { label, run };
  steps.push(step);
  return async () => {
    const i = steps.indexOf(step);
    if (i < 0) return;
    steps.splice(i, 1);
    await step.run();
  };
}

let running: Promise<void> | null = null;

/**
 * Runs every registered step, newest first; a failing step is reported and the rest still run.
 * Called again while it runs (Ctrl-C during the run's own cleanup), it waits for the same run.
 */
export function cleanUpAll(): Promise<void> {
  running ??= (async () => {
    while (steps.length) {
      const step = steps.pop() as Step;
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup "${step.label}" failed:`, error);
      }
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

let interrupted = false;
/** Ctrl-C or SIGTERM: clean up, then exit; a second Ctrl-C exits at once. */
export function cleanUpOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error(`\n${signal}: cleaning up (Ctrl-C again to exit at once)…`);
      void cleanUpAll().finally(() => process.exit(130));
    });
}
