import { hasAnswerSheets, type SittingKind } from '@adal/shared';
import { eq } from 'drizzle-orm';
import { isAdmitted } from '../attempts/attempt-queries.js';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { sittingEnded } from '../proctoring/proctoring-state.js';
import { sittings } from '../sittings/schema.js';
import { isOnRoster } from '../sittings/sitting-access.js';

/** Why a student on the list may not upload now. */
export type UploadBlock = 'not_admitted' | 'sitting_ended';

const BLOCKED: Record<UploadBlock, string> = {
  not_admitted: 'The proctor has not admitted you yet: answer sheets can be uploaded once you are admitted.',
  sitting_ended:
    'Your sitting is over (the proctor let you go or ended it): no more answer sheets can be uploaded.',
};

export const blockedError = (block: UploadBlock) => new HttpError('conflict', BLOCKED[block]);

/**
 * A written, oral or state exam (the kinds with paper answer sheets): 404 for no such sitting,
 * 400 for a kind without sheets.
 */
export async function sheetSitting(
  db: Db | Tx,
  sittingId: string,
): Promise<{ id: string; kind: SittingKind }> {
  const [row] = await db
    .select({ id: sittings.id, kind: sittings.kind })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!row) throw new HttpError('not_found', 'Sitting not found.');
  const kind = row.kind as SittingKind;
  if (!hasAnswerSheets(kind))
    throw new HttpError(
      'validation_failed',
      'This sitting has no answer sheets: only written, oral and state exams have them.',
      [{ path: 'params.sittingId', message: 'not a written, oral or state exam' }],
    );
  return { id: row.id, kind };
}

/** What stops the student uploading now, if anything (checked again when a photo is stored). */
export async function uploadBlock(
  db: Db | Tx,
  sittingId: string,
  studentId: string,
): Promise<UploadBlock | null> {
  if (await sittingEnded(db, sittingId, studentId)) return 'sitting_ended';
  if (!(await isAdmitted(db, sittingId, studentId))) return 'not_admitted';
  return null;
}

/**
 * The student's own sitting with answer sheets: another group's sitting is "not found" (a
 * stranger learns nothing), a sitting without sheets 400.
 */
export async function studentSheetSitting(db: Db, studentId: string, sittingId: string) {
  if (!(await isOnRoster(db, sittingId, studentId))) throw new HttpError('not_found', 'Sitting not found.');
  return sheetSitting(db, sittingId);
}

/** 409 with the reason unless the student may upload to this sitting now. */
export async function requireUploadOpen(db: Db, studentId: string, sittingId: string): Promise<void> {
  await studentSheetSitting(db, studentId, sittingId);
  const block = await uploadBlock(db, sittingId, studentId);
  if (block) throw blockedError(block);
}
