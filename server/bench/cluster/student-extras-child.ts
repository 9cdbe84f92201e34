/**
 * What the load generators' students (bench/load/student.ts, which only answer) do besides
 * answering, with the same session tokens: fetch a media token and hold a signalling socket on
 * the SFU node it names, and report an automatic flag every so often (reportFlags over HTTP,
 * through the front proxy like every other call). A separate process, so the answer load stays
 * exactly the load benchmark's.
 */
import { randomUUID } from 'node:crypto';
import { AutoFlagType, http, pathFor } from '@adal/shared';
import { io, type Socket } from 'socket.io-client';
import type { ExtrasMessage, ExtrasResult } from './student-extras-messages.js';

const TIMEOUT_MS = 30_000;
/**
 * Flag requests in flight at most: past that a student's flag is skipped (and counted), so an
 * overloaded server sees a bounded queue instead of an ever-growing one that starves its
 * database pool for everything else (answers, socket logins).
 */
const MAX_FLAGS_IN_FLIGHT = 32;
const FLAG_TYPES = AutoFlagType.options;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

const media: Socket[] = [];
const tokensBySfu: Record<string, number> = {};
const mediaErrors: Record<string, number> = {};
const flagErrors: Record<string, number> = {};
const flags: { sentAt: number; latencyMs: number }[] = [];
let flagsSent = 0;
let flagsInFlight = 0;
let flagsSkipped = 0;
let stopped = false;
const timers: ReturnType<typeof setTimeout>[] = [];
const inc = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

async function post(baseUrl: string, path: string, token: string, body: unknown) {
  return fetch(baseUrl + path, {
    method: 'POST',
    headers: { cookie: `adal_session=${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** One student's media token, and a signalling socket on the node it names (joins the sitting's room). */
async function joinMedia(baseUrl: string, sittingId: string, token: string): Promise<void> {
  try {
    const res = await post(baseUrl, pathFor(http.mediaToken.path, { sittingId }), token, {});
    if (res.status !== 200) {
      await res.body?.cancel();
      return inc(mediaErrors, `mediaToken ${res.status}`);
    }
    const grant = (await res.json()) as { token: string; sfuUrl: string };
    inc(tokensBySfu, grant.sfuUrl);
    const socket = io(grant.sfuUrl, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token: grant.token },
    });
    socket.once('connect_error', (error) => inc(mediaErrors, `sfu connect: ${error.message}`));
    media.push(socket);
  } catch (error) {
    inc(mediaErrors, `mediaToken ${(error as Error).name}`);
  }
}

/** A short automatic flag (started and ended now), as the browser's checks report one. */
async function reportFlag(baseUrl: string, sittingId: string, token: string): Promise<void> {
  if (flagsInFlight >= MAX_FLAGS_IN_FLIGHT) {
    flagsSkipped++;
    return;
  }
  const now = new Date().toISOString();
  const body = {
    reports: [
      { episodeId: randomUUID(), type: pick(FLAG_TYPES), startedAt: now, endedAt: now, confidence: 80 },
    ],
  };
  const sentAt = Date.now();
  const t0 = performance.now();
  flagsSent++;
  flagsInFlight++;
  try {
    const res = await post(baseUrl, pathFor(http.reportFlags.path, { sittingId }), token, body);
    await res.body?.cancel();
    if (res.status === 202) flags.push({ sentAt, latencyMs: performance.now() - t0 });
    else inc(flagErrors, `reportFlags ${res.status}`);
  } catch (error) {
    inc(flagErrors, `reportFlags ${(error as Error).name}`);
  } finally {
    flagsInFlight--;
  }
}

async function start(m: Extract<ExtrasMessage, { type: 'start' }>): Promise<void> {
  const students = m.sittings.flatMap((s) => s.tokens.map((token) => ({ sittingId: s.sittingId, token })));
  let next = 0;
  const worker = async () => {
    while (next < students.length) {
      const s = students[next++] as (typeof students)[number];
      await joinMedia(m.baseUrl, s.sittingId, s.token);
    }
  };
  await Promise.all(Array.from({ length: m.concurrency }, worker));
  process.send?.({ type: 'media', tokensBySfu, mediaErrors });
  const progress = setInterval(
    () =>
      console.log(
        `[flags] sent ${flagsSent}, accepted ${flags.length}, skipped ${flagsSkipped}, failed ${JSON.stringify(flagErrors)}`,
      ),
    10_000,
  );
  timers.push(progress as unknown as ReturnType<typeof setTimeout>);
  // Each student flags once per gap on average, its first flag somewhere in the first gap.
  for (const s of students) {
    const flagLoop = (delayMs: number) => {
      timers.push(
        setTimeout(() => {
          if (stopped) return;
          void reportFlag(m.baseUrl, s.sittingId, s.token);
          flagLoop(m.flagGapMs * (0.5 + Math.random()));
        }, delayMs),
      );
    };
    flagLoop(Math.random() * m.flagGapMs);
  }
}

async function stop(m: Extract<ExtrasMessage, { type: 'stop' }>): Promise<void> {
  stopped = true;
  for (const t of timers) clearTimeout(t);
  await sleep(1_000);
  const inside = flags.filter((f) => f.sentAt >= m.windowStart && f.sentAt < m.windowEnd);
  const result: ExtrasResult = {
    type: 'result',
    flagsSent,
    flagsSkipped,
    flagsAccepted: flags.length,
    flagsInWindow: inside.length,
    flagLatencies: inside.map((f) => f.latencyMs),
    flagErrors,
    mediaConnected: media.filter((s) => s.connected).length,
    tokensBySfu,
    mediaErrors,
  };
  process.send?.(result);
  for (const s of media) s.close();
}

process.on('disconnect', () => process.exit(0));
process.on('message', (m: ExtrasMessage) => {
  const fail = (error: unknown) => {
    console.error(error);
    process.exit(1);
  };
  if (m.type === 'start') start(m).catch(fail);
  else stop(m).then(() => process.exit(0), fail);
});
process.send?.({ type: 'ready' });
