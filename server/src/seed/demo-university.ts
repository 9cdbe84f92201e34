import { defaultPolicies, type Role, type SittingKind } from '@adal/shared';
import { count } from 'drizzle-orm';
import { hashPassword } from '../accounts/passwords.js';
import { users } from '../accounts/schema.js';
import { questionBanks, questions, ticketPools, tickets } from '../banks/schema.js';
import type { Db, Tx } from '../db/database.js';
import { journalMarks } from '../grades/schema.js';
import { commissionMembers, commissions, proctorAssignments, sittings } from '../sittings/schema.js';
import { academicGroups, disciplines, faculties, students } from '../university/schema.js';
import { ALGORITHM_TOPICS, DATABASE_QUESTIONS, demoTickets, toOptions } from './demo-content.js';
import { DEMO_PASSWORD, demoIin, isFemaleName, STAFF, STUDENT_NAMES } from './demo-people.js';

export interface SeedSummary {
  password: string;
  logins: { login: string; role: Role; fullName: string }[];
  sittings: { id: string; kind: SittingKind; startsAt: Date }[];
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/** Start times: today for the computer test and the oral exam, the next days for the rest. */
function demoStart(kind: SittingKind, now: Date): Date {
  const roundTo5 = (d: Date) => new Date(Math.ceil(d.getTime() / 300_000) * 300_000);
  const inHours = (h: number) => roundTo5(new Date(now.getTime() + h * 3600_000));
  const onDay = (days: number, hour: number) => {
    const d = new Date(now);
    d.setDate(d.getDate() + days);
    d.setHours(hour, 0, 0, 0);
    return d;
  };
  const starts: Record<SittingKind, Date> = {
    computer_test: inHours(1),
    oral: inHours(3),
    written: onDay(1, 10),
    state_exam: onDay(2, 10),
    thesis_defence: onDay(3, 9),
  };
  return starts[kind];
}

async function insertUsers(tx: Tx, hash: () => Promise<string>) {
  const staff = await tx
    .insert(users)
    .values(
      await Promise.all(
        STAFF.map(async (s) => ({ ...s, passwordHash: await hash(), language: 'kk' as const })),
      ),
    )
    .returning();
  const studentUsers = await tx
    .insert(users)
    .values(
      await Promise.all(
        STUDENT_NAMES.map(async (fullName, i) => ({
          login: `student${String(i + 1).padStart(2, '0')}`,
          fullName,
          role: 'student' as const,
          passwordHash: await hash(),
          language: 'kk' as const,
        })),
      ),
    )
    .returning();
  const byLogin = (login: string) => {
    const u = staff.find((s) => s.login === login);
    if (!u) throw new Error(`seed: missing ${login}`);
    return u.id;
  };
  return { staff, studentUsers, byLogin };
}

/** Creates the demo university in one transaction and returns the logins to print. */
export async function seedDemoUniversity(db: Db, now = new Date()): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    const [faculty] = await tx
      .insert(faculties)
      .values({ name: 'Ақпараттық технологиялар факультеті' })
      .returning();
    if (!faculty) throw new Error('seed: faculty');
    const [group] = await tx
      .insert(academicGroups)
      .values({ facultyId: faculty.id, name: 'ИС-22-1' })
      .returning();
    if (!group) throw new Error('seed: group');
    const { staff, studentUsers, byLogin } = await insertUsers(tx, () => hashPassword(DEMO_PASSWORD));
    await tx.insert(students).values(
      studentUsers.map((u, i) => ({
        userId: u.id,
        iin: demoIin(i, isFemaleName(u.fullName)),
        groupId: group.id,
        studyLanguage: 'kk' as const,
      })),
    );

    const [commission] = await tx
      .insert(commissions)
      .values({ facultyId: faculty.id, name: 'МАК: 6B06102 Ақпараттық жүйелер' })
      .returning();
    if (!commission) throw new Error('seed: commission');
    await tx.insert(commissionMembers).values([
      { commissionId: commission.id, userId: byLogin('chair'), role: 'chair' },
      { commissionId: commission.id, userId: byLogin('member1'), role: 'member' },
      { commissionId: commission.id, userId: byLogin('member2'), role: 'member' },
      { commissionId: commission.id, userId: byLogin('secretary'), role: 'secretary' },
    ]);

