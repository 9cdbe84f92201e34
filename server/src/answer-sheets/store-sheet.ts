import { SHEET_MAX_PAGES, type SheetUploadedEvidence } from '@adal/shared';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { announceEntry, appendEntry, type LogRow } from '../violations/append-entry.js';
import type { RenderedSheet } from './render-sheet.js';
import { answerSheets } from './schema.js';
import type { SheetKeys } from './sheet-files.js';
import { loadSheet, type SheetRow } from './sheet-views.js';
import { blockedError, uploadBlock } from './upload-access.js';

/**
 * Versions (current and replaced) one student may store per sitting: every page uploaded four
 * times over. Bounds the disk a student can fill; the rate limit bounds how fast.
 */
export const MAX_VERSIONS = 4 * SHEET_MAX_PAGES;

/** Serialises everything that changes one student's sheets (uploads, reviews) in a transaction. */
export async function lockSheets(tx: Tx, sittingId: string, studentId: string): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sheets:${sittingId}:${studentId}`}, 0))`,
  );
}

function currentPages(db: Db | Tx, sittingId: string, studentId: string) {
  return db
    .select()
    .from(answerSheets)
    .where(
      and(
        eq(answerSheets.sittingId, sittingId),
        eq(answerSheets.studentId, studentId),
        isNull(answerSheets.replacedAt),
      ),
    );
}

export interface PageUpload {
  sittingId: string;
  studentId: string;
  pageNumber: number;
}

/**
 * What the student's current pages say about a new photo for `pageNumber`: the same photo is
 * already this page (returned: nothing to store), or the upload is refused (an accepted page, the
 * same photo as another page, too many versions). Checked before a photo is processed and again,
 * under the lock, before it is stored.
 */
async function judge(
  db: Db | Tx,
  up: PageUpload,
  originalSha256: string | undefined,
): Promise<{ same?: SheetRow; previous?: SheetRow }> {
  const pages = await currentPages(db, up.sittingId, up.studentId);
  const previous = pages.find((p) => p.pageNumber === up.pageNumber);
  if (originalSha256 !== undefined) {
    if (previous?.originalSha256 === originalSha256) return { same: previous };
    const elsewhere = pages.find((p) => p.originalSha256 === originalSha256);
    if (elsewhere)
      throw new HttpError(
        'conflict',
        `This photo is already page ${elsewhere.pageNumber}; photograph sheet ${up.pageNumber} and send that.`,
      );
  }
  if (previous?.status === 'accepted')
    throw new HttpError(
      'conflict',
      `Page ${up.pageNumber} was accepted by the proctor; it cannot be replaced.`,
    );
  const [versions] = await db
    .select({ n: count() })
    .from(answerSheets)
    .where(and(eq(answerSheets.sittingId, up.sittingId), eq(answerSheets.studentId, up.studentId)));
  if ((versions?.n ?? 0) >= MAX_VERSIONS)
    throw new HttpError(
      'conflict',
      `You have uploaded ${MAX_VERSIONS} photos for this sitting, the most allowed; tell your proctor.`,
    );
  return previous ? { previous } : {};
}

/** Refuses a new upload for this page before any byte is sent (the photo's hash is not known yet). */
export async function precheckPage(db: Db, up: PageUpload): Promise<void> {
  const block = await uploadBlock(db, up.sittingId, up.studentId);
  if (block) throw blockedError(block);
  await judge(db, up, undefined);
}

/** The current page when it is this very photo (same bytes): the photo is not stored twice. */
export async function samePhoto(
  db: Db,
  up: PageUpload,
  originalSha256: string,
): Promise<SheetRow | undefined> {
  return (await judge(db, up, originalSha256)).same;
}

export interface StoredSheet {
  row: SheetRow;
  /** The same photo was already this page: nothing was stored. */
  duplicate: boolean;
}

/**
 * Stores a processed photo as the page: the earlier version (if any) gets `replacedAt`, the
 * student's Chat&log says `sheet_uploaded`, and the student and the watchers are told.
 */
export async function storeSheet(
  ctx: AppContext,
  up: PageUpload,
  sheet: { id: string; originalSha256: string; keys: SheetKeys; rendered: RenderedSheet },
): Promise<StoredSheet> {
  const { rendered } = sheet;
  const done = await ctx.db.transaction(async (tx) => {
    await lockSheets(tx, up.sittingId, up.studentId);
    const block = await uploadBlock(tx, up.sittingId, up.studentId);
    if (block) throw blockedError(block);
    // Two uploads of the same photo at once: the second finds the first here.
    const { same, previous } = await judge(tx, up, sheet.originalSha256);
    if (same) return { row: same, duplicate: true, logged: undefined };
    const now = new Date();
    if (previous)
      await tx.update(answerSheets).set({ replacedAt: now }).where(eq(answerSheets.id, previous.id));
    const [row] = await tx
      .insert(answerSheets)
      .values({
        id: sheet.id,
        sittingId: up.sittingId,
        studentId: up.studentId,
        pageNumber: up.pageNumber,
        sha256: rendered.sha256,
        originalSha256: sheet.originalSha256,
        mimeType: 'image/jpeg',
        byteSize: rendered.byteSize,
        width: rendered.width,
        height: rendered.height,
        storageKey: sheet.keys.storageKey,
        thumbnailKey: sheet.keys.thumbnailKey,
        sharpness: rendered.sharpness,
        blurred: rendered.blurred,
        converted: rendered.converted,
        uploadedAt: now,
      })
      .returning();
    if (!row) throw new Error('answer sheet insert returned no row');
    const evidence: SheetUploadedEvidence = {
      page: row.pageNumber,
      sheetId: row.id,
      sha256: row.sha256,
      sharpness: row.sharpness,
      blurred: row.blurred,
      converted: row.converted,
      replacedSheetId: previous?.id ?? null,
    };
    const logged: LogRow = await appendEntry(tx, {
      sittingId: up.sittingId,
      studentId: up.studentId,
      source: 'system',
      type: 'sheet_uploaded',
      // Not a violation, blurred or not: `blurred` is in the evidence and the gallery.
      severity: 'info',
      evidence,
      at: now,
    });
    return { row, duplicate: false, logged };
  });
  if (done.logged) {
    announceEntry(ctx, done.logged);
    await announceSheet(ctx, done.row);
  }
  return { row: done.row, duplicate: done.duplicate };
}

/** Tells the student and the sitting's watchers how a sheet is now. */
export async function announceSheet(
  ctx: AppContext,
  row: Pick<SheetRow, 'id' | 'sittingId' | 'studentId'>,
): Promise<void> {
  const sheet = await loadSheet(ctx.db, row.id);
  if (sheet) ctx.live.sheetChanged({ sittingId: row.sittingId, studentId: row.studentId, sheet });
}
