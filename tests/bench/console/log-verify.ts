/**
 * Log verification speed: N entries appended to one student's Chat&log (the server's own
 * appendEntry, in transactions of BATCH entries, straight into the database), then the chain
 * checked through the server's `verifyStudentLog` route (read + verify + JSON, as the console's
 * report panel calls it) and by the pure `verifyChain` in this process, several times each.
 */
import { and, asc, eq } from 'drizzle-orm';
import { openDatabase } from '../../../server/src/db/database.js';
import { appendEntry } from '../../../server/src/violations/append-entry.js';
import { verifyChain } from '../../../server/src/violations/log-chain.js';
import { violationLogEntries } from '../../../server/src/violations/schema.js';

const BATCH = 500;
const REPEATS = 5;

export interface LogVerifyResult {
  entries: number;
  appendPerSecond: number;
  /** Median over REPEATS of the whole HTTP call. */
  routeMs: number;
  routePerSecond: number;
  /** Reading the rows in this process (the route's query), median ms. */
  readMs: number;
  pureMs: number;
  purePerSecond: number;
  ok: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await run();
  return [performance.now() - t, value];
}

export async function measureLogVerification(
  databaseUrl: string,
  baseUrl: string,
  proctorCookie: string,
  sittingId: string,
  studentId: string,
  count: number,
): Promise<LogVerifyResult> {
  const database = await openDatabase({ url: databaseUrl });
  try {
    const db = database.db;
    const appendStart = performance.now();
    for (let done = 0; done < count; done += BATCH)
      await db.transaction(async (tx) => {
        for (let i = done; i < Math.min(count, done + BATCH); i++)
          await appendEntry(tx, {
            sittingId,
            studentId,
            source: 'auto_flag',
            type: i % 3 === 0 ? 'no_face' : i % 3 === 1 ? 'tab_switch' : 'looking_away',
            severity: 'medium',
            text: `bench entry ${i}`,
            evidence: { episodeId: `bench-${i}`, reports: 1 + (i % 7), source: 'browser' },
            durationMs: 1000 + (i % 50) * 100,
            confidence: 50 + (i % 50),
          });
      });
    const appendSeconds = (performance.now() - appendStart) / 1000;

    const url = `${baseUrl}/api/sittings/${sittingId}/students/${studentId}/log/verify`;
    const routeTimes: number[] = [];
    let ok = true;
    let entries = 0;
    for (let r = 0; r < REPEATS; r++) {
      const [ms, body] = await time(async () => {
        const response = await fetch(url, { headers: { cookie: proctorCookie } });
        if (!response.ok) throw new Error(`verifyStudentLog: ${response.status} ${await response.text()}`);
        return (await response.json()) as { ok: boolean; entries: number };
      });
      routeTimes.push(ms);
      ok &&= body.ok;
      entries = body.entries;
    }

    const readTimes: number[] = [];
    const pureTimes: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const [readMs, rows] = await time(() =>
        db
          .select()
          .from(violationLogEntries)
          .where(
            and(eq(violationLogEntries.sittingId, sittingId), eq(violationLogEntries.studentId, studentId)),
          )
          .orderBy(asc(violationLogEntries.seq)),
      );
      readTimes.push(readMs);
      const t = performance.now();
      const broken = verifyChain(rows);
      pureTimes.push(performance.now() - t);
      ok &&= broken === null;
    }
    const routeMs = median(routeTimes);
    const pureMs = median(pureTimes);
    return {
      entries,
      appendPerSecond: count / appendSeconds,
      routeMs,
      routePerSecond: (entries / routeMs) * 1000,
      readMs: median(readTimes),
      pureMs,
      purePerSecond: (entries / pureMs) * 1000,
      ok,
    };
  } finally {
    await database.close();
  }
}