    const disciplineRows = await tx
      .insert(disciplines)
      .values([
        { code: 'DB 3301', name: 'Деректер қоры жүйелері' },
        { code: 'ALG 2205', name: 'Алгоритмдер және деректер құрылымдары' },
        { code: 'PHIL 1102', name: 'Философия' },
        { code: 'SA 4001', name: 'Мамандық бойынша мемлекеттік емтихан' },
        { code: 'TD 4002', name: 'Дипломдық жұмысты қорғау' },
      ])
      .returning();
    const [dbDiscipline, algDiscipline, philDiscipline, stateDiscipline, defenceDiscipline] = disciplineRows;
    if (!dbDiscipline || !algDiscipline || !philDiscipline || !stateDiscipline || !defenceDiscipline)
      throw new Error('seed: disciplines');

    const [bank] = await tx
      .insert(questionBanks)
      .values({ disciplineId: dbDiscipline.id, title: 'Деректер қоры — емтихан банкі' })
      .returning();
    if (!bank) throw new Error('seed: bank');
    await tx.insert(questions).values(
      DATABASE_QUESTIONS.map((q) => {
        const options = toOptions(q.options);
        return {
          bankId: bank.id,
          kind: q.kind,
          difficulty: q.difficulty,
          topic: 'SQL',
          stem: q.stem,
          options,
          correct: q.correct.map((i) => options[i]?.id ?? 'a'),
        };
      }),
    );

    // The databases course journal: current work and midterms before the exam (60–96 %).
    await tx.insert(journalMarks).values(
      studentUsers.map((u, i) => ({
        studentId: u.id,
        disciplineId: dbDiscipline.id,
        currentAverage: 60 + ((i * 7) % 37),
        midterm1: 62 + ((i * 11) % 35),
        midterm2: 64 + ((i * 13) % 33),
      })),
    );

    const pools = await tx
      .insert(ticketPools)
      .values([
        { disciplineId: algDiscipline.id, title: 'Алгоритмдер — жазбаша билеттер' },
        { disciplineId: philDiscipline.id, title: 'Философия — ауызша билеттер' },
        { disciplineId: stateDiscipline.id, title: 'Мемлекеттік емтихан билеттері' },
      ])
      .returning();
    for (const pool of pools)
      await tx
        .insert(tickets)
        .values(demoTickets(ALGORITHM_TOPICS, 10).map((t) => ({ ...t, poolId: pool.id })));

    const plan = [
      { kind: 'computer_test', discipline: dbDiscipline, minutes: 40, bank: bank.id, proctors: ['proctor1'] },
      {
        kind: 'written',
        discipline: algDiscipline,
        minutes: 120,
        pool: pools[0]?.id,
        proctors: ['proctor1', 'proctor2'],
      },
      {
        kind: 'oral',
        discipline: philDiscipline,
        minutes: 180,
        pool: pools[1]?.id,
        proctors: ['proctor1', 'proctor2'],
      },
      { kind: 'state_exam', discipline: stateDiscipline, minutes: 240, pool: pools[2]?.id, commission: true },
      { kind: 'thesis_defence', discipline: defenceDiscipline, minutes: 480, commission: true },
    ] as const;
    const created: SeedSummary['sittings'] = [];
    for (const p of plan) {
      const startsAt = demoStart(p.kind, now);
      const [sitting] = await tx
        .insert(sittings)
        .values({
          kind: p.kind,
          disciplineId: p.discipline.id,
          groupId: group.id,
          startsAt,
          durationMinutes: p.minutes,
          // The demo's computer test runs in any browser, without the proctoring extension (a
          // sitting created through the API requires it, as seed 004 does).
          policies: { ...defaultPolicies(p.kind), extensionRequired: false },
          commissionId: 'commission' in p ? commission.id : null,
          questionBankId: 'bank' in p ? p.bank : null,
          // Twelve questions in the bank, eight on each student's paper.
          blueprint:
            'bank' in p
              ? { simple: 3, medium: 3, hard: 2, shuffleQuestions: true, shuffleOptions: true }
              : null,
          ticketPoolId: 'pool' in p ? (p.pool ?? null) : null,
        })
        .returning();
      if (!sitting) throw new Error('seed: sitting');
      if ('proctors' in p)
        await tx
          .insert(proctorAssignments)
          .values(p.proctors.map((login) => ({ sittingId: sitting.id, proctorId: byLogin(login) })));
      created.push({ id: sitting.id, kind: p.kind, startsAt });
    }

    return {
      password: DEMO_PASSWORD,
      logins: [...staff, ...studentUsers].map((u) => ({
        login: u.login,
        role: u.role as Role,
        fullName: u.fullName,
      })),
      sittings: created,
    };
  });
}
