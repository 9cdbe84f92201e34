import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef, sittings } from '../sittings/schema.js';

export const roomScanEnum = pgEnum('room_scan_state', ['none', 'requested', 'done', 'failed']);
export const sittingEndEnum = pgEnum('sitting_end', ['terminated', 'left', 'denied']);

/**
 * Where a proctor left a student: room scan, how their sitting ended, and who watches them after
 * a hand-over. The Chat&log is the record of how each came about; this is the current state.
 */
export const proctoringStates = pgTable(
  'proctoring_states',
  {
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id, { onDelete: 'cascade' }),
    studentId: userRef(),
    roomScan: roomScanEnum().notNull().default('none'),
    endedAs: sittingEndEnum(),
    endedAt: at(),
    /** Set by a hand-over; null: the even split of the roster between the sitting's proctors. */
    proctorId: uuid().references(() => users.id),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.sittingId, t.studentId] }),
    check('proctoring_end_has_time', sql`(${t.endedAs} is null) = (${t.endedAt} is null)`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Evidence images (a flag's snapshot, a still a proctor took): small, kept per retention. */
export const logSnapshots = pgTable(
  'log_snapshots',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    mimeType: text().notNull(),
    bytes: bytea().notNull(),
    sha256: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.sittingId, t.studentId),
    index().on(t.createdAt),
    check('snapshots_mime', sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check('snapshots_size', sql`octet_length(${t.bytes}) <= 65536`),
  ],
);

/**
 * An automatic flag episode: reports of one type close together are merged here while it may
 * still grow; once it has been over for the merge gap it becomes one Chat&log entry.
 */
export const flagEpisodes = pgTable(
  'flag_episodes',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    type: text().notNull(),
    startedAt: at().notNull(),
    endedAt: at(),
    lastReportAt: at().notNull(),
    confidence: integer().notNull(),
    /** Client episode ids merged in: a retried report is counted once. */
    clientIds: text().array().notNull(),
    /** Client episodes that said "still going on" and have not ended yet. */
    openClientIds: text().array().notNull(),
    snapshotId: uuid().references(() => logSnapshots.id, { onDelete: 'set null' }),
    /** Distinct details of the merged reports (blocked hosts, "paste", extension names), at most 10. */
    details: text().array().notNull().default(sql`'{}'::text[]`),
    loggedSeq: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    // At most one episode per student and type may still grow.
    uniqueIndex('flag_episodes_one_open')
      .on(t.sittingId, t.studentId, t.type)
      .where(sql`${t.loggedSeq} is null`),
    index('flag_episodes_unlogged').on(t.lastReportAt).where(sql`${t.loggedSeq} is null`),
    check('flag_confidence_range', sql`${t.confidence} between 0 and 100`),
  ],
);
