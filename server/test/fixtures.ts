import type { SittingKind } from '@adal/shared';
import { eq } from 'drizzle-orm';
import { users } from '../src/accounts/schema.js';
import type { Db } from '../src/db/database.js';
import type { SeedSummary } from '../src/seed/demo-university.js';
import { academicGroups, disciplines } from '../src/university/schema.js';

export function sittingOf(seed: SeedSummary, kind: SittingKind): string {
  const s = seed.sittings.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} sitting in the seed`);
  return s.id;
}

export async function userId(db: Db, login: string): Promise<string> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  if (!u) throw new Error(`no user ${login}`);
  return u.id;
}

export async function anyDisciplineAndGroup(db: Db) {
  const [d] = await db.select().from(disciplines).limit(1);
  const [g] = await db.select().from(academicGroups).limit(1);
  if (!d || !g) throw new Error('seed has no discipline or group');
  return { disciplineId: d.id, groupId: g.id };
}
