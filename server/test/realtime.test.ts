import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../src/accounts/schema.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { connectSocket, emitAck, nextEvent } from './socket-client.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('socket.io on the embedded default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('refuses a connection without a session', async () => {
    await expect(connectSocket(t.baseUrl, undefined)).rejects.toThrow(/unauthenticated/);
    await expect(connectSocket(t.baseUrl, 'adal_session=forged')).rejects.toThrow(/unauthenticated/);
  });

  it('answers an invalid payload with validation_failed and the field', async () => {
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const socket = await connectSocket(t.baseUrl, proctor.cookie);
    const ack = await emitAck(socket, 'sitting:watch', { sittingId: 42 });
    const ack2 = await emitAck(socket, 'sitting:watch', 'not an object');
    socket.close();
    expect(ack).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', fields: [{ path: 'payload.sittingId' }] },
    });
    expect(ack2).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('tells a student live when their access turns green, and back to red', async () => {
    const sittingId = sittingOf(t.seed, 'oral');
    const student = await new TestClient(t.baseUrl).login('student20');
    const socket = await connectSocket(t.baseUrl, student.cookie);
    const proctor = await new TestClient(t.baseUrl).login('proctor2');
    const studentId = await userId(t.database.db, 'student20');

    const granted = nextEvent(socket, 'admission:changed');
    await proctor.call('setAdmission', { params: { sittingId }, body: { studentId, access: 'green' } });
    expect(await granted).toMatchObject({ sittingId, studentId, access: 'green' });
    const revoked = nextEvent(socket, 'admission:changed');
    await proctor.call('setAdmission', { params: { sittingId }, body: { studentId, access: 'red' } });
    expect(await revoked).toMatchObject({ access: 'red', admittedAt: null });
    socket.close();

    const roster = (await proctor.call('getSitting', { params: { sittingId } })).body.students;
    expect(roster.find((s: { studentId: string }) => s.studentId === studentId).access).toBe('red');
  });
});

describe('logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('closes the sockets of that session only', async () => {
    const tab1 = await new TestClient(t.baseUrl).login('proctor1');
    const tab2 = await new TestClient(t.baseUrl).login('proctor1');
    const s1 = await connectSocket(t.baseUrl, tab1.cookie);
    const s2 = await connectSocket(t.baseUrl, tab2.cookie);
    const closed = new Promise<string>((resolve) => s1.once('disconnect', resolve));
    await tab1.call('logout', { body: {} });
    expect(await closed).toBe('io server disconnect');
    expect(s2.connected).toBe(true);
    const ack = await emitAck(s2, 'sitting:unwatch', { sittingId: sittingOf(t.seed, 'oral') });
    expect(ack.ok).toBe(true);
    s2.close();
  });
});

describe('an expired session', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Ask the database on every event, as if the recheck interval had passed each time.
    t = await startTestApp({ env: { SOCKET_SESSION_RECHECK_SECONDS: '0' } });
  });
  afterAll(() => t?.close());

  it('is refused on the next socket event and the socket is closed', async () => {
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const socket = await connectSocket(t.baseUrl, proctor.cookie);
    const sittingId = sittingOf(t.seed, 'oral');
    expect((await emitAck(socket, 'sitting:watch', { sittingId })).ok).toBe(true);
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const ack = await emitAck(socket, 'sitting:watch', { sittingId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await closed).toBe('io server disconnect');
  });
});

describe('a session that runs out while its socket is open', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SOCKET_SESSION_RECHECK_SECONDS: '3600' } });
  });
  afterAll(() => t?.close());

  it('is refused at its expiry time without waiting for the next database check', async () => {
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() + 1500) });
    const socket = await connectSocket(t.baseUrl, proctor.cookie);
    const sittingId = sittingOf(t.seed, 'oral');
    expect((await emitAck(socket, 'sitting:watch', { sittingId })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1600));
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(await emitAck(socket, 'sitting:watch', { sittingId })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await closed).toBe('io server disconnect');
  });
});
