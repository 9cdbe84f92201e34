import type { ExtensionStatus } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { extensionSessions } from './schema.js';

export type ExtensionSession = typeof extensionSessions.$inferSelect;

export const whereSession = (sittingId: string, studentId: string) =>
  and(eq(extensionSessions.sittingId, sittingId), eq(extensionSessions.studentId, studentId));

export async function loadSession(
  db: Db | Tx,
  sittingId: string,
  studentId: string,
): Promise<ExtensionSession | undefined> {
  const [row] = await db.select().from(extensionSessions).where(whereSession(sittingId, studentId));
  return row;
}

/** What the proctor sees; a student whose extension never answered has only nulls. */
export function toStatus(row: ExtensionSession | undefined): ExtensionStatus {
  return {
    version: row?.version ?? null,
    extensionId: row?.extensionId ?? null,
    handshakeAt: row?.handshakeAt?.toISOString() ?? null,
    lastHeartbeatAt: row?.lastHeartbeatAt?.toISOString() ?? null,
    lockdownActive: row?.lockdownActive ?? false,
    silent: row?.silentEpisodeId != null,
    environment: row?.environment ?? null,
  };
}
