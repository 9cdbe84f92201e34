import { randomUUID } from 'node:crypto';
import { type ApplyForMakeUpBody, MAX_EVIDENCE_BYTES, type MakeUpApplicationView } from '@adal/shared';
import { and, eq, ne } from 'drizzle-orm';
import sharp from 'sharp';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Db } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { isOnRoster } from '../sittings/sitting-access.js';
import { loadView } from './application-views.js';
import { evidenceKey, evidencePath, removeEvidence, sha256Of, writeEvidence } from './evidence-files.js';
import { evidenceTypeOf } from './evidence-type.js';
import { hasMissed } from './missed.js';
import { makeUpApplications } from './schema.js';

const EVIDENCE_FIELD = 'body.evidenceBase64';

const alreadyOpen = (status: 'pending' | 'approved') =>
  new HttpError(
    'conflict',
    status === 'approved'
      ? 'Your application for this sitting was approved; see the make-up sitting in your schedule.'
      : 'You have already applied for this sitting; wait for the decision.',
  );

/** Postgres' unique_violation of the one-open-application index (a second apply at the same moment). */
function isOpenClash(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && (constraint === undefined || constraint === 'make_up_one_open')) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

async function refuseOpen(db: Db, sittingId: string, studentId: string): Promise<void> {
  const [open] = await db
    .select({ status: makeUpApplications.status })
    .from(makeUpApplications)
    .where(
      and(
        eq(makeUpApplications.sittingId, sittingId),
        eq(makeUpApplications.studentId, studentId),
        ne(makeUpApplications.status, 'rejected'),
      ),
    )
    .limit(1);
  if (open) throw alreadyOpen(open.status as 'pending' | 'approved');
}

/** The evidence's bytes and what they are, by content; refused with the field named. */
function checkEvidence(body: ApplyForMakeUpBody) {
  const bytes = Buffer.from(body.evidenceBase64, 'base64');
  if (bytes.length > MAX_EVIDENCE_BYTES)
    throw new HttpError('payload_too_large', 'The evidence file is larger than 5 MB.', [
      { path: EVIDENCE_FIELD, message: `larger than ${MAX_EVIDENCE_BYTES} bytes` },
    ]);
  const mimeType = bytes.length > 0 ? evidenceTypeOf(bytes.subarray(0, 64)) : null;
  if (!mimeType)
    throw new HttpError('validation_failed', 'The evidence must be a PDF, JPEG, PNG or WebP file.', [
      { path: EVIDENCE_FIELD, message: 'not a PDF, JPEG, PNG or WebP file' },
    ]);
  return { bytes, mimeType };
}

/** A photo of a certificate is a few megapixels; one declaring more is a decompression bomb. */
const MAX_EVIDENCE_PIXELS = 100_000_000;

/** Refuses a picture whose header declares more pixels than any camera takes (read from the header only). */
async function refuseHugePicture(bytes: Buffer, mimeType: string): Promise<void> {
  if (mimeType === 'application/pdf') return;
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  if (meta && (meta.width ?? 0) * (meta.height ?? 0) > MAX_EVIDENCE_PIXELS)
    throw new HttpError(
      'validation_failed',
      'The picture is too large; send a photo or a scan of the page.',
      [
        {
          path: EVIDENCE_FIELD,
          message: `${meta.width}×${meta.height} px is over ${MAX_EVIDENCE_PIXELS} pixels`,
        },
      ],
    );
}

/**
 * A student applies for a make-up sitting of a sitting they missed (exam-procedures.md, "Absence
 * and make-up"). The file is written first and removed again if the application is not stored,
 * so no row ever names a missing file.
 */
export async function applyForMakeUp(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
  body: ApplyForMakeUpBody,
): Promise<MakeUpApplicationView> {
  if (!(await isOnRoster(ctx.db, sittingId, actor.id)))
    throw new HttpError('not_found', 'Sitting not found.');
  if (!(await hasMissed(ctx.db, sittingId, actor.id)))
    throw new HttpError(
      'conflict',
      'Only a missed sitting can be made up: this one has not started yet, or you were admitted to it.',
    );
  await refuseOpen(ctx.db, sittingId, actor.id);
  const { bytes, mimeType } = checkEvidence(body);
  await refuseHugePicture(bytes, mimeType);

  const id = randomUUID();
  const key = evidenceKey(sittingId, actor.id, id, mimeType);
  const file = evidencePath(ctx.config, key);
  const sha256 = sha256Of(bytes);
  await writeEvidence(file, bytes);
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(makeUpApplications).values({
        id,
        sittingId,
        studentId: actor.id,
        reason: body.reason,
        explanation: body.explanation,
        evidenceFileName: body.evidenceFileName,
        evidenceMimeType: mimeType,
        evidenceByteSize: bytes.length,
        evidenceSha256: sha256,
        evidenceStorageKey: key,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'make_up.applied',
        subject: id,
        details: { sittingId, reason: body.reason, mimeType, bytes: bytes.length, sha256 },
      });
    });
  } catch (error) {
    await removeEvidence(file);
    if (isOpenClash(error)) throw alreadyOpen('pending');
    throw error;
  }
  ctx.log.info({ applicationId: id, sittingId, studentId: actor.id }, 'make-up application filed');
  return loadView(ctx.db, id);
}
