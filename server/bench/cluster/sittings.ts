/**
 * The load benchmark's sitting (bench/load/bench-sitting.ts), split into two: the SFU places media
 * per sitting, so students spread over two SFU nodes only when they sit two sittings. The second
 * half of the students moves to a second group with its own sitting (same bank, blueprint and
 * proctor), their admissions with them.
 */
import { asc, eq, inArray, like } from 'drizzle-orm';
import { users } from '../../src/accounts/schema.js';
import { openDatabase } from '../../src/db/database.js';
import { admissions, proctorAssignments, sittings } from '../../src/sittings/schema.js';
import { academicGroups, students } from '../../src/university/schema.js';
import { createBenchSitting } from '../load/bench-sitting.js';

export interface ClusterSitting {
  sittingId: string;
  /** Session tokens (the cookie value) and user ids of its students, in the same order. */
  tokens: string[];
  studentIds: string[];
}

export async function createClusterSittings(
  databaseUrl: string,
  studentCount: number,
): Promise<ClusterSitting[]> {
  const first = await createBenchSitting(databaseUrl, studentCount);
  const database = await openDatabase({ url: databaseUrl });
  try {
    const db = database.db;
    // Bench logins are bench00001…: in login order they match the tokens' order.
    const ids = (
      await db
        .select({ id: users.id })
        .from(users)
        .where(like(users.login, 'bench%'))
        .orderBy(asc(users.login))
    ).map((u) => u.id);
    if (ids.length !== first.tokens.length) throw new Error('bench students and tokens do not match');
    const half = Math.ceil(ids.length / 2);
    const moved = ids.slice(half);
    // The simulated students run no browser extension (its handshake and heartbeats are not
    // part of this load): the sittings do without it.
    const [sitting] = await db.select().from(sittings).where(eq(sittings.id, first.sittingId));
    if (sitting) {
      sitting.policies = { ...sitting.policies, extensionRequired: false };
      await db.update(sittings).set({ policies: sitting.policies }).where(eq(sittings.id, sitting.id));
    }
    const [group] = await db.select().from(academicGroups).limit(1);
    const [assignment] = await db
      .select()
      .from(proctorAssignments)
      .where(eq(proctorAssignments.sittingId, first.sittingId));
    if (!sitting || !group || !assignment) throw new Error('the bench sitting is incomplete');
    const [secondGroup] = await db
      .insert(academicGroups)
      .values({ facultyId: group.facultyId, name: `BENCH-${studentCount}-B` })
      .returning();
    if (!secondGroup) throw new Error('second group not created');
    const { id: _id, createdAt: _createdAt, ...copy } = sitting;
    const [second] = await db
      .insert(sittings)
      .values({ ...copy, groupId: secondGroup.id })
      .returning();
    if (!second) throw new Error('second sitting not created');
    await db.insert(proctorAssignments).values({ sittingId: second.id, proctorId: assignment.proctorId });
    for (let i = 0; i < moved.length; i += 1000) {
      const batch = moved.slice(i, i + 1000);
      await db.update(students).set({ groupId: secondGroup.id }).where(inArray(students.userId, batch));
      await db.update(admissions).set({ sittingId: second.id }).where(inArray(admissions.studentId, batch));
    }
    return [
      { sittingId: first.sittingId, tokens: first.tokens.slice(0, half), studentIds: ids.slice(0, half) },
      { sittingId: second.id, tokens: first.tokens.slice(half), studentIds: moved },
    ];
  } finally {
    await database.close();
  }
}
