/**
 * One level of the benchmark: a fresh database and Redis prefix, N students set up, one server
 * process, K load generators; ramp, settle, measured window, drain; then acked vs stored, and
 * everything removed again.
 */
import { randomBytes } from 'node:crypto';
import { createBenchSitting } from './bench-sitting.js';
import { onCleanup } from './cleanup.js';
import { forkGenerators } from './generators.js';
import { combine, type LevelResult } from './level-result.js';
import type { Options } from './options.js';
import { percentiles, sentBetween } from './percentiles.js';
import { PgActivity } from './pg-activity.js';
import { Sampler } from './sampler.js';
import { startServer } from './server-process.js';
import { createBenchDatabase, deleteRedisPrefix, REDIS_URL } from './services.js';
import { MAX_STEADY_WAIT_MS, waitUntilSteady } from './steady.js';
import { slices, timeline, worstSliceP99 } from './timeline.js';
import { verifyAnswers } from './verify.js';
import { probeWindow } from './window-probes.js';

const ACK_TIMEOUT_MS = 10_000;
/** startAttempt calls in flight at once while every student presses Next, before the ramp. */
const START_CONCURRENCY = 16;
/** Between the go message and the first connection. */
const START_DELAY_MS = 500;

export async function runLevel(students: number, o: Options): Promise<LevelResult> {
  const log = (text: string) => console.log(`[${students}] ${text}`);
  const setupStarted = performance.now();
  const database = await createBenchDatabase();
  const dropDatabase = onCleanup(`drop ${database.name}`, () => database.drop());
  const queuePrefix = `bench-${randomBytes(4).toString('hex')}`;
  const clearRedis = onCleanup(`redis ${queuePrefix}:*`, () => deleteRedisPrefix(queuePrefix));
  const sitting = await createBenchSitting(database.url, students);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  log(`database ${database.name} ready in ${setupSeconds.toFixed(1)} s`);

  const server = await startServer({
    databaseUrl: database.url,
    redisUrl: REDIS_URL,
    queuePrefix,
    students,
    inspect: o.cpuProfDir !== undefined,
  });
  const stopServer = onCleanup('stop server', () => server.stop());
  log(`server pid ${server.pid} at ${server.baseUrl}`);
  const generators = await forkGenerators(Math.min(o.generators, students));
  const killGenerators = onCleanup('kill load generators', () => generators.kill());
  const startsFrom = performance.now();
  const prepared = await generators.prepare(
    server.baseUrl,
    sitting.sittingId,
    sitting.tokens,
    START_CONCURRENCY,
  );
  const startsPerSecond = prepared.started / ((performance.now() - startsFrom) / 1000);
  log(`${prepared.started} attempts started (${startsPerSecond.toFixed(0)}/s), ${prepared.failed} failed`);
  const sampler = new Sampler(server.pid, generators.pids);
  const stopSampler = onCleanup('stop sampler', () => sampler.stop());
  const activity = await PgActivity.start(database.name);
  const stopActivity = onCleanup('stop pg_stat_activity sampling', () => activity.stop());

  const startAt = Date.now() + START_DELAY_MS;
  const rampMs = o.rampSeconds * 1000;
  generators.go({
    startAt,
    rampMs,
    minGapMs: o.minGapSeconds * 1000,
    maxGapMs: o.maxGapSeconds * 1000,
    ackTimeoutMs: ACK_TIMEOUT_MS,
  });
  let phase = 'ramp';
  const progress = setInterval(() => {
    const p = generators.progress();
    log(
      `${phase}: connected ${p.connected}, sent ${p.sent}, acked ${p.acked}, failed ${p.failed}, oldest unacked ${p.oldestPendingMs.toFixed(0)} ms`,
    );
  }, 10_000);
  const rampEnd = startAt + rampMs;
  const steady = await waitUntilSteady(generators, rampEnd + o.settleSeconds * 1000, MAX_STEADY_WAIT_MS);
  const windowStart = Date.now() + 200;
  const windowEnd = windowStart + o.seconds * 1000;
  generators.window(windowStart, windowEnd);
  phase = 'window';
  log(
    `${steady.steady ? 'steady' : 'NOT steady'} ${((windowStart - rampEnd) / 1000).toFixed(1)} s after the ramp: measuring`,
  );
  setTimeout(() => {
    phase = 'drain';
  }, windowEnd - Date.now()).unref();
  const probes = probeWindow({
    database: database.name,
    students,
    windowStart,
    windowEnd,
    inspectorUrl: server.inspectorUrl,
    profileDir: o.cpuProfDir,
  }).catch((error: unknown) => {
    log(`window probes failed: ${error}`);
    return { transactions: Number.NaN, profile: undefined };
  });

  try {
    const results = await generators.results(windowEnd - Date.now() + ACK_TIMEOUT_MS + 30_000);
    const c = combine(results);
    log(sampler.timeline(startAt, { start: windowStart, end: windowEnd }).join('\n'));
    const windowSlices = slices(c.sentAt, c.latencies, windowStart, windowEnd);
    log(timeline(windowSlices).join('\n'));
    const measured = sentBetween(c, windowStart, windowEnd);
    const joining = sentBetween(c, startAt, windowStart);
    const cpu = sampler.summary(windowStart, windowEnd);
    const pgActivity = activity.summary(windowStart, windowEnd);
    await stopSampler();
    await stopActivity();
    const verification = await verifyAnswers(database.url, c.acked);
    const { transactions, profile } = await probes;
    if (profile) log(profile.join('\n'));
    return {
      students,
      windowSeconds: o.seconds,
      windowAfterRampSeconds: (windowStart - rampEnd) / 1000,
      steady: steady.steady,
      setupSeconds,
      answersPerSecond: measured.sent / o.seconds,
      latency: percentiles(measured.latencies, measured.unacked),
      joiningLatency: percentiles(joining.latencies, joining.unacked),
      worstSliceP99Ms: worstSliceP99(windowSlices),
      startsPerSecond,
      startLatency: percentiles(c.startLatencies),
      connectLatency: percentiles(c.connectLatencies),
      errorCodes: c.errorCodes,
      joinErrors: c.joinErrors,
      timeouts: c.timeouts,
      lateAcks: c.lateAcks,
      disconnects: c.disconnects,
      okAcks: c.okAcks,
      verification,
      cpu,
      pgActivity,
      transactionsPerAnswer: measured.sent ? transactions / measured.sent : 0,
      generatorLoopDelayP99Ms: c.loopDelay,
      serverComplaints: Object.fromEntries(server.complaints),
    };
  } finally {
    clearInterval(progress);
    await stopSampler();
    await stopActivity();
    await killGenerators();
    await stopServer();
    await dropDatabase();
    await clearRedis();
  }
}
