/**
 * The data the upload run needs: the demo university (for a discipline and proctor1), plus one
 * academic group of N students sitting a written exam, every student admitted and holding a live
 * session. Sessions are written directly, as bench:load does (only the token's hash is stored):
 * N scrypt logins would measure nothing of interest.
 */
import { randomBytes } from 'node:crypto';
import { defaultPolicies } from '@adal/shared';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../src/accounts/schema.js';
import { sessionTokenHash } from '../../src/accounts/sessions.js';
import { openDatabase } from '../../src/db/database.js';
import { seedDemoUniversity } from '../../src/seed/demo-university.js';
import { admissions, proctorAssignments, sittings } from '../../src/sittings/schema.js';
import { academicGroups, faculties, students } from '../../src/university/schema.js';

export interface SheetSitting {
  sittingId: string;
  /** Session tokens (the cookie value), one per student. */
  tokens: string[];
}

/** A value verifyPassword always refuses: bench students cannot log in. */
const NO_PASSWORD = 'bench$no-login';

export async function createSheetSitting(databaseUrl: string, studentCount: number): Promise<SheetSitting> {
  // Runs the migrations too, so the server process starts on an up-to-date schema.
  const database = await openDatabase({ url: databaseUrl });
  try {
    const db = database.db;
    await seedDemoUniversity(db);
    const [faculty] = await db.select().from(faculties).limit(1);
    const [proctor] = await db.select().from(users).where(eq(users.login, 'proctor1'));
    const [demo] = await db.select().from(sittings).where(eq(sittings.kind, 'written'));
    if (!faculty || !proctor || !demo)
      throw new Error('the demo seed has no faculty, proctor1 or written exam');
    const [group] = await db
      .insert(academicGroups)
      .values({ facultyId: faculty.id, name: `BENCH-SHEETS-${studentCount}` })
      .returning();
    if (!group) throw new Error('bench group not created');
    const now = new Date();
    const [sitting] = await db
      .insert(sittings)
      .values({
        kind: 'written',
        disciplineId: demo.disciplineId,
        groupId: group.id,
        startsAt: now,
        durationMinutes: 180,
        policies: defaultPolicies('written'),
        ticketPoolId: demo.ticketPoolId,
      })
      .returning();
    if (!sitting) throw new Error('bench sitting not created');
    await db.insert(proctorAssignments).values({ sittingId: sitting.id, proctorId: proctor.id });
    const made = await db
      .insert(users)
      .values(
        Array.from({ length: studentCount }, (_, i) => ({
          login: `sheets${String(i + 1).padStart(5, '0')}`,
          fullName: `Bench Student ${i + 1}`,
          role: 'student' as const,
          passwordHash: NO_PASSWORD,
          language: 'kk' as const,
        })),
      )
      .returning({ id: users.id });
    const ids = made.map((u) => u.id);
    await db.insert(students).values(
      // Demo IINs start with 04, bench:load's with 99; these with 98.
      ids.map((userId, i) => ({
        userId,
        iin: `98${String(i).padStart(10, '0')}`,
        groupId: group.id,
        studyLanguage: 'kk' as const,
      })),
    );
    await db.insert(admissions).values(
      ids.map((studentId) => ({
        sittingId: sitting.id,
        studentId,
        access: 'green' as const,
        admittedAt: now,
        changedBy: proctor.id,
      })),
    );
    const tokens = ids.map(() => randomBytes(32).toString('base64url'));
    const expiresAt = new Date(now.getTime() + 12 * 3600_000);
    await db.insert(sessions).values(
      tokens.map((token, i) => ({
        tokenHash: sessionTokenHash(token),
        userId: ids[i] as string,
        expiresAt,
      })),
    );
    return { sittingId: sitting.id, tokens };
  } finally {
    await database.close();
  }
}
