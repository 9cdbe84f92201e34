/**
 * One configuration of the benchmark: N server processes behind the front proxy, two SFU nodes,
 * a fresh database and Redis prefix; the load benchmark's students answering, the same students
 * fetching media tokens and reporting flags, proctors watching on every process and probing
 * delivery; everything removed again afterwards.
 */
import { randomBytes } from 'node:crypto';
import { onCleanup } from '../load/cleanup.js';
import { forkGenerators, type Generators } from '../load/generators.js';
import { combine } from '../load/level-result.js';
import { type Percentiles, percentiles, sentBetween } from '../load/percentiles.js';
import { pidsNamed } from '../load/proc-stats.js';
import { createBenchDatabase, deleteRedisPrefix, REDIS_URL } from '../load/services.js';
import { MAX_STEADY_WAIT_MS, waitUntilSteady } from '../load/steady.js';
import { type Verification, verifyAnswers } from '../load/verify.js';
import { CpuSampler, withChildren } from './cpu-sampler.js';
import type { BackendStats } from './front-proxy.js';
import { startProxyProcess } from './front-proxy-process.js';
import type { ClusterOptions } from './options.js';
import { type ClusterProcess, freePort, startServerProcess, startSfuProcess } from './processes.js';
import { type DeskResult, ProctorDesk } from './proctor-desk.js';
import { placeSittings, sfuNodes } from './sfu-placement.js';
import { createClusterSittings } from './sittings.js';
import { forkStudentExtras } from './student-extras.js';
import type { ExtrasResult } from './student-extras-messages.js';

const ACK_TIMEOUT_MS = 10_000;
const START_CONCURRENCY = 16;
const SFU_NODES = [
  ['sfu-a', 48000],
  ['sfu-b', 48500],
] as const;
const PROBE_STUDENTS_PER_SITTING = 2;

export interface ConfigResult {
  processes: number;
  students: number;
  windowSeconds: number;
  steady: boolean;
  answersPerSecond: number;
  ackedPerSecond: number;
  latency: Percentiles;
  errors: Record<string, number>;
  timeouts: number;
  verification: Verification;
  flagsPerSecond: number;
  flagLatency: Percentiles;
  extras: ExtrasResult;
  /** HTTP requests per second through the proxy in the window, in all and per server process. */
  requestsPerSecond: number;
  requestsPerProcess: number[];
  /** Websockets open on each server process at the end of the window, and how many went there. */
  socketsPerProcess: number[];
  upgradesPerProcess: number[];
  cpu: Record<string, number>;
  delivery: DeskResult;
  /** Per SFU node (in start order): media tokens naming it, peers it announced at the window's end. */
  sfu: { nodeId: string; tokens: number; peers: number; rooms: number }[];
  complaints: Record<string, number>;
}

/** Two generator sets (one per sitting) driven as one. */
function asOne(sets: Generators[]): Generators {
  return {
    pids: sets.flatMap((s) => s.pids),
    prepare: () => Promise.reject(new Error('prepare each set on its own')),
    go: (m) => sets.forEach((s) => s.go(m)),
    window: (start, end) => sets.forEach((s) => s.window(start, end)),
    progress() {
      const all = sets.map((s) => s.progress());
      const sum = (k: 'connected' | 'inFlight' | 'sent' | 'acked' | 'failed') =>
        all.reduce((a, p) => a + p[k], 0);
      return {
        connected: sum('connected'),
        inFlight: sum('inFlight'),
        sent: sum('sent'),
        acked: sum('acked'),
        failed: sum('failed'),
        oldestPendingMs: Math.max(...all.map((p) => p.oldestPendingMs)),
      };
    },
    results: async (timeoutMs) => (await Promise.all(sets.map((s) => s.results(timeoutMs)))).flat(),
    kill: async () => {
      await Promise.all(sets.map((s) => s.kill()));
    },
  };
}

const sleepUntil = (epochMs: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));
const perProcess = (before: BackendStats[], after: BackendStats[], key: 'requests' | 'upgrades') =>
  after.map((s, i) => s[key] - (before[i]?.[key] ?? 0));

