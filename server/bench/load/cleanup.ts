/**
 * Undo steps (drop the database, stop the server, kill generators) registered as they become
 * needed and run newest first: at the end of a level, on an error, or on Ctrl-C.
 */
type Step = { label: string; run: () => Promise<unknown> | unknown };

const steps: Step[] = [];

/** Registers an undo step; calling the returned function runs it now (once) and forgets it. */
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

/** Runs every registered step, newest first; a failing step is reported and the rest still run. */
export async function cleanUpAll(): Promise<void> {
  while (steps.length) {
    const step = steps.pop() as Step;
    try {
      await step.run();
    } catch (error) {
      console.error(`cleanup "${step.label}" failed:`, error);
    }
  }
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
