import type { Blueprint, SittingPolicies } from '@adal/shared';
import { ControlKind, SITTING_KINDS } from '@adal/shared';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { questionBanks, ticketPools } from '../banks/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { academicGroups, disciplines, faculties } from '../university/schema.js';

export const sittingKindEnum = pgEnum('sitting_kind', SITTING_KINDS as [string, ...string[]]);
export const controlKindEnum = pgEnum('control_kind', ControlKind.options as [string, ...string[]]);
export const accessEnum = pgEnum('access_status', ['red', 'green']);
export const commissionRoleEnum = pgEnum('commission_role', ['chair', 'member', 'secretary']);

/** State attestation commission (МАК / ГЭК). */
export const commissions = pgTable('commissions', {
  id: id(),
  facultyId: uuid()
    .notNull()
    .references(() => faculties.id),
  name: text().notNull(),
  createdAt: createdAt(),
});

export const commissionMembers = pgTable(
  'commission_members',
  {
    commissionId: uuid()
      .notNull()
      .references(() => commissions.id, { onDelete: 'cascade' }),
    userId: userRef(),
    role: commissionRoleEnum().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commissionId, t.userId] }),
    // One chair and one technical secretary per commission; any number of members.
    uniqueIndex('commission_one_chair').on(t.commissionId).where(sql`${t.role} = 'chair'`),
    uniqueIndex('commission_one_secretary').on(t.commissionId).where(sql`${t.role} = 'secretary'`),
  ],
);

/** One exam event for one academic group. */
export const sittings = pgTable(
  'sittings',
  {
    id: id(),
    kind: sittingKindEnum().notNull(),
    controlKind: controlKindEnum().notNull().default('exam'),
    disciplineId: uuid()
      .notNull()
      .references(() => disciplines.id),
    groupId: uuid()
      .notNull()
      .references(() => academicGroups.id),
    startsAt: at().notNull(),
    durationMinutes: integer().notNull(),
    policies: jsonb().$type<SittingPolicies>().notNull(),
    /** Computer tests: how many questions of each difficulty, from which bank (null: not set yet). */
    blueprint: jsonb().$type<Blueprint>(),
    commissionId: uuid().references(() => commissions.id),
    questionBankId: uuid().references(() => questionBanks.id),
    ticketPoolId: uuid().references(() => ticketPools.id),
    /** A make-up sitting (after a justified absence) is for one student of the group only. */
    makeUpForStudentId: uuid().references(() => users.id),
    /** The sitting the student missed. */
    makeUpOfSittingId: uuid().references((): AnyPgColumn => sittings.id),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.groupId, t.startsAt),
    check('sittings_duration_positive', sql`${t.durationMinutes} between 1 and 720`),
    // State attestation is run by a commission; other kinds may have none.
    check(
      'sittings_make_up_names_both',
      sql`(${t.makeUpForStudentId} is null) = (${t.makeUpOfSittingId} is null)`,
    ),
    check(
      'sittings_state_needs_commission',
      sql`${t.kind} not in ('state_exam', 'thesis_defence') or ${t.commissionId} is not null`,
    ),
  ],
);

export const proctorAssignments = pgTable(
  'proctor_assignments',
  {
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id, { onDelete: 'cascade' }),
    proctorId: userRef(),
    assignedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sittingId, t.proctorId] }), index().on(t.proctorId)],
);

/** Access status per student and sitting; no row means red (not yet admitted). */
export const admissions = pgTable(
  'admissions',
  {
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id, { onDelete: 'cascade' }),
    studentId: userRef(),
    access: accessEnum().notNull(),
    admittedAt: at(),
    changedBy: userRef(),
    changedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.sittingId, t.studentId] }),
    check('admissions_green_has_time', sql`${t.access} = 'red' or ${t.admittedAt} is not null`),
  ],
);

/** A required reference to a sitting; rows about a sitting never outlive it silently. */
export const sittingRef = () =>
  uuid()
    .notNull()
    .references(() => sittings.id);