export async function runConfiguration(processes: number, o: ClusterOptions): Promise<ConfigResult> {
  const log = (text: string) => console.log(`[${processes} process${processes > 1 ? 'es' : ''}] ${text}`);
  const database = await createBenchDatabase('adal_cluster');
  const dropDatabase = onCleanup(`drop ${database.name}`, () => database.drop());
  const queuePrefix = `cluster-${randomBytes(4).toString('hex')}`;
  const clearRedis = onCleanup(`redis ${queuePrefix}:*`, () => deleteRedisPrefix(queuePrefix));
  const stops: (() => Promise<void>)[] = [];
  const later = (label: string, run: () => unknown) => stops.push(onCleanup(label, run));
  try {
    const sittings = await createClusterSittings(database.url, o.students);
    log(`database ${database.name}: ${o.students} students in two sittings`);
    const settings = {
      databaseUrl: database.url,
      redisUrl: REDIS_URL,
      queuePrefix,
      mediaTokenSecret: randomBytes(32).toString('base64url'),
      // Everyone comes from 127.0.0.1: room enough that the limiter runs but never refuses.
      apiRateLimitPerMinute: Math.max(10_000, 20 * o.students),
    };
    // The proxy's port is known up front: the SFU nodes report media events through it.
    const proxyPort = await freePort();
    const sfus: (ClusterProcess & { nodeId: string })[] = [];
    for (const [nodeId, rtcBase] of SFU_NODES) {
      const sfu = await startSfuProcess(settings, nodeId, rtcBase, `http://127.0.0.1:${proxyPort}`);
      later(`stop ${nodeId}`, () => sfu.stop());
      sfus.push({ nodeId, ...sfu });
    }
    const servers = await Promise.all(
      Array.from({ length: processes }, () => startServerProcess(settings, sfus[0]?.url ?? '')),
    );
    for (const s of servers) later(`stop server ${s.pid}`, () => s.stop());
    const proxy = await startProxyProcess(
      servers.map((s) => s.url),
      proxyPort,
    );
    later('stop the front proxy', () => proxy.stop());
    log(
      `servers ${servers.map((s) => `${s.pid} ${s.url}`).join(', ')}; proxy ${proxy.url}; SFU ${sfus.map((s) => s.url).join(', ')}`,
    );

    const placement = await placeSittings(
      proxy.url,
      REDIS_URL,
      queuePrefix,
      sittings.map((s) => ({ sittingId: s.sittingId, token: s.tokens[0] as string })),
    );
    later('close pilot media sockets', () => placement.close());
    const half = Math.max(1, Math.floor(o.generators / 2));
    const sets = await Promise.all(sittings.map(() => forkGenerators(half)));
    const generators = asOne(sets);
    later('kill load generators', () => generators.kill());
    const prepared = await Promise.all(
      sets.map((set, i) => {
        const s = sittings[i] as (typeof sittings)[number];
        return set.prepare(proxy.url, s.sittingId, s.tokens, START_CONCURRENCY / 2);
      }),
    );
    log(`attempts started: ${prepared.map((p) => `${p.started} (${p.failed} failed)`).join(', ')}`);
    const extras = await forkStudentExtras();
    later('kill student extras', () => extras.kill());
    const media = await extras.start({
      baseUrl: proxy.url,
      sittings: sittings.map((s) => ({ sittingId: s.sittingId, tokens: s.tokens })),
      concurrency: START_CONCURRENCY,
      flagGapMs: o.flagGapSeconds * 1000,
    });
    log(
      `media tokens per SFU node: ${JSON.stringify(media.tokensBySfu)}; errors ${JSON.stringify(media.mediaErrors)}`,
    );
    const desk = await ProctorDesk.open(
      proxy.url,
      processes,
      sittings.map((s) => s.sittingId),
      sittings.flatMap((s) =>
        s.tokens.slice(0, PROBE_STUDENTS_PER_SITTING).map((token, i) => ({
          sittingId: s.sittingId,
          studentId: s.studentIds[i] as string,
          token,
        })),
      ),
    );

    const sampler = new CpuSampler({
      ...Object.fromEntries(servers.map((s, i) => [`server ${i + 1}`, () => [s.pid]])),
      proxy: () => [proxy.pid],
      ...Object.fromEntries(sfus.map((s) => [s.nodeId, withChildren(s.pid)])),
      postgres: () => pidsNamed(['postgres']),
      redis: () => pidsNamed(['redis-server']),
      generators: () => generators.pids,
      extras: () => [extras.pid, process.pid],
    });
    later('stop CPU sampling', () => sampler.stop());

    const progress = setInterval(() => {
      const p = generators.progress();
      log(
        `connected ${p.connected}, sent ${p.sent}, acked ${p.acked}, failed ${p.failed}, oldest unacked ${p.oldestPendingMs.toFixed(0)} ms`,
      );
    }, 10_000);
    later('stop progress', () => clearInterval(progress));
    const startAt = Date.now() + 500;
    const rampMs = o.rampSeconds * 1000;
    generators.go({
      startAt,
      rampMs,
      minGapMs: o.minGapSeconds * 1000,
      maxGapMs: o.maxGapSeconds * 1000,
      ackTimeoutMs: ACK_TIMEOUT_MS,
    });
    const steady = await waitUntilSteady(
      generators,
      startAt + rampMs + o.settleSeconds * 1000,
      MAX_STEADY_WAIT_MS,
    );
    const windowStart = Date.now() + 200;
    const windowEnd = windowStart + o.seconds * 1000;
    generators.window(windowStart, windowEnd);
    // Asked now: a generator sends its result once its acks are in, then exits.
    const generatorResults = generators.results(windowEnd - Date.now() + ACK_TIMEOUT_MS + 30_000);
    log(`${steady.steady ? 'steady' : 'NOT steady'}: measuring ${o.seconds} s`);
    await sleepUntil(windowStart);
    const before = await proxy.stats();
    desk.start(o.probesPerSecond);
    await sleepUntil(windowEnd);
    const after = await proxy.stats();
    const nodes = await sfuNodes(REDIS_URL, queuePrefix);
    const delivery = await desk.stop();
    const results = combine(await generatorResults);
    const extrasResult = await extras.stop(windowStart, windowEnd);
    const cpu = sampler.mean(windowStart, windowEnd);
    const measured = sentBetween(results, windowStart, windowEnd);
    const verification = await verifyAnswers(database.url, results.acked);
    const requestsPerProcess = perProcess(before, after, 'requests').map((n) => n / o.seconds);
    const complaints: Record<string, number> = {};
    for (const s of [...servers, ...sfus])
      for (const [k, v] of s.complaints) complaints[k] = (complaints[k] ?? 0) + v;
    return {
      processes,
      students: o.students,
      windowSeconds: o.seconds,
      steady: steady.steady,
      answersPerSecond: measured.sent / o.seconds,
      ackedPerSecond: measured.latencies.length / o.seconds,
      latency: percentiles(measured.latencies, measured.unacked),
      errors: { ...results.errorCodes, ...results.joinErrors },
      timeouts: results.timeouts,
      verification,
      flagsPerSecond: extrasResult.flagsInWindow / o.seconds,
      flagLatency: percentiles(extrasResult.flagLatencies),
      extras: extrasResult,
      requestsPerSecond: requestsPerProcess.reduce((a, b) => a + b, 0),
      requestsPerProcess,
      socketsPerProcess: after.map((s) => s.openSockets),
      upgradesPerProcess: after.map((s) => s.upgrades),
      cpu,
      delivery,
      sfu: sfus.map((s) => {
        const node = nodes.find((n) => n.nodeId === s.nodeId);
        return {
          nodeId: s.nodeId,
          tokens: extrasResult.tokensBySfu[s.url] ?? 0,
          peers: node?.peers ?? 0,
          rooms: node?.rooms ?? 0,
        };
      }),
      complaints,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    await dropDatabase();
    await clearRedis();
  }
}
