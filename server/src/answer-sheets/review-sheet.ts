import type { AnswerSheet, ReviewSheetBody, SheetReviewedEvidence } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor } from '../http/actor.js';
import { HttpError, notFound } from '../http/http-error.js';
import { announceEntry, appendEntry } from '../violations/append-entry.js';
import { answerSheets } from './schema.js';
import { loadSheet } from './sheet-views.js';
import { announceSheet, lockSheets } from './store-sheet.js';

export interface SheetRef {
  sittingId: string;
  studentId: string;
  sheetId: string;
}

/**
 * A proctor (or the commission) accepts a page or rejects it with a reason. Only the current
 * version of a page is reviewed. Any decision may be changed while the page is current: pending
 * → accepted or rejected; accepted → rejected (a problem seen on a closer look: the student may
 * then upload the page again); rejected → accepted (a mistaken rejection, before the student sent
 * a new photo). The same decision again changes nothing and logs nothing (a double click). Each
 * change is audited and logged in the student's Chat&log, so the student is told at once.
 */
export async function reviewSheet(
  ctx: AppContext,
  actor: Actor,
  ref: SheetRef,
  body: ReviewSheetBody,
): Promise<AnswerSheet> {
  const done = await ctx.db.transaction(async (tx) => {
    await lockSheets(tx, ref.sittingId, ref.studentId);
    const [sheet] = await tx
      .select()
      .from(answerSheets)
      .where(
        and(
          eq(answerSheets.id, ref.sheetId),
          eq(answerSheets.sittingId, ref.sittingId),
          eq(answerSheets.studentId, ref.studentId),
        ),
      );
    if (!sheet) throw notFound('Answer sheet');
    if (sheet.replacedAt)
      throw new HttpError(
        'conflict',
        `The student has uploaded page ${sheet.pageNumber} again since; review the new photo.`,
      );
    const reason = body.decision === 'reject' ? body.reason : null;
    const note = body.decision === 'reject' ? body.note || null : null;
    const status = body.decision === 'accept' ? 'accepted' : 'rejected';
    if (sheet.status === status && sheet.rejectReason === reason && sheet.rejectNote === note)
      return { sheet, logged: undefined };
    const now = new Date();
    const [row] = await tx
      .update(answerSheets)
      .set({ status, rejectReason: reason, rejectNote: note, reviewedBy: actor.id, reviewedAt: now })
      .where(eq(answerSheets.id, sheet.id))
      .returning();
    if (!row) throw new Error('answer sheet update returned no row');
    await recordAudit(tx, {
      actorId: actor.id,
      action: `sheet.${status}`,
      subject: ref.sittingId,
      details: { studentId: ref.studentId, sheetId: sheet.id, page: sheet.pageNumber, reason, note },
    });
    const evidence: SheetReviewedEvidence = {
      page: sheet.pageNumber,
      sheetId: sheet.id,
      reason,
      by: actor.id,
      byName: actor.fullName,
    };
    const logged = await appendEntry(tx, {
      sittingId: ref.sittingId,
      studentId: ref.studentId,
      source: 'system',
      type: status === 'accepted' ? 'sheet_accepted' : 'sheet_rejected',
      // A page to photograph again is no violation: the student's severity badges stay for those.
      severity: 'info',
      text: note ?? '',
      evidence,
      at: now,
    });
    return { sheet: row, logged };
  });
  if (done.logged) {
    announceEntry(ctx, done.logged);
    await announceSheet(ctx, done.sheet);
  }
  const view = await loadSheet(ctx.db, done.sheet.id);
  if (!view) throw new Error(`answer sheet ${done.sheet.id} vanished`);
  return view;
}
