import { createHash } from 'node:crypto';
import { SNAPSHOT_MAX_BYTES } from '@adal/shared';
import { lt } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Db, Tx } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { logSnapshots } from './schema.js';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** A still from a webcam or a screen; a picture declaring more pixels is a decompression bomb. */
const MAX_SNAPSHOT_PIXELS = 4096 * 4096;

/** An evidence image's bytes and type, checked by content (not what the client says it is). */
export async function checkSnapshot(
  base64: string,
  path: string,
): Promise<{ bytes: Buffer; mimeType: string }> {
  const bytes = Buffer.from(base64, 'base64');
  const refuse = (message: string) =>
    new HttpError('validation_failed', 'The snapshot was refused.', [{ path, message }]);
  if (bytes.length === 0) throw refuse('empty');
  if (bytes.length > SNAPSHOT_MAX_BYTES) throw refuse('over 64 KB');
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !IMAGE_TYPES.has(type.mime)) throw refuse('not a JPEG, PNG or WebP image');
  // Staff's browsers show it inline: its header must read, and declare a sane size.
  const readable = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_SNAPSHOT_PIXELS })
    .metadata()
    .then(
      () => true,
      () => false,
    );
  if (!readable) throw refuse('not a readable image of at most 4096×4096 px');
  return { bytes, mimeType: type.mime };
}

/** Checks an evidence image by its content and stores it. */
export async function storeSnapshot(
  db: Db | Tx,
  owner: { sittingId: string; studentId: string },
  base64: string,
  path: string,
): Promise<string> {
  const { bytes, mimeType } = await checkSnapshot(base64, path);
  const [row] = await db
    .insert(logSnapshots)
    .values({
      ...owner,
      mimeType,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    })
    .returning({ id: logSnapshots.id });
  if (!row) throw new Error('snapshot insert returned no row');
  return row.id;
}

/**
 * Evidence images follow the recordings' retention (RECORDING_RETENTION_DAYS): the log entry
 * stays (it is evidence of what happened); the image it points to goes. Audited.
 */
export async function sweepSnapshots(ctx: AppContext): Promise<number> {
  const days = ctx.config.recordingRetentionDays;
  const cutoff = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const gone = await ctx.db
    .delete(logSnapshots)
    .where(lt(logSnapshots.createdAt, cutoff))
    .returning({ id: logSnapshots.id, sittingId: logSnapshots.sittingId });
  const bySitting = new Map<string, number>();
  for (const g of gone) bySitting.set(g.sittingId, (bySitting.get(g.sittingId) ?? 0) + 1);
  for (const [sittingId, count] of bySitting)
    await recordAudit(ctx.db, {
      actorId: null,
      action: 'snapshots.deleted',
      subject: sittingId,
      details: { reason: 'retention', retentionDays: days, count },
    });
  return gone.length;
}
