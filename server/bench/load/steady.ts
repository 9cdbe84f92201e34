/**
 * When to start measuring: the ramp is over, no student is still connecting, and no answer has
 * waited long for its ack — so a backlog left by the joining rush is not counted as the steady
 * state's latency. If the load never settles, measuring starts anyway after a limit (and the
 * report says so): a server that cannot keep up must show it.
 */
import type { Generators } from './generators.js';

/** Oldest unacknowledged answer younger than this: no backlog. */
export const SETTLED_PENDING_MS = 300;
/** Consecutive one-second checks that must all look settled. */
export const SETTLED_CHECKS = 5;
/** How long after the ramp and settle time the load may take to become steady. */
export const MAX_STEADY_WAIT_MS = 45_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntilSteady(generators: Generators, notBefore: number, maxWaitMs: number) {
  await sleep(notBefore - Date.now());
  const giveUpAt = Date.now() + maxWaitMs;
  let lastConnected = -1;
  let settled = 0;
  while (Date.now() < giveUpAt) {
    const p = generators.progress();
    settled = p.connected === lastConnected && p.oldestPendingMs < SETTLED_PENDING_MS ? settled + 1 : 0;
    lastConnected = p.connected;
    if (settled >= SETTLED_CHECKS) return { steady: true, waitedMs: Date.now() - notBefore };
    await sleep(1_000);
  }
  return { steady: false, waitedMs: Date.now() - notBefore };
}
