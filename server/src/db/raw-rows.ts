import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './database.js';

/** Rows of a raw SQL query; PGlite and node-postgres both answer with `{ rows }`. */
export async function rawRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
