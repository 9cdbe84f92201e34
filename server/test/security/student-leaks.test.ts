import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { http, type RouteName } from '@adal/shared';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/accounts/schema.js';
import type { Db } from '../../src/db/database.js';
import { proctorAssignments, sittings } from '../../src/sittings/schema.js';
import { academicGroups, students } from '../../src/university/schema.js';
import { admit, setPolicy } from '../attempt-helpers.js';
import { anyDisciplineAndGroup, sittingOf, userId } from '../fixtures.js';
import { type CallResult, TestClient } from '../http-client.js';
import { unreadIdentityCheck } from '../identity-body.js';
import { connectSocket, emitAck, type TestSocket } from '../socket-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { findLeaks, needlesFor } from './leak-needles.js';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
/** Queries some GET routes need to get past validation. */
const QUERY: Partial<Record<RouteName, string>> = {
  sheetFile: '?size=thumbnail',
  identityPhoto: '?photo=face',
  sessionReportFile: '?format=csv',
  commissionProtocolFile: '?lang=kk',
  auditLog: '?limit=50',
};

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#8a6f5c' } })
    .jpeg({ quality: 80 })
    .toBuffer();

/** An identity check as the exam page sends it (no document read: nothing to compare). */
const identityCheck = async () => unreadIdentityCheck(await jpeg(640, 480), await jpeg(800, 600));

/** A student of another group with a sitting of their own (the oral exam's copy), proctored by proctor1. */
async function anotherGroupsSitting(db: Db, like: string) {
  const [seed] = await db.select().from(sittings).where(eq(sittings.id, like));
  const [seedGroup] = await db.select().from(academicGroups);
  if (!seed || !seedGroup) throw new Error('no seed');
  const [group] = await db
    .insert(academicGroups)
    .values({ facultyId: seedGroup.facultyId, name: 'ВТ-22-2' })
    .returning();
  const { id: _id, createdAt: _c, ...copy } = seed;
  const [sitting] = await db
    .insert(sittings)
    .values({ ...copy, groupId: group?.id as string })
    .returning();
  const [student01] = await db.select().from(users).where(eq(users.login, 'student01'));
  const [outsider] = await db
    .insert(users)
    .values({
      login: 'outsider01',
      fullName: 'Сейтқалиев Нұрлан Асқарұлы',
      role: 'student',
      passwordHash: student01?.passwordHash as string,
    })
    .returning();
  await db.insert(students).values({
    userId: outsider?.id as string,
    iin: '031115300917',
    groupId: group?.id as string,
    studyLanguage: 'ru',
  });
  await db
    .insert(proctorAssignments)
    .values({ sittingId: sitting?.id as string, proctorId: await userId(db, 'proctor1') });
  return sitting?.id as string;
}

