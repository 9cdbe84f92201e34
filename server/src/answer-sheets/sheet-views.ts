import {
  type AnswerSheet,
  type AnswerSheetSet,
  http,
  pathFor,
  type SheetRejectReason,
  type SittingSheetRow,
} from '@adal/shared';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { users } from '../accounts/schema.js';
import type { Db, Tx } from '../db/database.js';
import { onRoster } from '../sittings/roster.js';
import { sittings } from '../sittings/schema.js';
import { students } from '../university/schema.js';
import { answerSheets } from './schema.js';
import { uploadBlock } from './upload-access.js';

export type SheetRow = typeof answerSheets.$inferSelect;

/** The sheet as the contract shows it; `reviewedByName` is looked up by the caller. */
export function toAnswerSheet(row: SheetRow, reviewedByName: string | null): AnswerSheet {
  const imageUrl = pathFor(http.sheetFile.path, {
    sittingId: row.sittingId,
    studentId: row.studentId,
    sheetId: row.id,
  });
  return {
    id: row.id,
    pageNumber: row.pageNumber,
    status: row.status,
    rejectReason: (row.rejectReason as SheetRejectReason | null) ?? null,
    rejectNote: row.rejectNote,
    sha256: row.sha256,
    mimeType: row.mimeType as AnswerSheet['mimeType'],
    byteSize: row.byteSize,
    width: row.width,
    height: row.height,
    sharpness: row.sharpness,
    blurred: row.blurred,
    converted: row.converted,
    uploadedAt: row.uploadedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedByName,
    imageUrl,
    thumbnailUrl: `${imageUrl}?size=thumbnail`,
  };
}

/** One sheet with its reviewer's name. */
export async function loadSheet(db: Db | Tx, sheetId: string): Promise<AnswerSheet | undefined> {
  const [row] = await db
    .select({ sheet: answerSheets, reviewer: users.fullName })
    .from(answerSheets)
    .leftJoin(users, eq(users.id, answerSheets.reviewedBy))
    .where(eq(answerSheets.id, sheetId));
  return row ? toAnswerSheet(row.sheet, row.reviewer) : undefined;
}

/**
 * A student's pages for a sitting: current versions in page order, earlier versions newest
 * first; `open` while the student may still upload.
 */
export async function sheetSet(db: Db, sittingId: string, studentId: string): Promise<AnswerSheetSet> {
  const rows = await db
    .select({ sheet: answerSheets, reviewer: users.fullName })
    .from(answerSheets)
    .leftJoin(users, eq(users.id, answerSheets.reviewedBy))
    .where(and(eq(answerSheets.sittingId, sittingId), eq(answerSheets.studentId, studentId)))
    .orderBy(asc(answerSheets.pageNumber), desc(answerSheets.uploadedAt));
  const all = rows.map((r) => ({ row: r.sheet, view: toAnswerSheet(r.sheet, r.reviewer) }));
  const pages = all.filter((s) => s.row.replacedAt === null).map((s) => s.view);
  const replaced = all
    .filter((s) => s.row.replacedAt !== null)
    .sort((a, b) => (b.row.replacedAt?.getTime() ?? 0) - (a.row.replacedAt?.getTime() ?? 0))
    .map((s) => s.view);
  return {
    sittingId,
    studentId,
    pages,
    replaced,
    allAccepted: pages.length > 0 && pages.every((p) => p.status === 'accepted'),
    open: (await uploadBlock(db, sittingId, studentId)) === null,
  };
}

const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(${answerSheets.id}) filter (where ${answerSheets.replacedAt} is null and ${condition})`.mapWith(
    Number,
  );

/** Every student of the sitting's group with their current pages counted by status. */
export async function sittingSheetRows(db: Db, sittingId: string): Promise<SittingSheetRow[]> {
  const rows = await db
    .select({
      studentId: students.userId,
      fullName: users.fullName,
      pages: countWhere(sql`true`),
      pending: countWhere(sql`${answerSheets.status} = 'pending'`),
      accepted: countWhere(sql`${answerSheets.status} = 'accepted'`),
      rejected: countWhere(sql`${answerSheets.status} = 'rejected'`),
      blurred: countWhere(sql`${answerSheets.blurred}`),
      lastUploadAt: sql<Date | null>`max(${answerSheets.uploadedAt})`.mapWith((v: string | Date | null) =>
        v === null ? null : new Date(v),
      ),
    })
    .from(sittings)
    .innerJoin(students, onRoster())
    .innerJoin(users, eq(users.id, students.userId))
    .leftJoin(
      answerSheets,
      and(eq(answerSheets.sittingId, sittings.id), eq(answerSheets.studentId, students.userId)),
    )
    .where(eq(sittings.id, sittingId))
    .groupBy(students.userId, users.fullName)
    .orderBy(asc(users.fullName));
  return rows.map((r) => ({ ...r, lastUploadAt: r.lastUploadAt?.toISOString() ?? null }));
}
