import { sql } from 'drizzle-orm';
import { bigserial, check, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

export const logSourceEnum = pgEnum('log_source', [
  'auto_flag',
  'media',
  'connection',
  'proctor',
  'system',
  'chat',
]);
export const severityEnum = pgEnum('severity', ['info', 'low', 'medium', 'high']);

/**
 * The violation Chat&log: one append-only chain per student and sitting. Each entry carries the
 * SHA-256 of the previous one; a database trigger refuses UPDATE and DELETE.
 */
export const violationLogEntries = pgTable(
  'violation_log_entries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    sittingId: sittingRef(),
    studentId: userRef(),
    seq: integer().notNull(),
    at: createdAt(),
    source: logSourceEnum().notNull(),
    type: text().notNull(),
    severity: severityEnum().notNull(),
    text: text().notNull().default(''),
    evidence: jsonb().$type<Record<string, unknown>>(),
    /** For merged automatic flags: how long the episode lasted. */
    durationMs: integer(),
    confidence: integer(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    unique().on(t.sittingId, t.studentId, t.seq),
    check('log_seq_positive', sql`${t.seq} >= 1`),
    check('log_confidence_range', sql`${t.confidence} is null or ${t.confidence} between 0 and 100`),
  ],
);
