import type { DeletedRecording } from '@adal/shared';
import type { AppContext } from '../../app-context.js';
import { recordAudit } from '../../audit/record-audit.js';
import { sweepRetention } from './sfu-recordings.js';

/**
 * Deletes recordings that ended more than RECORDING_RETENTION_DAYS ago on every live SFU node and
 * writes one audit entry per sitting listing what went. A node that is down is swept next time.
 */
export async function runRetentionSweep(ctx: AppContext): Promise<{ deleted: number; unreachable: number }> {
  const days = ctx.config.recordingRetentionDays;
  const { deleted, unreachable } = await sweepRetention(ctx, days);
  const bySitting = new Map<string, DeletedRecording[]>();
  for (const d of deleted) bySitting.set(d.sittingId, [...(bySitting.get(d.sittingId) ?? []), d]);
  for (const [sittingId, segments] of bySitting)
    await recordAudit(ctx.db, {
      actorId: null,
      action: 'recordings.deleted',
      subject: sittingId,
      details: {
        reason: 'retention',
        retentionDays: days,
        segments,
        bytes: segments.reduce((sum, s) => sum + s.bytes, 0),
      },
    });
  ctx.log.info({ deleted: deleted.length, unreachableNodes: unreachable, days }, 'recording retention sweep');
  return { deleted: deleted.length, unreachable };
}
