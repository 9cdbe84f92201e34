import { sql } from 'drizzle-orm';
import { check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { languageEnum, users } from '../accounts/schema.js';
import { createdAt, id } from '../db/columns.js';

export const faculties = pgTable('faculties', {
  id: id(),
  name: text().notNull().unique(),
  createdAt: createdAt(),
});

export const academicGroups = pgTable('academic_groups', {
  id: id(),
  facultyId: uuid()
    .notNull()
    .references(() => faculties.id),
  name: text().notNull().unique(),
  createdAt: createdAt(),
});

/** A student's record: the user plus IIN, group and study language. */
export const students = pgTable(
  'students',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    iin: text().notNull().unique(),
    groupId: uuid()
      .notNull()
      .references(() => academicGroups.id),
    studyLanguage: languageEnum().notNull(),
  },
  (t) => [check('students_iin_digits', sql`${t.iin} ~ '^[0-9]{12}$'`)],
);

export const disciplines = pgTable('disciplines', {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  createdAt: createdAt(),
});
