/**
 * A load-generator process (forked by the runner): simulates its share of the students, then
 * reports what it measured. It runs apart from the server so the server's event loop carries
 * only the server's work.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type {
  GeneratorMessage,
  GoMessage,
  PrepareMessage,
  RunnerMessage,
  WindowMessage,
} from './messages.js';
import { SimulatedStudent } from './student.js';
import { GeneratorTally } from './tally.js';

/** Often enough for the runner to see when the load has settled. */
const PROGRESS_EVERY_MS = 1_000;

const send = (message: GeneratorMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (epochMs: number) => sleep(Math.max(0, epochMs - Date.now()));

const tally = new GeneratorTally();
let students: { slot: number; student: SimulatedStudent }[] = [];
let windowSet: (w: WindowMessage) => void = () => undefined;
const windowKnown = new Promise<WindowMessage>((resolve) => {
  windowSet = resolve;
});

/** Every student presses Next, `concurrency` at a time; those without an attempt sit out. */
async function prepare(m: PrepareMessage): Promise<void> {
  const all = m.students.map((s) => ({
    slot: s.slot,
    student: new SimulatedStudent(m.baseUrl, s.token, tally),
  }));
  const ok = new Set<(typeof all)[number]>();
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const s = all[next++] as (typeof all)[number];
      if (await s.student.startAttempt(m.sittingId)) ok.add(s);
    }
  };
  await Promise.all(Array.from({ length: m.concurrency }, worker));
  students = all.filter((s) => ok.has(s));
  await send({ type: 'prepared', started: students.length, failed: all.length - students.length });
}

async function go(m: GoMessage): Promise<void> {
  tally.ackTimeoutMs = m.ackTimeoutMs;
  const sweeper = setInterval(() => tally.sweep(), 250);
  const progress = setInterval(() => {
    const connected = students.filter((s) => s.student.connected).length;
    void send({ type: 'progress', connected, ...tally.progress() });
  }, PROGRESS_EVERY_MS);
  for (const { slot, student } of students)
    setTimeout(() => student.connect(m), Math.max(0, m.startAt + slot * m.rampMs - Date.now()));

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const w = await windowKnown;
  await at(w.start);
  loopDelay.enable();
  await at(w.end);
  loopDelay.disable();
  for (const { student } of students) student.stop();
  // Every answer still in flight gets its ack or its timeout before the tally is final.
  const drainUntil = performance.now() + m.ackTimeoutMs + 1_000;
  while (tally.inFlight > 0 && performance.now() < drainUntil) await sleep(100);
  clearInterval(sweeper);
  clearInterval(progress);
  await send(tally.result(loopDelay.percentile(99) / 1e6));
  for (const { student } of students) student.close();
}

const fail = (error: unknown) => {
  console.error(error);
  process.exit(1);
};
// The runner is gone (Ctrl-C, crash): nobody will read the results, so stop at once.
process.on('disconnect', () => process.exit(0));
process.on('message', (m: RunnerMessage) => {
  if (m.type === 'prepare') prepare(m).catch(fail);
  else if (m.type === 'go') go(m).then(() => process.exit(0), fail);
  else windowSet(m);
});
void send({ type: 'ready' });
