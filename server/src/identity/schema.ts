import type { DocumentReading, FaceMatchResult, LivenessResult } from '@adal/shared';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgEnum, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

export const identityDecisionEnum = pgEnum('identity_decision', ['verified', 'retake', 'rejected']);
export const rosterVerdictEnum = pgEnum('roster_verdict', ['match', 'partial', 'mismatch']);

/**
 * One identity check a student's device sent for a sitting (issue 7): the face photo after the
 * liveness challenge, the document photo, what the device read and measured, the server's own
 * comparison with the list, and the proctor's decision. A retake is a new row; nothing is
 * overwritten. Photos live under the data folder with their SHA-256.
 */
export const identityChecks = pgTable(
  'identity_checks',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    submittedAt: createdAt(),
    faceStorageKey: text().notNull().unique(),
    faceSha256: text().notNull(),
    documentStorageKey: text().notNull().unique(),
    documentSha256: text().notNull(),
    liveness: jsonb().$type<LivenessResult>().notNull(),
    document: jsonb().$type<DocumentReading>().notNull(),
    faceMatch: jsonb().$type<FaceMatchResult>().notNull(),
    rosterVerdict: rosterVerdictEnum().notNull(),
    rosterReasons: text().array().notNull(),
    faceFrameMs: real().notNull(),
    ocrMs: real().notNull(),
    decision: identityDecisionEnum(),
    decisionNote: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: at(),
  },
  (t) => [
    index().on(t.sittingId, t.studentId, t.submittedAt),
    check(
      'identity_checks_sha256',
      sql`${t.faceSha256} ~ '^[0-9a-f]{64}$' and ${t.documentSha256} ~ '^[0-9a-f]{64}$'`,
    ),
    check('identity_checks_decided', sql`(${t.decision} is null) = (${t.decidedAt} is null)`),
  ],
);
