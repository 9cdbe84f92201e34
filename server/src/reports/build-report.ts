import {
  type ControlKind,
  isReviewable,
  type LogEntry,
  ProctorViolationType,
  type RecordingSegment,
  type ReportTimelineItem,
  reviewsOf,
  type SessionReport,
  type SittingKind,
  SittingPolicies,
  trustInput,
  trustScore,
} from '@adal/shared';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { AppContext } from '../app-context.js';
import { studentAttempts } from '../attempts/attempt-queries.js';
import { answerSaves, answers } from '../attempts/schema.js';
import { HttpError } from '../http/http-error.js';
import { mediaGaps } from '../media/media-gaps.js';
import { listSegments } from '../media/recordings/sfu-recordings.js';
import { mediaSourceEvents } from '../media/schema.js';
import { ongoingEpisodes } from '../proctoring/flag-episodes.js';
import { sittings } from '../sittings/schema.js';
import { requireOnRoster } from '../sittings/sitting-access.js';
import { academicGroups, disciplines, students } from '../university/schema.js';
import { readLog, toLogEntry } from '../violations/append-entry.js';
import { verifyChain } from '../violations/log-chain.js';
import { recordingLinkAt } from './recording-links.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function loadSitting(ctx: AppContext, sittingId: string) {
  const [row] = await ctx.db
    .select({ sitting: sittings, discipline: disciplines, group: academicGroups })
    .from(sittings)
    .innerJoin(disciplines, eq(disciplines.id, sittings.disciplineId))
    .innerJoin(academicGroups, eq(academicGroups.id, sittings.groupId))
    .where(eq(sittings.id, sittingId));
  if (!row) throw new HttpError('not_found', 'Sitting not found.');
  return row;
}

async function loadStudent(ctx: AppContext, studentId: string) {
  const [row] = await ctx.db
    .select({ fullName: users.fullName, iin: students.iin })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(eq(students.userId, studentId));
  if (!row) throw new HttpError('not_found', 'This student is not on the sitting list.');
  return row;
}

async function loadAttempts(ctx: AppContext, sittingId: string, studentId: string, now: number) {
  const rows = await studentAttempts(ctx.db, sittingId, studentId);
  const ids = rows.map((a) => a.id);
  const saves = ids.length
    ? await ctx.db
        .select()
        .from(answerSaves)
        .where(inArray(answerSaves.attemptId, ids))
        .orderBy(asc(answerSaves.savedAt), asc(answerSaves.id))
    : [];
  const answered = ids.length
    ? await ctx.db
        .select({ attemptId: answers.attemptId, n: count() })
        .from(answers)
        .where(inArray(answers.attemptId, ids))
        .groupBy(answers.attemptId)
    : [];
  const answeredBy = new Map(answered.map((r) => [r.attemptId, r.n]));
  return rows.map((a) => {
    const numberOf = new Map(a.paper.map((p, i) => [p.questionId, i + 1]));
    return {
      attemptId: a.id,
      number: a.number,
      status: a.status,
      startedAt: a.startedAt.toISOString(),
      finishedAt: iso(a.finishedAt),
      deadlineAt: a.deadlineAt.toISOString(),
      // A clock standing still right now counts up to the moment of the report.
      pausedMs: a.pausedMs + (a.pausedAt ? Math.max(0, now - a.pausedAt.getTime()) : 0),
      questions: a.paper.length,
      answered: answeredBy.get(a.id) ?? 0,
      percent: a.result?.percent ?? null,
      answerEvents: saves
        .filter((s) => s.attemptId === a.id)
        .map((s) => ({
          at: s.savedAt.toISOString(),
          // 0: a question no longer on the paper (never expected; kept rather than hidden).
          questionNumber: numberOf.get(s.questionId) ?? 0,
          revision: s.revision,
        })),
    };
  });
}

/** Numbers of the violations: what a person may review, and what proctors raised themselves. */
function countViolations(entries: readonly LogEntry[]): SessionReport['violations'] {
  const reviews = reviewsOf(entries);
  const raisedByProctor = (e: LogEntry) =>
    e.source === 'proctor' && ProctorViolationType.safeParse(e.type).success;
  const counted = entries.filter((e) => isReviewable(e) || raisedByProctor(e));
  const decided = (d: 'confirmed' | 'dismissed') =>
    counted.filter((e) => reviews.get(e.seq)?.decision === d).length;
  return {
    total: counted.length,
    confirmed: decided('confirmed'),
    dismissed: decided('dismissed'),
    unreviewed: counted.filter((e) => isReviewable(e) && !reviews.has(e.seq)).length,
    proctorRaised: counted.filter(raisedByProctor).length,
  };
}

