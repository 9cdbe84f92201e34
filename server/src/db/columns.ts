import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Column helpers every table uses, so ids and times look the same everywhere. */
export const id = () => uuid().primaryKey().defaultRandom();
export const at = () => timestamp({ withTimezone: true, mode: 'date' });
export const createdAt = () => at().notNull().defaultNow();
