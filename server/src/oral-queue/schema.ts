import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { at } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

/**
 * An oral exam's turns: when the proctor (or the secretary) called the student to answer and when
 * the answer ended. The queue's order and the preparation time come from the roster and the draws.
 */
export const oralTurns = pgTable(
  'oral_turns',
  {
    sittingId: sittingRef(),
    studentId: userRef(),
    calledAt: at().notNull(),
    calledBy: uuid()
      .notNull()
      .references(() => users.id),
    answeredAt: at(),
  },
  (t) => [
    primaryKey({ columns: [t.sittingId, t.studentId] }),
    check('oral_turns_answer_after_call', sql`${t.answeredAt} is null or ${t.answeredAt} >= ${t.calledAt}`),
  ],
);
