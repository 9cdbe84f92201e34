import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

export const defenceOutcomeEnum = pgEnum('defence_outcome', ['defended', 'stopped']);
export const defenceDecisionEnum = pgEnum('defence_decision', ['resume', 'stop']);

/**
 * One student's thesis defence: started by the secretary (or the chair), the talk ended when
 * questions began, finished as defended or stopped by the commission (exam-procedures.md).
 */
export const defenceTurns = pgTable(
  'defence_turns',
  {
    sittingId: sittingRef(),
    studentId: userRef(),
    startedAt: at().notNull(),
    startedBy: uuid()
      .notNull()
      .references(() => users.id),
    talkEndedAt: at(),
    finishedAt: at(),
    outcome: defenceOutcomeEnum(),
    finishedBy: uuid().references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.sittingId, t.studentId] }),
    check('defence_turns_finished_has_outcome', sql`(${t.finishedAt} is null) = (${t.outcome} is null)`),
    check(
      'defence_turns_talk_after_start',
      sql`${t.talkEndedAt} is null or ${t.talkEndedAt} >= ${t.startedAt}`,
    ),
    check(
      'defence_turns_finish_after_start',
      sql`${t.finishedAt} is null or ${t.finishedAt} >= ${t.startedAt}`,
    ),
  ],
);

/** A technical problem during a defence, and the commission's decision to resume or stop it. */
export const defenceInterruptions = pgTable(
  'defence_interruptions',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    interruptedAt: at().notNull(),
    interruptedBy: uuid()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    decidedAt: at(),
    decision: defenceDecisionEnum(),
    decidedBy: uuid().references(() => users.id),
  },
  (t) => [
    index().on(t.sittingId, t.studentId),
    check('defence_interruptions_decided', sql`(${t.decidedAt} is null) = (${t.decision} is null)`),
  ],
);

/** A question the secretary typed for the defending student (read when the sound fails). */
export const defenceQuestions = pgTable(
  'defence_questions',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    /** 1, 2, … per student, in the order asked. */
    seq: integer().notNull(),
    text: text().notNull(),
    askedBy: uuid()
      .notNull()
      .references(() => users.id),
    askedAt: createdAt(),
  },
  (t) => [index().on(t.sittingId, t.studentId, t.seq)],
);
