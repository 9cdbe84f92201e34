import { defaultPolicies } from '@adal/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import { recordGrade } from '../src/grades/record-grade.js';
import { grades } from '../src/grades/schema.js';
import { mediaSourceEvents } from '../src/media/schema.js';
import { commissionMembers, sittings } from '../src/sittings/schema.js';
import { students } from '../src/university/schema.js';
import { violationLogEntries } from '../src/violations/schema.js';
import { anyDisciplineAndGroup, sittingOf, userId } from './fixtures.js';
import { type StorageMode, startTestApp, type TestApp } from './test-app.js';

/** Postgres errors arrive wrapped by drizzle; the constraint name is in the cause chain. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const parts: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause)
      parts.push(e.message, (e as { constraint?: string }).constraint ?? '');
    return parts.join(' ');
  }
  throw new Error('the database accepted it');
}

describe.each<StorageMode>(['pglite', 'postgres'])('database invariants on %s', (storage) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ storage });
  });
  afterAll(() => t?.close());

  it('a state exam cannot exist without a commission', async () => {
    const refs = await anyDisciplineAndGroup(t.database.db);
    const msg = await refusal(
      t.database.db.insert(sittings).values({
        ...refs,
        kind: 'state_exam',
        startsAt: new Date(),
        durationMinutes: 60,
        policies: defaultPolicies('state_exam'),
      }),
    );
    expect(msg).toContain('sittings_state_needs_commission');
  });

  it('an IIN is twelve digits and unique', async () => {
    const id = await userId(t.database.db, 'student03');
    expect(
      await refusal(t.database.db.update(students).set({ iin: '12345' }).where(eq(students.userId, id))),
    ).toContain('students_iin_digits');
    const [other] = await t.database.db.select().from(students).limit(1);
    const msg = await refusal(
      t.database.db
        .update(students)
        .set({ iin: other?.iin ?? '' })
        .where(eq(students.userId, id)),
    );
    expect(msg).toMatch(/unique|duplicate/i);
  });

  it('a commission has one chair', async () => {
    const [chairRow] = await t.database.db
      .select()
      .from(commissionMembers)
      .where(eq(commissionMembers.role, 'chair'));
    const member2 = await userId(t.database.db, 'member2');
    const msg = await refusal(
      t.database.db
        .update(commissionMembers)
        .set({ role: 'chair' })
        .where(eq(commissionMembers.userId, member2)),
    );
    expect(chairRow).toBeDefined();
    expect(msg).toContain('commission_one_chair');
  });

  it('a grade percent stays within 0..100', async () => {
    const sittingId = sittingOf(t.seed, 'written');
    const studentId = await userId(t.database.db, 'student04');
    const msg = await refusal(
      t.database.db.insert(grades).values({
        sittingId,
        studentId,
        percent: 101,
        letter: 'A',
        gpaPoints: 4,
        traditional: 'excellent',
        gradedBy: studentId,
      }),
    );
    expect(msg).toContain('grades_percent_range');
  });

  it('a grade’s letter, points and traditional grade always agree with its percent', async () => {
    const db = t.database.db;
    const sittingId = sittingOf(t.seed, 'oral');
    const studentId = await userId(db, 'student06');
    const gradedBy = await userId(db, 'proctor1');
    const first = await recordGrade(db, { sittingId, studentId, percent: 94.5, gradedBy });
    expect(first).toMatchObject({ percent: 94.5, letter: 'A', gpaPoints: 4, traditional: 'excellent' });
    const corrected = await recordGrade(db, { sittingId, studentId, percent: 49, gradedBy });
    expect(corrected).toMatchObject({
      id: first.id,
      letter: 'FX',
      gpaPoints: 0.5,
      traditional: 'unsatisfactory',
    });
    const other = await userId(db, 'student07');
    const wrongLetter = {
      sittingId,
      studentId: other,
      percent: 70,
      letter: 'A',
      gpaPoints: 2.33,
      traditional: 'good',
      gradedBy,
    };
    expect(await refusal(db.insert(grades).values(wrongLetter))).toContain('grades_letter_matches_percent');
    const wrongPoints = { ...wrongLetter, letter: 'C+', gpaPoints: 3 };
    expect(await refusal(db.insert(grades).values(wrongPoints))).toContain('grades_points_match_percent');
    const wrongTraditional = { ...wrongLetter, letter: 'C+', traditional: 'satisfactory' };
    expect(await refusal(db.insert(grades).values(wrongTraditional))).toContain(
      'grades_traditional_matches_percent',
    );
  });

  it('the violation log, the audit log and media source events refuse UPDATE and DELETE', async () => {
    const db = t.database.db;
    const sittingId = sittingOf(t.seed, 'computer_test');
    const studentId = await userId(db, 'student05');
    const [entry] = await db
      .insert(violationLogEntries)
      .values({
        sittingId,
        studentId,
        seq: 1,
        source: 'system',
        type: 'admitted',
        severity: 'info',
        prevHash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      })
      .returning();
    expect(entry).toBeDefined();
    expect(
      await refusal(
        db
          .update(violationLogEntries)
          .set({ text: 'edited' })
          .where(eq(violationLogEntries.id, entry?.id ?? 0)),
      ),
    ).toContain('append-only');
    expect(
      await refusal(db.delete(violationLogEntries).where(eq(violationLogEntries.id, entry?.id ?? 0))),
    ).toContain('append-only');
    await db.insert(auditLog).values({ actorId: null, action: 'test', subject: null });
    await db
      .insert(mediaSourceEvents)
      .values({ sittingId, studentId, source: 'webcam', state: 'stopped', reason: 'closed', at: new Date() });
    expect(await refusal(db.execute(sql`UPDATE media_source_events SET state = 'live'`))).toContain(
      'append-only',
    );
    expect(await refusal(db.delete(mediaSourceEvents))).toContain('append-only');
    expect(await refusal(db.execute(sql`DELETE FROM audit_log`))).toContain('append-only');
    const [still] = await db
      .select()
      .from(violationLogEntries)
      .where(eq(violationLogEntries.id, entry?.id ?? 0));
    expect(still?.text).toBe('');
  });
});
