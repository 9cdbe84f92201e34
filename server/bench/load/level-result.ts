/** What one level measured, and the generators' reports merged into one. */
import type { GeneratorResult } from './messages.js';
import type { Percentiles } from './percentiles.js';
import type { ActivitySummary } from './pg-activity.js';
import type { CpuSummary } from './sampler.js';
import type { Verification } from './verify.js';

export interface LevelResult {
  students: number;
  windowSeconds: number;
  /** Seconds from the end of the ramp to the window; steady = the joining backlog had cleared. */
  windowAfterRampSeconds: number;
  steady: boolean;
  setupSeconds: number;
  answersPerSecond: number;
  latency: Percentiles;
  /** The highest ack p99 of any 5 s slice of the window. */
  worstSliceP99Ms: number;
  /** Answers sent before the window: while students were still joining and the load settled. */
  joiningLatency: Percentiles;
  /** Attempts started per second while every student pressed Next (before the ramp). */
  startsPerSecond: number;
  startLatency: Percentiles;
  connectLatency: Percentiles;
  errorCodes: Record<string, number>;
  joinErrors: Record<string, number>;
  timeouts: number;
  lateAcks: number;
  disconnects: number;
  okAcks: number;
  verification: Verification;
  cpu: CpuSummary;
  /** The server's PostgreSQL connections in the window. */
  pgActivity: ActivitySummary;
  /** PostgreSQL transactions in the window per answer sent in it (statistics lag ~1 s). */
  transactionsPerAnswer: number;
  generatorLoopDelayP99Ms: number;
  serverComplaints: Record<string, number>;
}

function merge(into: Record<string, number>, from: Record<string, number>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  return into;
}

export function combine(results: GeneratorResult[]) {
  const sum = (f: (r: GeneratorResult) => number) => results.reduce((a, r) => a + f(r), 0);
  return {
    latencies: results.flatMap((r) => r.latencies),
    sentAt: results.flatMap((r) => r.sentAt),
    unackedSentAt: results.flatMap((r) => r.unackedSentAt),
    okAcks: sum((r) => r.okAcks),
    timeouts: sum((r) => r.timeouts),
    lateAcks: sum((r) => r.lateAcks),
    disconnects: sum((r) => r.disconnects),
    errorCodes: results.reduce((a, r) => merge(a, r.errorCodes), {}),
    joinErrors: results.reduce((a, r) => merge(a, r.joinErrors), {}),
    startLatencies: results.flatMap((r) => r.startLatencies),
    connectLatencies: results.flatMap((r) => r.connectLatencies),
    acked: results.flatMap((r) => r.acked),
    loopDelay: Math.max(...results.map((r) => r.loopDelayP99Ms)),
  };
}
