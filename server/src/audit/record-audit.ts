import type { Db, Tx } from '../db/database.js';
import { auditLog } from './schema.js';

export interface AuditRecord {
  actorId: string | null;
  /** dotted verb, e.g. "admission.granted", "sitting.created" */
  action: string;
  subject: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db | Tx, record: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({ ...record, details: record.details ?? {} });
}
