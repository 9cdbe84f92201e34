import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/database.js';
import { rawRows } from '../src/db/raw-rows.js';

/** A digest of every row of every table, to prove a refused call changed nothing. */
export async function dbFingerprint(
  db: Db,
  options: { ignoreConnectionEntries?: boolean } = {},
): Promise<Record<string, string>> {
  const tables = await rawRows<{ name: string }>(
    db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    // A student's socket opening or closing is logged (source 'connection') a moment later:
    // socket tests compare everything else.
    const where =
      options.ignoreConnectionEntries && name === 'violation_log_entries'
        ? ` WHERE source <> 'connection'`
        : '';
    const [row] = await rawRows<{ d: string | null }>(
      db,
      sql.raw(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS d FROM "${name}" t${where}`),
    );
    result[name] = row?.d ?? 'empty';
  }
  return result;
}