describe('what a student is sent (issue 9: leak scan)', () => {
  let t: TestApp;
  let db: Db;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-leaks-'));
  beforeAll(async () => {
    t = await startTestApp({
      env: { DATA_DIR: dataDir, SFU_PUBLIC_URL: 'http://127.0.0.1:9', API_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    db = t.database.db;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends no other student, other sitting, undrawn ticket or answer key in any response or event', async () => {
    const test = sittingOf(t.seed, 'computer_test');
    const written = sittingOf(t.seed, 'written');
    const oral = sittingOf(t.seed, 'oral');
    const defence = sittingOf(t.seed, 'thesis_defence');
    const elsewhere = await anotherGroupsSitting(db, oral);
    const mySittings = [...t.seed.sittings.map((s) => s.id)];
    const me = await userId(db, 'student01');
    const peer = await userId(db, 'student02');
    const clients = new Map<string, TestClient>();
    const as = async (login: string) => {
      const known = clients.get(login);
      if (known) return known;
      const c = await new TestClient(t.baseUrl).login(login);
      clients.set(login, c);
      return c;
    };
    const ok = async (res: Promise<CallResult>, what: string) => {
      const r = await res;
      if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };

    // Everything the observer (student01) receives: bodies, acks and pushed events.
    const captured: { where: string; text: string }[] = [];
    const observer = await as('student01');
    const seen = async (where: string, res: Promise<CallResult>) => {
      const r = await res;
      captured.push({ where: `${where} → ${r.status}`, text: JSON.stringify(r.body ?? '') });
      return r;
    };
    const socket: TestSocket = await connectSocket(t.baseUrl, observer.cookie);
    const events: string[] = [];
    socket.onAny((event: string, ...args: unknown[]) => {
      events.push(event);
      captured.push({ where: `event ${event}`, text: JSON.stringify(args) });
    });
    const proctor = await as('proctor1');
    const secretary = await as('secretary');

    // Computer test: a peer's attempt, messages, violation and identity check; the observer's attempt.
    for (const n of ['01', '02', '03']) await admit(db, test, `student${n}`);
    const peerAttempt = await ok(
      (await as('student02')).call('startAttempt', { params: { sittingId: test }, body: {} }),
      'peer attempt',
    );
    const peerSocket = await connectSocket(t.baseUrl, (await as('student02')).cookie);
    await emitAck(peerSocket, 'attempt:answer', {
      attemptId: peerAttempt.attemptId,
      questionId: peerAttempt.questions[0].questionId,
      response: [peerAttempt.questions[0].options[0].id],
      revision: 1,
    });
    peerSocket.close();
    const peerLog = { params: { sittingId: test, studentId: peer } };
    await ok(
      proctor.call('messageStudent', { ...peerLog, body: { text: 'Student two, sit up.' } }),
      'message',
    );
    await ok(
      proctor.call('raiseViolation', {
        ...peerLog,
        body: { type: 'talking', severity: 'low', note: 'Talking.' },
      }),
      'violation',
    );
    await ok(
      proctor.call('setAdmission', {
        params: { sittingId: test },
        body: { studentId: peer, access: 'green' },
      }),
      'admission',
    );
    const peerCheck = await ok(
      (await as('student02')).call('submitIdentityCheck', {
        params: { sittingId: test },
        body: await identityCheck(),
      }),
      'peer identity',
    );
    await ok(
      proctor.call('decideIdentityCheck', {
        params: { sittingId: test, studentId: peer, checkId: peerCheck.checkId },
        body: { decision: 'verified' },
      }),
      'decide identity',
    );
    const paper = (
      await seen('startAttempt', observer.call('startAttempt', { params: { sittingId: test }, body: {} }))
    ).body;
    const answered = await emitAck(socket, 'attempt:answer', {
      attemptId: paper.attemptId,
      questionId: paper.questions[0].questionId,
      response: [paper.questions[0].options[0].id],
      revision: 1,
    });
    captured.push({ where: 'attempt:answer ack', text: JSON.stringify(answered) });
    const myCheck = (
      await seen(
        'submitIdentityCheck',
        observer.call('submitIdentityCheck', { params: { sittingId: test }, body: await identityCheck() }),
      )
    ).body;

    // Written exam (closed tickets): peers draw before and after the observer; a proctor opens one.
    const drawn: string[] = [];
    for (const n of ['01', '02', '03', '04']) await admit(db, written, `student${n}`);
    for (const n of ['02', '03'])
      await ok(
        (await as(`student${n}`)).call('drawTicket', { params: { sittingId: written }, body: { card: 0 } }),
        'draw',
      );
    await ok(proctor.call('studentTicket', { params: { sittingId: written, studentId: peer } }), 'ticket');
    const myWritten = await seen(
      'drawTicket',
      observer.call('drawTicket', { params: { sittingId: written }, body: { card: 1 } }),
    );
    drawn.push(...myWritten.body.questions);
    await ok(
      (await as('student04')).call('drawTicket', { params: { sittingId: written }, body: { card: 0 } }),
      'draw',
    );
    // The written draw ends (order and salt public: who drew what stays staff-only); the oral one does not.
    await ok(proctor.call('revealTicketDraw', { params: { sittingId: written }, body: {} }), 'reveal');
    await ok(
      proctor.call('gradeStudent', {
        params: { sittingId: written, studentId: peer },
        body: { percent: 74 },
      }),
      'grade',
    );
    await ok(
      proctor.call('gradeStudent', { params: { sittingId: written, studentId: me }, body: { percent: 81 } }),
      'grade',
    );
    await ok(proctor.call('publishGrades', { params: { sittingId: written }, body: {} }), 'publish');

    // Oral exam: everyone admitted draws, the examiner calls the first in list order.
    await setPolicy(db, oral, { oralQuestioningDelayMinutes: 0 });
    for (const n of ['01', '02', '03']) await admit(db, oral, `student${n}`);
    for (const n of ['02', '03'])
      await ok(
        (await as(`student${n}`)).call('drawTicket', { params: { sittingId: oral }, body: { card: 0 } }),
        'draw',
      );
    const myOral = await seen(
      'drawTicket',
      observer.call('drawTicket', { params: { sittingId: oral }, body: { card: 2 } }),
    );
    drawn.push(...myOral.body.questions);
    await ok(proctor.call('callNextStudent', { params: { sittingId: oral }, body: {} }), 'call next');

    // Thesis defence: a peer defends and is asked a question while the observer waits their turn.
    for (const n of ['01', '02']) await admit(db, defence, `student${n}`);
    await db.update(sittings).set({ startsAt: new Date() }).where(eq(sittings.id, defence));
    const defending = { params: { sittingId: defence, studentId: peer } };
    await ok(secretary.call('defenceAction', { ...defending, body: { action: 'start' } }), 'defence start');
    await ok(
      secretary.call('askDefenceQuestion', { ...defending, body: { text: 'Why this dataset?' } }),
      'ask',
    );

    // Another group's sitting: its student draws and is written to.
    const outsider = await userId(db, 'outsider01');
    await admit(db, elsewhere, 'outsider01');
    await ok(
      (await as('outsider01')).call('drawTicket', { params: { sittingId: elsewhere }, body: { card: 0 } }),
      'draw',
    );
    await ok(
      proctor.call('messageStudent', {
        params: { sittingId: elsewhere, studentId: outsider },
        body: { text: 'Outsider, check your camera.' },
      }),
      'message elsewhere',
    );

    // The observer's own writes.
    await seen(
      'messageProctor',
      observer.call('messageProctor', { params: { sittingId: test }, body: { text: 'Is the clock right?' } }),
    );
    await seen('extensionNonce', observer.call('extensionNonce', { params: { sittingId: test } }));
    await seen('mediaToken', observer.call('mediaToken', { params: { sittingId: test }, body: {} }));
    await seen(
      'reportFlags',
      observer.call('reportFlags', {
        params: { sittingId: test },
        body: {
          reports: [
            {
              episodeId: '00000000-0000-4000-8000-000000000001',
              type: 'no_face',
              startedAt: new Date(Date.now() - 5000).toISOString(),
              endedAt: new Date().toISOString(),
              confidence: 80,
            },
          ],
        },
      }),
    );
    await seen(
      'finishAttempt',
      observer.call('finishAttempt', {
        params: { attemptId: paper.attemptId },
        body: { confirmAllAnswered: true },
      }),
    );

    // Every GET route of the contract, for each of the observer's sittings and another group's, as
    // themself and naming a peer: allowed answers and refusals are scanned alike.
    const reads = (Object.keys(http) as RouteName[]).filter((n) => http[n].method === 'GET');
    for (const name of reads) {
      const needsSitting = http[name].path.includes(':sittingId');
      const needsStudent = http[name].path.includes(':studentId');
      for (const sittingId of needsSitting ? [...mySittings, elsewhere] : [NO_SUCH_ID]) {
        for (const studentId of needsStudent ? [me, peer] : [me]) {
          const params: Record<string, string> = {
            sittingId,
            studentId,
            attemptId: paper.attemptId,
            checkId: studentId === me ? myCheck.checkId : peerCheck.checkId,
            recordingId: `${sittingId}.${studentId}.webcam.20261122T090000000Z.abc123`,
            disciplineId: (await anyDisciplineAndGroup(db)).disciplineId,
          };
          const route = http[name];
          const wanted = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
          const filled = Object.fromEntries(wanted.map((k) => [k, params[k] ?? NO_SUCH_ID]));
          await seen(
            `${name} ${JSON.stringify(filled)}`,
            observer.call(name, { params: filled, query: QUERY[name] ?? '' }),
          );
        }
      }
    }
    socket.close();

    const needles = await needlesFor(db, me, {
      ticketQuestions: drawn,
      paperStems: paper.questions.map((q: { stem: string }) => q.stem),
    });
    // The scenario really made what is looked for, and the observer really heard the sitting.
    const kinds = new Set(needles.map((n) => n.kind));
    for (const kind of [
      'student IIN',
      'undrawn ticket question',
      'bank question off the paper',
      "another group's sitting",
      'unrevealed draw salt',
      'identity_checks row of another student',
      'ticket_draws row of another student',
      'attempts row of another student',
    ])
      expect(kinds, kind).toContain(kind);
    expect([...new Set(events)]).toEqual(
      expect.arrayContaining(['log:appended', 'grade:published', 'oral:queueChanged', 'defence:changed']),
    );
    // The scan itself finds what staff are rightly shown (a peer's ticket and IIN-free row).
    const staffView = await proctor.call('studentTicket', {
      params: { sittingId: written, studentId: peer },
    });
    expect(
      findLeaks([{ where: 'staff', text: JSON.stringify(staffView.body) }], needles).length,
    ).toBeGreaterThan(1);

    // Many allowed answers were scanned, not only refusals.
    expect(captured.filter((c) => / → 2\d\d$/.test(c.where)).length).toBeGreaterThan(40);
    expect(findLeaks(captured, needles)).toEqual([]);
  }, 240_000);

  it('flags an answer key by its field, but not a count of correct answers', () => {
    const scan = (body: unknown) => findLeaks([{ where: 'x', text: JSON.stringify(body) }], []);
    expect(scan({ questions: [{ questionId: 'q', correct: ['b'] }] })).toHaveLength(1);
    expect(scan({ options: [{ id: 'a', isCorrect: true }] })).toHaveLength(1);
    expect(scan({ correct: 6.5, questions: 8 })).toEqual([]);
  });
});
