import { randomUUID } from 'node:crypto';
import { type FlagReport, SILENT_AFTER_SECONDS } from '@adal/shared';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { attempts } from '../attempts/schema.js';
import { takeFlagReports } from '../proctoring/flag-intake.js';
import { proctoringStates } from '../proctoring/schema.js';
import { sittings } from '../sittings/schema.js';
import { type ExtensionSession, loadSession } from './extension-session.js';
import { silenceStart } from './heartbeat.js';
import { extensionSessions } from './schema.js';

export const EXTENSION_SILENCE_SWEEP = 'extension.silence-sweep';
export const EXTENSION_SILENCE_PERIOD = 10_000;

const OPEN_ATTEMPT = sql`${attempts.status} in ('in_progress', 'suspended')`;
const sameStudent = and(
  eq(attempts.sittingId, extensionSessions.sittingId),
  eq(attempts.studentId, extensionSessions.studentId),
);

/**
 * Is the student still in the exam? Not if a proctor ended their sitting (terminated, denied,
 * let go), nor once all their attempts are closed. Before any attempt (device checks, waiting to
 * be admitted) they are in it until the sitting's scheduled end.
 */
function stillInExam(row: {
  endedAs: string | null;
  openAttempt: boolean;
  anyAttempt: boolean;
  startsAt: Date;
  durationMinutes: number;
}): boolean {
  if (row.endedAs) return false;
  if (row.openAttempt) return true;
  return !row.anyAttempt && Date.now() < row.startsAt.getTime() + row.durationMinutes * 60_000;
}

const silentReport = (episodeId: string, s: ExtensionSession, now: number): FlagReport => ({
  episodeId,
  type: 'extension_missing',
  startedAt: silenceStart(s.lastHeartbeatAt, now).toISOString(),
  endedAt: null,
  confidence: 90,
  detail: 'no heartbeat',
});

/**
 * Every 10 s: a locked-down exam whose extension stopped sending heartbeats for
 * SILENT_AFTER_SECONDS opens an extension_missing flag. While the silence lasts the open episode
 * is reported again each run, or the flag sweep would end it as a client gone quiet (30 s); the
 * next heartbeat ends it (heartbeat.ts), so its log entry lasts as long as the silence did. A
 * student who leaves the exam while silent has the episode ended here. Returns the episodes opened.
 */
export async function sweepSilentExtensions(ctx: AppContext): Promise<number> {
  const now = Date.now();
  const rows = await ctx.db
    .select({
      session: extensionSessions,
      endedAs: proctoringStates.endedAs,
      startsAt: sittings.startsAt,
      durationMinutes: sittings.durationMinutes,
      openAttempt: sql<boolean>`exists (select 1 from ${attempts} where ${sameStudent} and ${OPEN_ATTEMPT})`,
      anyAttempt: sql<boolean>`exists (select 1 from ${attempts} where ${sameStudent})`,
    })
    .from(extensionSessions)
    .innerJoin(sittings, eq(sittings.id, extensionSessions.sittingId))
    .leftJoin(
      proctoringStates,
      and(
        eq(proctoringStates.sittingId, extensionSessions.sittingId),
        eq(proctoringStates.studentId, extensionSessions.studentId),
      ),
    )
    .where(
      or(
        isNotNull(extensionSessions.silentEpisodeId),
        and(
          eq(extensionSessions.lockdownActive, true),
          lt(extensionSessions.lastHeartbeatAt, new Date(now - SILENT_AFTER_SECONDS * 1000)),
        ),
      ),
    );
  let opened = 0;
  for (const row of rows) {
    const s = row.session;
    const inExam = stillInExam({
      ...row,
      openAttempt: Boolean(row.openAttempt),
      anyAttempt: Boolean(row.anyAttempt),
    });
    if (!s.silentEpisodeId) {
      if (inExam && (await openSilence(ctx, s, now))) opened++;
    } else if (inExam) {
      await keepOpen(ctx, s, s.silentEpisodeId, now);
    } else {
      await endForGood(ctx, s, s.silentEpisodeId, now);
    }
  }
  return opened;
}

/** Claims the silence (a heartbeat that came meanwhile, or another process, wins) and flags it. */
async function openSilence(ctx: AppContext, s: ExtensionSession, now: number): Promise<boolean> {
  const episodeId = randomUUID();
  const [claimed] = await ctx.db
    .update(extensionSessions)
    .set({ silentEpisodeId: episodeId })
    .where(
      and(
        eq(extensionSessions.id, s.id),
        isNull(extensionSessions.silentEpisodeId),
        s.lastHeartbeatAt ? eq(extensionSessions.lastHeartbeatAt, s.lastHeartbeatAt) : undefined,
      ),
    )
    .returning({ id: extensionSessions.id });
  if (!claimed) return false;
  await takeFlagReports(ctx, s.sittingId, s.studentId, [silentReport(episodeId, s, now)]);
  return true;
}

/**
 * "Still silent". A heartbeat may have ended the episode between reading the row and this report,
 * which would open it again: then it is ended once more, at that heartbeat.
 */
async function keepOpen(ctx: AppContext, s: ExtensionSession, episodeId: string, now: number): Promise<void> {
  await takeFlagReports(ctx, s.sittingId, s.studentId, [silentReport(episodeId, s, now)]);
  const fresh = await loadSession(ctx.db, s.sittingId, s.studentId);
  if (fresh?.silentEpisodeId === episodeId) return;
  const endedAt = fresh?.lastHeartbeatAt?.getTime() ?? now;
  await endReport(ctx, s, episodeId, endedAt, now);
}

/** The student left the exam while the extension was silent: the episode ends now. */
async function endForGood(
  ctx: AppContext,
  s: ExtensionSession,
  episodeId: string,
  now: number,
): Promise<void> {
  const [cleared] = await ctx.db
    .update(extensionSessions)
    .set({ silentEpisodeId: null })
    .where(and(eq(extensionSessions.id, s.id), eq(extensionSessions.silentEpisodeId, episodeId)))
    .returning({ id: extensionSessions.id });
  if (cleared) await endReport(ctx, s, episodeId, now, now);
}

async function endReport(
  ctx: AppContext,
  s: ExtensionSession,
  episodeId: string,
  endedAt: number,
  now: number,
) {
  const startedAt = silenceStart(s.lastHeartbeatAt, now);
  await takeFlagReports(ctx, s.sittingId, s.studentId, [
    {
      episodeId,
      type: 'extension_missing',
      startedAt: startedAt.toISOString(),
      endedAt: new Date(Math.max(endedAt, startedAt.getTime())).toISOString(),
      confidence: 90,
    },
  ]);
}
