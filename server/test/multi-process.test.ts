import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { createTempDatabase, uniqueName } from './services.js';
import { connectSocket, nextEvent, type TestSocket } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Production mode: two server processes on one PostgreSQL and one Redis act as one. */
describe('two server processes with PostgreSQL and Redis', () => {
  let database: Awaited<ReturnType<typeof createTempDatabase>>;
  let a: TestApp;
  let b: TestApp;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await createTempDatabase();
    const queuePrefix = uniqueName('mp').replace('_', '-');
    a = await startTestApp({ storage: 'postgres', queue: 'bullmq', databaseUrl: database.url, queuePrefix });
    b = await startTestApp({
      storage: 'postgres',
      queue: 'bullmq',
      databaseUrl: database.url,
      queuePrefix,
      seed: false,
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('shares sessions: a login on one process works on the other', async () => {
    const client = await new TestClient(a.baseUrl).login('proctor1');
    const onB = new TestClient(b.baseUrl);
    onB.cookie = client.cookie;
    expect((await onB.call('me')).body.login).toBe('proctor1');
  });

  it('delivers an admission made on one process to sockets connected to the other', async () => {
    const sittingId = sittingOf(a.seed, 'computer_test');
    const studentId = await userId(a.database.db, 'student07');
    const student = await new TestClient(a.baseUrl).login('student07');
    const otherStudent = await new TestClient(a.baseUrl).login('student08');
    const watcher = await new TestClient(a.baseUrl).login('proctor1');
    const studentSocket = await connectSocket(a.baseUrl, student.cookie);
    const otherSocket = await connectSocket(a.baseUrl, otherStudent.cookie);
    const watcherSocket = await connectSocket(a.baseUrl, watcher.cookie);
    sockets.push(studentSocket, otherSocket, watcherSocket);
    const watched = await new Promise((resolve) =>
      watcherSocket.emit('sitting:watch', { sittingId }, resolve),
    );
    expect(watched).toEqual({ ok: true, data: { sittingId } });
    let otherGotIt = false;
    otherSocket.on('admission:changed', () => {
      otherGotIt = true;
    });

    const toStudent = nextEvent(studentSocket, 'admission:changed');
    const toWatcher = nextEvent(watcherSocket, 'admission:changed');
    const proctorOnB = await new TestClient(b.baseUrl).login('proctor1');
    const res = await proctorOnB.call('setAdmission', {
      params: { sittingId },
      body: { studentId, access: 'green' },
    });
    expect(res.status).toBe(200);

    expect(await toStudent).toMatchObject({ sittingId, studentId, access: 'green' });
    expect(await toWatcher).toMatchObject({ sittingId, studentId, access: 'green' });
    const schedule = await student.call('studentSchedule');
    expect(schedule.body.find((e: { sittingId: string }) => e.sittingId === sittingId).access).toBe('green');
    expect(otherGotIt).toBe(false);
  });

  it('reports PostgreSQL and BullMQ in health', async () => {
    const res = await new TestClient(b.baseUrl).call('health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { kind: 'postgres', ok: true },
      queue: { kind: 'bullmq', ok: true },
    });
  });
});
