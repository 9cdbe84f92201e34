import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { STREAMED } from '@adal/shared';
import { inArray } from 'drizzle-orm';
import { users } from '../../accounts/schema.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Db } from '../../db/database.js';
import { defineRoute } from '../../http/define-route.js';
import { canSeeSitting } from '../../sittings/sitting-access.js';
import { WATCHERS } from '../watchers.js';
import { deleteSittingSegments, listSegments, openSegmentFile } from './sfu-recordings.js';

async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

export const listRecordings = defineRoute('listRecordings', {
  access: WATCHERS,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ params, ctx }) {
    const { segments, unreachable } = await listSegments(ctx, params.sittingId);
    const names = await namesOf(
      ctx.db,
      segments.map((s) => s.studentId),
    );
    return {
      recordings: segments.map(({ sittingId: _, ...s }) => ({
        ...s,
        studentName: names.get(s.studentId) ?? '',
      })),
      unreachableNodes: unreachable,
    };
  },
});

/** `<student>-<source>-<start>.webm`, readable in a downloads folder. */
function fileName(student: string, source: string, start: string): string {
  const when = start.slice(0, 19).replace('T', '_').replace(/:/g, '-');
  return `${student || 'student'}-${source}-${when}.webm`.replace(/[\\/:*?"<>|]/g, '_');
}

export const downloadRecording = defineRoute('downloadRecording', {
  access: WATCHERS,
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ actor, params, ctx, res }) {
    const file = await openSegmentFile(ctx, params.sittingId, params.recordingId);
    const [, studentId = '', source = '', stamp = ''] = params.recordingId.split('.');
    // Watching a recording is itself recorded: students' images are personal data.
    await recordAudit(ctx.db, {
      actorId: actor.id,
      action: 'recording.downloaded',
      subject: params.sittingId,
      details: { recordingId: params.recordingId, studentId, source },
    });
    const name = (await namesOf(ctx.db, [studentId])).get(studentId) ?? '';
    const start = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}`;
    res.status(200);
    res.type('video/webm');
    res.attachment(fileName(name, source, start));
    const length = file.headers.get('content-length');
    if (length) res.setHeader('content-length', length);
    res.setHeader('cache-control', 'private, no-store');
    const body = Readable.fromWeb(file.body as WebReadableStream<Uint8Array>);
    await new Promise<void>((resolve) => {
      body.on('error', (error) => {
        ctx.log.warn({ err: error, recordingId: params.recordingId }, 'recording download cut short');
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

export const deleteRecordings = defineRoute('deleteRecordings', {
  access: ['admin'],
  owns: ({ actor, params, ctx }) => canSeeSitting(ctx.db, actor, params.sittingId),
  async handle({ actor, params, ctx }) {
    const { deleted, unreachable } = await deleteSittingSegments(ctx, params.sittingId);
    const bytes = deleted.reduce((sum, d) => sum + d.bytes, 0);
    // The list of what went (with each capture's SHA-256) stays in the append-only audit log.
    await recordAudit(ctx.db, {
      actorId: actor.id,
      action: 'recordings.deleted',
      subject: params.sittingId,
      details: { reason: 'manual', segments: deleted, bytes, unreachableNodes: unreachable },
    });
    return { deleted: deleted.length, bytes, unreachableNodes: unreachable };
  },
});
