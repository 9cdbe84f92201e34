import { LANGUAGES, ROLES } from '@adal/shared';
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from '../db/columns.js';

export const roleEnum = pgEnum('role', ROLES as [string, ...string[]]);
export const languageEnum = pgEnum('language', LANGUAGES as [string, ...string[]]);

/** Everyone who logs in: students and staff. A student also has a row in `students`. */
export const users = pgTable(
  'users',
  {
    id: id(),
    login: text().notNull().unique(),
    passwordHash: text().notNull(),
    fullName: text().notNull(),
    role: roleEnum().notNull(),
    language: languageEnum().notNull().default('kk'),
    createdAt: createdAt(),
  },
  (t) => [check('users_login_format', sql`${t.login} ~ '^[a-z0-9._-]{1,64}$'`)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: at().notNull(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

/** A required reference to a user (student, proctor, grader…). */
export const userRef = () =>
  uuid()
    .notNull()
    .references(() => users.id);