/** When an entry happened: a merged automatic flag began at its episode's start. */
function startedAtOf(e: LogEntry): string {
  if (e.source !== 'auto_flag') return e.at;
  const started = str(e.evidence?.startedAt);
  return started && !Number.isNaN(Date.parse(started)) ? new Date(started).toISOString() : e.at;
}

function timelineOf(
  entries: readonly LogEntry[],
  segments: readonly RecordingSegment[],
  sittingId: string,
  studentId: string,
): ReportTimelineItem[] {
  const reviews = reviewsOf(entries);
  return entries.map((e) => {
    const review = reviews.get(e.seq);
    const startedAt = startedAtOf(e);
    return {
      seq: e.seq,
      at: e.at,
      startedAt,
      source: e.source,
      type: e.type,
      severity: e.severity,
      text: e.text,
      durationMs: e.durationMs,
      confidence: e.confidence,
      review: review
        ? { decision: review.decision, reason: review.reason, byName: review.byName, at: review.at }
        : null,
      recording: recordingLinkAt(segments, sittingId, studentId, Date.parse(startedAt)),
    };
  });
}

/**
 * The evidence of one student's sitting: who, when they were connected and when not, their
 * attempts with every save of an answer, the violations and their reviews, the trust score, and
 * every Chat&log entry with a link into the webcam recording at that moment. Media servers that do
 * not answer leave links out and are counted, never hidden.
 */
export async function buildSessionReport(
  ctx: AppContext,
  sittingId: string,
  studentId: string,
  now = new Date(),
): Promise<SessionReport> {
  await requireOnRoster(ctx.db, sittingId, studentId);
  const { sitting, discipline, group } = await loadSitting(ctx, sittingId);
  const student = await loadStudent(ctx, studentId);
  const [rows, events, ongoing, attempts, recordings] = await Promise.all([
    readLog(ctx.db, sittingId, studentId),
    ctx.db
      .select()
      .from(mediaSourceEvents)
      .where(and(eq(mediaSourceEvents.sittingId, sittingId), eq(mediaSourceEvents.studentId, studentId)))
      .orderBy(asc(mediaSourceEvents.at), asc(mediaSourceEvents.id)),
    ongoingEpisodes(ctx.db, sittingId, studentId),
    loadAttempts(ctx, sittingId, studentId, now.getTime()),
    listSegments(ctx, sittingId),
  ]);
  const entries = rows.map(toLogEntry);
  const broken = verifyChain(rows);
  // Older sittings' policies lack newer fields: parsing fills their defaults.
  const policies = SittingPolicies.safeParse(sitting.policies);
  const weights = policies.success ? policies.data.trustWeights : {};

  const last = [...events, ...rows].reduce(
    (max, e) => Math.max(max, e.at.getTime()),
    Number.NEGATIVE_INFINITY,
  );
  const firstLive = events.find((e) => e.state === 'live');
  return {
    generatedAt: now.toISOString(),
    sitting: {
      sittingId: sitting.id,
      discipline: { id: discipline.id, code: discipline.code, name: discipline.name },
      group: { id: group.id, name: group.name },
      kind: sitting.kind as SittingKind,
      controlKind: sitting.controlKind as ControlKind,
      startsAt: sitting.startsAt.toISOString(),
      durationMinutes: sitting.durationMinutes,
    },
    student: { studentId, fullName: student.fullName, iin: student.iin },
    connection: {
      firstConnectedAt: iso(firstLive?.at ?? null),
      // The last thing recorded about the student: a media event or a Chat&log entry.
      lastEventAt: Number.isFinite(last) ? new Date(last).toISOString() : null,
      gaps: mediaGaps(events.map((e) => ({ ...e, at: e.at.toISOString() }))).map(
        ({ studentId: _, ...gap }) => ({ ...gap, reason: gap.reason ?? '' }),
      ),
    },
    attempts,
    violations: countViolations(entries),
    trust: trustScore(trustInput(entries, ongoing, now.getTime()), weights),
    timeline: timelineOf(entries, recordings.segments, sittingId, studentId),
    log: { ok: broken === null, entries: rows.length, firstBroken: broken },
    unreachableNodes: recordings.unreachable,
  };
}
