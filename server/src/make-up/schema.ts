import { sql } from 'drizzle-orm';
import { bigint, check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef, sittings } from '../sittings/schema.js';

export const absenceReasonEnum = pgEnum('absence_reason', [
  'no_internet',
  'power_cut',
  'illness',
  'family',
  'other',
]);
export const makeUpStatusEnum = pgEnum('make_up_status', ['pending', 'approved', 'rejected']);

/**
 * A student's application for a make-up sitting after a justified absence (exam-procedures.md,
 * "Absence and make-up"). The evidence file lives under the data folder; `evidenceSha256` proves
 * it unchanged. Approval links the make-up sitting it created.
 */
export const makeUpApplications = pgTable(
  'make_up_applications',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    reason: absenceReasonEnum().notNull(),
    explanation: text().notNull(),
    evidenceFileName: text().notNull(),
    evidenceMimeType: text().notNull(),
    evidenceByteSize: bigint({ mode: 'number' }).notNull(),
    evidenceSha256: text().notNull(),
    evidenceStorageKey: text().notNull().unique(),
    status: makeUpStatusEnum().notNull().default('pending'),
    submittedAt: createdAt(),
    decidedAt: at(),
    decidedBy: uuid().references(() => users.id),
    decisionNote: text(),
    makeUpSittingId: uuid().references(() => sittings.id),
  },
  (t) => [
    // One open (pending or approved) application per student and missed sitting; after a
    // rejection the student may apply again with better evidence.
    uniqueIndex('make_up_one_open').on(t.sittingId, t.studentId).where(sql`${t.status} <> 'rejected'`),
    index().on(t.status, t.submittedAt),
    check('make_up_sha256', sql`${t.evidenceSha256} ~ '^[0-9a-f]{64}$'`),
    check(
      'make_up_decided',
      sql`(${t.status} = 'pending') = (${t.decidedAt} is null) and (${t.status} = 'approved') = (${t.makeUpSittingId} is not null)`,
    ),
    check('make_up_rejection_has_note', sql`${t.status} <> 'rejected' or ${t.decisionNote} is not null`),
  ],
);
