import { randomUUID } from 'node:crypto';
import {
  type IdentityCheckView,
  MAX_DOCUMENT_PHOTO_BYTES,
  MAX_FACE_PHOTO_BYTES,
  type SubmitIdentityBody,
} from '@adal/shared';
import { compareWithRoster } from '@adal/shared/identity';
import { and, count, eq, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Db, Tx } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { sittingEnded } from '../proctoring/proctoring-state.js';
import { isOnRoster } from '../sittings/sitting-access.js';
import { students } from '../university/schema.js';
import { wallClock } from '../university/time-zone.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { loadCheckView } from './check-views.js';
import { cleanPhoto, photoKey, photoPath, removePhotos, sha256Of, writePhoto } from './identity-photos.js';
import { identityChecks } from './schema.js';

/** Enough for honest retakes (bad light, a misread document); more is someone probing the checks. */
export const MAX_CHECKS_PER_SITTING = 10;

/** One writer per student and sitting: the count limit and "the latest check" hold under races. */
export const lockChecks = (tx: Tx, sittingId: string, studentId: string) =>
  tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`identity:${sittingId}:${studentId}`}, 0))`);

const tooMany = () =>
  new HttpError(
    'rate_limited',
    `You have sent ${MAX_CHECKS_PER_SITTING} identity checks for this sitting, the most allowed; your proctor will check you over the video.`,
  );

/** The university's calendar day now: a document valid "until 7 December" is valid all that day there. */
function today(timeZone: string): string {
  const p = wallClock(timeZone)(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}

async function rosterPerson(db: Db, studentId: string) {
  const [person] = await db
    .select({ fullName: users.fullName, iin: students.iin })
    .from(students)
    .innerJoin(users, eq(users.id, students.userId))
    .where(eq(students.userId, studentId));
  if (!person) throw new HttpError('not_found', 'Sitting not found.');
  return person;
}

async function checksSent(tx: Db | Tx, sittingId: string, studentId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(identityChecks)
    .where(and(eq(identityChecks.sittingId, sittingId), eq(identityChecks.studentId, studentId)));
  return row?.n ?? 0;
}

/**
 * A student's device sends its identity check (issue 7). The server keeps the two photos (by
 * content a JPEG, stripped of metadata) and what the device measured, and compares the document
 * reading with the list itself: the body carries no verdict to trust. The proctor decides later
 * (decide-check.ts); admission stays the proctor's separate Admit. Photos are written before the
 * row and removed again if it is not stored, so no row names a missing file.
 */
export async function submitCheck(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  body: SubmitIdentityBody,
): Promise<IdentityCheckView> {
  if (!(await isOnRoster(ctx.db, sittingId, actor.id)))
    throw new HttpError('not_found', 'Sitting not found.');
  if (await sittingEnded(ctx.db, sittingId, actor.id))
    throw new HttpError(
      'conflict',
      'Your sitting is over (ended by the proctor); no identity check is taken.',
    );
  // A cheap early refusal before any image work; counted again under the lock below.
  if ((await checksSent(ctx.db, sittingId, actor.id)) >= MAX_CHECKS_PER_SITTING) throw tooMany();

  const face = await cleanPhoto(body.facePhotoBase64, 'body.facePhotoBase64', MAX_FACE_PHOTO_BYTES);
  const documentPhoto = await cleanPhoto(
    body.documentPhotoBase64,
    'body.documentPhotoBase64',
    MAX_DOCUMENT_PHOTO_BYTES,
  );
  const person = await rosterPerson(ctx.db, actor.id);
  const { surname, givenNames, iin, expiryDate } = body.document;
  const roster = compareWithRoster(
    { surname, givenNames, iin, expiryDate },
    person,
    today(ctx.config.universityTimeZone),
  );

  const id = randomUUID();
  const keys = {
    face: photoKey(sittingId, actor.id, id, 'face'),
    document: photoKey(sittingId, actor.id, id, 'document'),
  };
  const files = [photoPath(ctx.config, keys.face), photoPath(ctx.config, keys.document)] as const;
  await writePhoto(files[0], face);
  let logged: Awaited<ReturnType<typeof appendEntry>>;
  try {
    await writePhoto(files[1], documentPhoto);
    logged = await ctx.db.transaction(async (tx) => {
      await lockChecks(tx, sittingId, actor.id);
      if ((await checksSent(tx, sittingId, actor.id)) >= MAX_CHECKS_PER_SITTING) throw tooMany();
      if (await sittingEnded(tx, sittingId, actor.id))
        throw new HttpError(
          'conflict',
          'Your sitting is over (ended by the proctor); no identity check is taken.',
        );
      await tx.insert(identityChecks).values({
        id,
        sittingId,
        studentId: actor.id,
        faceStorageKey: keys.face,
        faceSha256: sha256Of(face),
        documentStorageKey: keys.document,
        documentSha256: sha256Of(documentPhoto),
        liveness: body.liveness,
        document: body.document,
        faceMatch: body.faceMatch,
        rosterVerdict: roster.verdict,
        rosterReasons: roster.reasons,
        faceFrameMs: body.timings.faceFrameMs,
        ocrMs: body.timings.ocrMs,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'identity.checked',
        subject: id,
        details: { sittingId, roster: roster.verdict, livenessPassed: body.liveness.passed },
      });
      // What was measured, never the photos: the log is shown to the student and kept long.
      return appendEntry(tx, {
        sittingId,
        studentId: actor.id,
        source: 'system',
        type: 'identity_checked',
        severity: 'info',
        evidence: {
          checkId: id,
          roster: roster.verdict,
          livenessPassed: body.liveness.passed,
          faceMatch: body.faceMatch.verdict,
        },
      });
    });
  } catch (error) {
    await removePhotos(...files);
    throw error;
  }
  ctx.log.info(
    { checkId: id, sittingId, studentId: actor.id, roster: roster.verdict },
    'identity check stored',
  );
  announceEntry(ctx, logged);
  ctx.live.identityChanged({ sittingId, studentId: actor.id, checkId: id });
  return loadCheckView(ctx.db, id);
}
