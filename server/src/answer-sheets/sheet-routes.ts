import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { STREAMED } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError, notFound } from '../http/http-error.js';
import { WATCHERS } from '../media/watchers.js';
import { canSeeSitting, requireOnRoster } from '../sittings/sitting-access.js';
import { reviewSheet as review } from './review-sheet.js';
import { answerSheets } from './schema.js';
import { sheetPath } from './sheet-files.js';
import { sheetSet, sittingSheetRows } from './sheet-views.js';
import { sheetSitting, studentSheetSitting } from './upload-access.js';

type Owns = { actor: Actor; params: { sittingId: string }; ctx: AppContext };
const ownsSitting = ({ actor, params, ctx }: Owns) => canSeeSitting(ctx.db, actor, params.sittingId);

/** The student's own pages; `open` while they may still upload. */
export const studentSheets = defineRoute('studentSheets', {
  access: ['student'],
  async handle({ actor, params, ctx }) {
    await studentSheetSitting(ctx.db, actor.id, params.sittingId);
    return sheetSet(ctx.db, params.sittingId, actor.id);
  },
});

/**
 * A page image or its thumbnail (JPEG): to the student whose page it is and to the sitting's
 * staff. The ids in the path only select a row; the file's path comes from the row.
 */
export const sheetFile = defineRoute('sheetFile', {
  access: ['student', ...WATCHERS],
  owns: ({ actor, params, ctx }) =>
    actor.role === 'student' && actor.id !== params.studentId
      ? Promise.resolve(false)
      : canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, query, ctx, res }) {
    const [row] = await ctx.db
      .select({
        storageKey: answerSheets.storageKey,
        thumbnailKey: answerSheets.thumbnailKey,
        page: answerSheets.pageNumber,
      })
      .from(answerSheets)
      .where(
        and(
          eq(answerSheets.id, params.sheetId),
          eq(answerSheets.sittingId, params.sittingId),
          eq(answerSheets.studentId, params.studentId),
        ),
      );
    if (!row) throw notFound('Answer sheet');
    const file = sheetPath(ctx.config, query.size === 'thumbnail' ? row.thumbnailKey : row.storageKey);
    const size = await stat(file).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined) {
      ctx.log.error({ sheetId: params.sheetId, file }, 'answer-sheet file missing');
      throw new HttpError('not_found', 'The image of this answer sheet is missing; tell an administrator.');
    }
    res.status(200);
    res.type('image/jpeg');
    res.setHeader('content-length', String(size));
    // A sheet's image never changes (a new photo is a new sheet): the browser may keep it.
    res.setHeader('cache-control', 'private, max-age=86400, immutable');
    res.setHeader(
      'content-disposition',
      `inline; filename="page-${row.page}${query.size === 'thumbnail' ? '-thumbnail' : ''}.jpg"`,
    );
    await new Promise<void>((resolve) => {
      const body = createReadStream(file);
      body.on('error', (error) => {
        ctx.log.warn({ err: error, sheetId: params.sheetId }, 'answer-sheet download cut short');
        res.destroy(error);
        resolve();
      });
      res.on('close', () => {
        body.destroy();
        resolve();
      });
      body.pipe(res);
    });
    return STREAMED;
  },
});

/** The gallery's list: each student of the sitting with page counts per status. */
export const sittingSheets = defineRoute('sittingSheets', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ params, ctx }) {
    await sheetSitting(ctx.db, params.sittingId);
    return sittingSheetRows(ctx.db, params.sittingId);
  },
});

export const studentSheetsForStaff = defineRoute('studentSheetsForStaff', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ params, ctx }) {
    await sheetSitting(ctx.db, params.sittingId);
    await requireOnRoster(ctx.db, params.sittingId, params.studentId);
    return sheetSet(ctx.db, params.sittingId, params.studentId);
  },
});

/** Proctors and the commission accept a page or reject it with a reason (review-sheet.ts). */
export const reviewSheet = defineRoute('reviewSheet', {
  access: WATCHERS,
  owns: ownsSitting,
  async handle({ actor, params, body, ctx }) {
    await sheetSitting(ctx.db, params.sittingId);
    return review(ctx, actor, params, body);
  },
});
