import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { CHAOS_LONG, recordChaosRow } from './chaos-report.js';
import { ChaosServer } from './chaos-server.js';
import { checkExamDay, checkedText, type Findings } from './exam-checks.js';
import { ExamDay, recovery } from './exam-day.js';
import { TcpProxy } from './tcp-proxy.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Students working before the fault, and after it is over before they stop and settle. */
const WARM_UP_MS = 2000;
const WORK_AFTER_MS = 3000;
/** Time for the outboxes to drain after the students stop, before any deadline comes. */
const SETTLE_MS = 8000;

export const SIZE = CHAOS_LONG
  ? { takers: 20, writers: 5, pagesPerWriter: 12 }
  : { takers: 6, writers: 2, pagesPerWriter: 5 };

export interface FaultPlan {
  /** The table's "fault" cell. */
  fault: string;
  /** Where the server keeps its data: PostgreSQL's and Redis's URLs, and how to remove them. */
  services: () => Promise<{ databaseUrl: string; redisUrl: string; cleanup: () => Promise<void> }>;
  /** Students reach the server through a proxy that stands for their network. */
  behindProxy?: boolean;
  /** Longest the fault and its repair may take: the deadlines come after it. */
  outageMs: number;
  /** Does the fault and undoes it (restart, start again, reconnect the network). */
  inject(s: { server: ChaosServer; proxy: TcpProxy | undefined; database: Database }): Promise<void>;
}

export interface FaultResult {
  findings: Findings;
  recovery: { seconds: number; missing: string[] };
  settled: { answersSent: boolean; pagesSent: boolean };
  startedOver: string[];
  retried: number;
  finalRefusals: string[];
  serverOutput: string;
}

/** Runs a computer test and a written exam, injects the fault, and checks what was kept. */
export async function runFault(plan: FaultPlan): Promise<FaultResult> {
  const services = await plan.services();
  const server = new ChaosServer(services.databaseUrl, services.redisUrl);
  let proxy: TcpProxy | undefined;
  let database: Database | undefined;
  let day: ExamDay | undefined;
  const started = Date.now();
  const phase = (name: string) =>
    console.info(`[chaos] ${plan.fault}: ${name} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  try {
    await server.start();
    phase('server up');
    if (plan.behindProxy) {
      proxy = new TcpProxy(server.port);
      await proxy.listen();
    }
    database = await server.openDatabase();
    day = new ExamDay(
      { serverUrl: server.baseUrl, ...(proxy ? { studentUrl: proxy.url } : {}), ...SIZE },
      database,
    );
    await day.open();
    phase('sittings open');
    const deadlineInMs = WARM_UP_MS + plan.outageMs + WORK_AFTER_MS + SETTLE_MS;
    await day.setDeadlines(deadlineInMs);
    const firstDeadline = Date.now() + deadlineInMs - 1000;
    day.begin();
    await wait(WARM_UP_MS);
    const faultAt = Date.now();
    phase('fault');
    await plan.inject({ server, proxy, database });
    phase('fault over');
    await wait(WORK_AFTER_MS);
    await day.comeBack();
    const settled = await day.finishWork(Math.max(1000, firstDeadline - Date.now()), 60_000);
    phase('work settled');
    const rec = recovery(faultAt, day.successesByKind());
    const findings = await checkExamDay(
      day,
      server.dataDir,
      Math.max(0, firstDeadline - Date.now()) + 20_000,
    );
    phase('checked');
    recordChaosRow({
      fault: plan.fault,
      running: `computer test: ${SIZE.takers} students answering (socket.io, acks); written exam: ${SIZE.writers} students uploading ${SIZE.pagesPerWriter} pages each (tus); chat and violations`,
      dataChecked: checkedText(findings),
      lost: findings.lost,
      recoverySeconds: rec.seconds,
    });
    const takers = day.takers.map((t) => t.taker);
    return {
      findings,
      recovery: rec,
      settled,
      startedOver: day.startedOver,
      retried:
        takers.reduce((n, t) => n + t.failures, 0) +
        day.writers.reduce((n, w) => n + w.sheets.failures, 0) +
        day.chat.failures +
        day.violations.failures,
      finalRefusals: takers.flatMap((t) => t.finalRefusals),
      serverOutput: server.output(),
    };
  } catch (error) {
    // The server's own words say why (a crash, a refused start).
    console.error(`[chaos] server output:\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    day?.close();
    await proxy?.close();
    await server.stop();
    await database?.close();
    await server.dropRedisKeys().catch(() => undefined);
    await services.cleanup();
  }
}

/** What every fault must leave: nothing acknowledged lost, the same attempts, deadlines on time. */
export function expectNothingLost(r: FaultResult): void {
  expect(r.findings.losses).toEqual([]);
  expect(r.findings.lost).toBe(0);
  expect(r.findings.brokenChains).toEqual([]);
  expect(r.startedOver).toEqual([]);
  expect(r.finalRefusals).toEqual([]);
  expect(r.settled, 'every queued answer went out before the deadlines, every page after').toEqual({
    answersSent: true,
    pagesSent: true,
  });
  // The fault was felt (some request failed and was sent again), and everything came back.
  expect(r.retried).toBeGreaterThan(0);
  expect(r.recovery.missing).toEqual([]);
  expect(r.findings.answers).toBeGreaterThan(0);
  expect(r.findings.pages).toBeGreaterThan(0);
  expect(r.findings.logEntries).toBeGreaterThan(0);
  for (const d of r.findings.deadlines) {
    // A computer test's time-out policy may void the attempt instead of grading it.
    expect(['timed_out', 'voided'], `attempt ${d.attemptId}`).toContain(d.status);
    expect(d.offByMs, `attempt ${d.attemptId} closed off its deadline`).not.toBeNull();
    expect(Math.abs(d.offByMs as number), `attempt ${d.attemptId}`).toBeLessThanOrEqual(1000);
  }
}
