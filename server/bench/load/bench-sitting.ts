/**
 * The data one level needs: the demo university (for its question bank and proctor), plus one
 * academic group of N students sitting a computer test, every student admitted (green) and
 * holding a live session. Sessions are written directly, as createSession does (only the
 * token's hash is stored): N scrypt logins would take minutes and measure nothing of interest.
 */
import { randomBytes } from 'node:crypto';
import { defaultPolicies } from '@adal/shared';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../src/accounts/schema.js';
import { sessionTokenHash } from '../../src/accounts/sessions.js';
import { questionBanks } from '../../src/banks/schema.js';
import { openDatabase } from '../../src/db/database.js';
import { seedDemoUniversity } from '../../src/seed/demo-university.js';
import { admissions, proctorAssignments, sittings } from '../../src/sittings/schema.js';
import { academicGroups, faculties, students } from '../../src/university/schema.js';

export interface BenchSitting {
  sittingId: string;
  /** Session tokens (the cookie value), one per student. */
  tokens: string[];
}

const BATCH = 1000;
/** Longer than any run, so no attempt reaches its deadline while measured. */
const DURATION_MINUTES = 180;
/** A value verifyPassword always refuses: bench students cannot log in. */
const NO_PASSWORD = 'bench$no-login';

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function createBenchSitting(databaseUrl: string, studentCount: number): Promise<BenchSitting> {
  // Runs the migrations too, so the server process starts on an up-to-date schema.
  const database = await openDatabase({ url: databaseUrl });
  try {
    const db = database.db;
    await seedDemoUniversity(db);
    const [bank] = await db.select().from(questionBanks).limit(1);
    const [faculty] = await db.select().from(faculties).limit(1);
    const [proctor] = await db.select().from(users).where(eq(users.login, 'proctor1'));
    if (!bank || !faculty || !proctor) throw new Error('the demo seed has no bank, faculty or proctor1');

    const [group] = await db
      .insert(academicGroups)
      .values({ facultyId: faculty.id, name: `BENCH-${studentCount}` })
      .returning();
    if (!group) throw new Error('bench group not created');
    const now = new Date();
    const [sitting] = await db
      .insert(sittings)
      .values({
        kind: 'computer_test',
        disciplineId: bank.disciplineId,
        groupId: group.id,
        startsAt: now,
        durationMinutes: DURATION_MINUTES,
        // Simulated students run no browser extension (its cost is the extension's, not the server's).
        policies: { ...defaultPolicies('computer_test'), extensionRequired: false },
        questionBankId: bank.id,
        // As the demo's computer test: eight of the bank's twelve questions per paper.
        blueprint: { simple: 3, medium: 3, hard: 2, shuffleQuestions: true, shuffleOptions: true },
      })
      .returning();
    if (!sitting) throw new Error('bench sitting not created');
    await db.insert(proctorAssignments).values({ sittingId: sitting.id, proctorId: proctor.id });

    const userRows = Array.from({ length: studentCount }, (_, i) => ({
      login: `bench${String(i + 1).padStart(5, '0')}`,
      fullName: `Bench Student ${i + 1}`,
      role: 'student' as const,
      passwordHash: NO_PASSWORD,
      language: 'kk' as const,
    }));
    const ids: string[] = [];
    await inBatches(userRows, async (batch) => {
      const made = await db.insert(users).values(batch).returning({ id: users.id });
      ids.push(...made.map((u) => u.id));
    });
    await inBatches(
      ids.map((userId, i) => ({
        userId,
        // Demo IINs start with 04; these with 99, so the two never collide.
        iin: `99${String(i).padStart(10, '0')}`,
        groupId: group.id,
        studyLanguage: 'kk' as const,
      })),
      (batch) => db.insert(students).values(batch),
    );
    await inBatches(
      ids.map((studentId) => ({
        sittingId: sitting.id,
        studentId,
        access: 'green' as const,
        admittedAt: now,
        changedBy: proctor.id,
      })),
      (batch) => db.insert(admissions).values(batch),
    );
    const tokens = ids.map(() => randomBytes(32).toString('base64url'));
    const expiresAt = new Date(now.getTime() + 12 * 3600_000);
    await inBatches(
      tokens.map((token, i) => ({ tokenHash: sessionTokenHash(token), userId: ids[i] as string, expiresAt })),
      (batch) => db.insert(sessions).values(batch),
    );
    return { sittingId: sitting.id, tokens };
  } finally {
    await database.close();
  }
}
