import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Role, type SittingKind, STREAMED } from '@adal/shared';
import { defineRoute } from '../http/define-route.js';
import { forbidden, HttpError, notFound } from '../http/http-error.js';
import { loadApplication, reviewQueue } from './application-views.js';
import { applyForMakeUp as apply } from './apply.js';
import { decideMakeUp as decide } from './decide.js';
import { downloadName, evidencePath } from './evidence-files.js';
import type { EvidenceMimeType } from './evidence-type.js';
import { missedSittings as missed } from './missed.js';
import { mayDecide } from './reviewer.js';

/** Percent-encoding for `filename*`, where even `'()*` must be escaped. */
const rfc5987 = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The dean's office, commission chairs (their seat decides which applications) and admins. */
const REVIEWERS = ['registrar', 'commission_chair', 'admin'] as const satisfies readonly Role[];

export const missedSittings = defineRoute('missedSittings', {
  access: ['student'],
  handle: ({ actor, ctx }) => missed(ctx.db, actor.id),
});

export const applyForMakeUp = defineRoute('applyForMakeUp', {
  access: ['student'],
  status: 201,
  handle: ({ actor, params, body, ctx }) => apply(ctx, actor, params.sittingId, body),
});

export const makeUpApplications = defineRoute('makeUpApplications', {
  access: REVIEWERS,
  handle: ({ actor, query, ctx }) => reviewQueue(ctx.db, actor, query.status),
});

export const decideMakeUp = defineRoute('decideMakeUp', {
  access: REVIEWERS,
  handle: ({ actor, params, body, ctx }) => decide(ctx, actor, params.applicationId, body),
});

/**
 * The evidence file, to whoever may decide the application and to the student who sent it (any
 * other student learns nothing: 404). Always a download, never rendered in our origin.
 */
export const makeUpEvidence = defineRoute('makeUpEvidence', {
  access: ['student', ...REVIEWERS],
  async handle({ actor, params, ctx, res }) {
    const row = await loadApplication(ctx.db, params.applicationId);
    if (!row) throw notFound('Make-up application');
    if (actor.role === 'student') {
      if (row.app.studentId !== actor.id) throw notFound('Make-up application');
    } else if (
      !(await mayDecide(ctx.db, actor, { id: row.sitting.id, kind: row.sitting.kind as SittingKind }))
    ) {
      throw forbidden('You do not decide this application.');
    }
    const mimeType = row.app.evidenceMimeType as EvidenceMimeType;
    const file = evidencePath(ctx.config, row.app.evidenceStorageKey);
    const size = await stat(file).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined) {
      ctx.log.error({ applicationId: row.app.id, file }, 'make-up evidence file missing');
      throw new HttpError('not_found', 'The evidence file is missing; tell an administrator.');
    }
    const name = downloadName(row.app.evidenceFileName, mimeType);
    res.status(200);
    res.type(mimeType);
    res.setHeader('content-length', String(size));
    res.setHeader('x-content-type-options', 'nosniff');
    // A medical certificate: kept by no cache on the way.
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader(
      'content-disposition',
      `attachment; filename="${name.ascii}"; filename*=UTF-8''${rfc5987(name.utf8)}`,
    );
    await new Promise<void>((resolve) => {
      const body = createReadStream(file);
      body.on('error', (error) => {
        ctx.log.warn({ err: error, applicationId: row.app.id }, 'make-up evidence download cut short');
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
