import { sql } from 'drizzle-orm';
import { check, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { attempts } from '../attempts/schema.js';
import { questions } from '../banks/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

/** filed → under_review (a first item decided) → upheld (some item accepted) or rejected (none). */
export const appealStatusEnum = pgEnum('appeal_status', ['filed', 'under_review', 'upheld', 'rejected']);
export const appealDecisionEnum = pgEnum('appeal_decision', ['pending', 'accepted', 'rejected']);

/** A student's appeal of one attempt (seed 002): one per attempt, filed within the appeal window. */
export const appeals = pgTable(
  'appeals',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    attemptId: uuid()
      .notNull()
      .references(() => attempts.id),
    status: appealStatusEnum().notNull().default('filed'),
    filedAt: createdAt(),
    decidedAt: at(),
  },
  (t) => [
    unique().on(t.attemptId),
    check(
      'appeals_decision_complete',
      sql`${t.status} in ('filed', 'under_review') or ${t.decidedAt} is not null`,
    ),
  ],
);

/** One appealed question with the student's comment and the reviewer's decision and reason. */
export const appealItems = pgTable(
  'appeal_items',
  {
    appealId: uuid()
      .notNull()
      .references(() => appeals.id, { onDelete: 'cascade' }),
    questionId: uuid()
      .notNull()
      .references(() => questions.id),
    comment: text().notNull(),
    decision: appealDecisionEnum().notNull().default('pending'),
    reason: text(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: at(),
  },
  (t) => [
    primaryKey({ columns: [t.appealId, t.questionId] }),
    check(
      'appeal_items_decided',
      sql`${t.decision} = 'pending' or (${t.decidedAt} is not null and ${t.decidedBy} is not null and length(${t.reason}) > 0)`,
    ),
  ],
);
