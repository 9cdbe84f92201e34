import { randomUUID } from 'node:crypto';
import type { ExtensionStatus, LogEntry, ProctoringOverview } from '@adal/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.js';
import type { Db } from '../src/db/database.js';
import { extensionSessions } from '../src/extension/schema.js';
import { sweepSilentExtensions } from '../src/extension/silence-sweep.js';
import { logEpisode, sweepEpisodes } from '../src/proctoring/flag-episodes.js';
import { flagEpisodes, proctoringStates } from '../src/proctoring/schema.js';
import { sittings } from '../src/sittings/schema.js';
import { academicGroups } from '../src/university/schema.js';
import { setPolicy, startTest } from './attempt-helpers.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { type StorageMode, startTestApp, type TestApp } from './test-app.js';

const login = (n: number) => `student${String(n).padStart(2, '0')}`;
const ENVIRONMENT = {
  displays: 2,
  extensions: [
    {
      id: 'abcdefghijklmnopabcdefghijklmnop',
      name: 'Quick Answers',
      version: '2.1',
      enabled: true,
      risks: ['deny-list'],
    },
  ],
};

describe.each<StorageMode>(['pglite', 'postgres'])(
  'the exam extension, server side (issue 8) on %s',
  (storage) => {
    let t: TestApp;
    let db: Db;
    /** The seed's computer test: proctor1 proctors it, the seed's group is its list. */
    let sittingId: string;
    let proctor: TestClient;
    const sessions = new Map<string, TestClient>();
    const session = async (name: string) => {
      const known = sessions.get(name);
      if (known) return known;
      const c = await new TestClient(t.baseUrl).login(name);
      sessions.set(name, c);
      return c;
    };

    const nonceFor = async (who: string, sitting = sittingId) =>
      (await session(who)).call('extensionNonce', { params: { sittingId: sitting } });
    const hello = (nonce: string, over: Record<string, unknown> = {}) => ({
      nonce,
      version: '0.1.0',
      protocol: 1,
      extensionId: 'pmfddhefenggdfpdboglileoahdjohga',
      ...over,
    });
    const handshake = async (who: string, body: unknown) =>
      (await session(who)).call('extensionHandshake', { params: { sittingId }, body });
    const beat = async (who: string, body: unknown = { active: true, environment: ENVIRONMENT }) =>
      (await session(who)).call('extensionHeartbeat', { params: { sittingId }, body });
    const statusOf = async (studentId: string) =>
      (await proctor.call('studentExtension', { params: { sittingId, studentId } })).body as ExtensionStatus;
    const connect = async (who: string) => {
      const issued = await nonceFor(who);
      const done = await handshake(who, hello(issued.body.nonce));
      expect(done.status).toBe(200);
    };
    const logOf = async (studentId: string) =>
      (await proctor.call('studentLog', { params: { sittingId, studentId } })).body as LogEntry[];
    const ongoingOf = async (studentId: string) =>
      (
        (await proctor.call('proctoringOverview', { params: { sittingId } })).body as ProctoringOverview
      ).students.find((s) => s.studentId === studentId)?.ongoing ?? [];
    /** Logs the student's ended episodes of a type now, as the logging job would after the gap. */
    const logEnded = async (studentId: string, type: string) => {
      const rows = await db
        .select()
        .from(flagEpisodes)
        .where(and(eq(flagEpisodes.studentId, studentId), eq(flagEpisodes.type, type)));
      for (const row of rows) await logEpisode(t.app.ctx, row.id, { gapMs: 0 });
    };

    beforeAll(async () => {
      t = await startTestApp({ storage, env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
      db = t.database.db;
      sittingId = sittingOf(t.seed, 'computer_test');
      // A long merge gap: episodes are logged only when the test says so (logEnded).
      await setPolicy(db, sittingId, { flagMergeGapSeconds: 600 });
      proctor = await session('proctor1');
    });
    afterAll(() => t?.close());

    it('issues a nonce only to a student on the list, at most 30 a minute', async () => {
      const issued = await nonceFor(login(1));
      expect(issued.status).toBe(200);
      expect(issued.body.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const ttl = Date.parse(issued.body.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(4 * 60_000);
      expect(ttl).toBeLessThanOrEqual(5 * 60_000);
      const again = await nonceFor(login(1));
      expect(again.body.nonce).not.toBe(issued.body.nonce);

      // Another group's sitting: not on its list.
      const [seed] = await db.select().from(sittings).where(eq(sittings.id, sittingId));
      const [seedGroup] = await db.select().from(academicGroups);
      if (!seed || !seedGroup) throw new Error('no seed');
      const [group] = await db
        .insert(academicGroups)
        .values({ facultyId: seedGroup.facultyId, name: `ИС-${storage}-9` })
        .returning();
      const { id: _id, createdAt: _c, ...copy } = seed;
      const [elsewhere] = await db
        .insert(sittings)
        .values({ ...copy, groupId: group?.id as string })
        .returning();
      expect((await nonceFor(login(1), elsewhere?.id)).status).toBe(404);
      const staff = await proctor.call('extensionNonce', { params: { sittingId } });
      expect(staff.status).toBe(403);

      // A page reloading now and then asks for a few; a loop asking for more is cut off.
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await nonceFor(login(2))).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const over = await nonceFor(login(2));
      expect(over.status).toBe(429);
      expect(over.body.error.code).toBe('rate_limited');
    });

    it('takes a handshake with the nonce issued, once, unexpired, from an extension new enough', async () => {
      const who = login(3);
      const studentId = await userId(db, who);
      const wrong = await handshake(who, hello('x'.repeat(43)));
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.code).toBe('extension_nonce_invalid');
      expect(wrong.body.error.fields).toEqual([expect.objectContaining({ path: 'body.nonce' })]);

      const { nonce } = (await nonceFor(who)).body;
      expect((await handshake(who, hello('y'.repeat(43)))).body.error.code).toBe('extension_nonce_invalid');
      const done = await handshake(who, hello(nonce, { version: '0.1.3' }));
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        version: '0.1.3',
        extensionId: 'pmfddhefenggdfpdboglileoahdjohga',
        lastHeartbeatAt: null,
        lockdownActive: false,
        silent: false,
        environment: null,
      });
      expect(Date.now() - Date.parse(done.body.handshakeAt)).toBeLessThan(60_000);
      const reused = await handshake(who, hello(nonce));
      expect([reused.status, reused.body.error.code]).toEqual([400, 'extension_nonce_invalid']);
      const audited = await db.select().from(auditLog).where(eq(auditLog.action, 'extension.handshake'));
      expect(audited.filter((a) => a.actorId === studentId)).toHaveLength(1);

      // Expired: five minutes have passed since it was issued.
      const late = (await nonceFor(who)).body.nonce;
      await db
        .update(extensionSessions)
        .set({ nonceExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(extensionSessions.studentId, studentId));
      const expired = await handshake(who, hello(late));
      expect([expired.status, expired.body.error.code]).toEqual([400, 'extension_nonce_invalid']);

      // Too old, or another protocol: refused, and the nonce is spent all the same.
      const old = (await nonceFor(who)).body.nonce;
      const outdated = await handshake(who, hello(old, { version: '0.0.9' }));
      expect([outdated.status, outdated.body.error.code]).toEqual([400, 'extension_outdated']);
      expect(outdated.body.error.fields).toEqual([expect.objectContaining({ path: 'body.version' })]);
      expect((await handshake(who, hello(old))).body.error.code).toBe('extension_nonce_invalid');
      const other = await handshake(who, hello((await nonceFor(who)).body.nonce, { protocol: 2 }));
      expect([other.body.error.code, other.body.error.fields[0].path]).toEqual([
        'extension_outdated',
        'body.protocol',
      ]);
      // The good handshake's version stands.
      expect((await statusOf(studentId)).version).toBe('0.1.3');

      const bad = await handshake(who, { nonce: 'short', protocol: 'one' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
      const paths = (bad.body.error.fields as { path: string }[]).map((f) => f.path);
      expect(paths).toEqual(
        expect.arrayContaining(['body.nonce', 'body.version', 'body.protocol', 'body.extensionId']),
      );
    });

    it('takes heartbeats only after a handshake and shows the proctor what they said', async () => {
      const who = login(4);
      const studentId = await userId(db, who);
      expect(await statusOf(studentId)).toEqual({
        version: null,
        extensionId: null,
        handshakeAt: null,
        lastHeartbeatAt: null,
        lockdownActive: false,
        silent: false,
        environment: null,
      });
      const early = await beat(who);
      expect([early.status, early.body.error.code]).toEqual([409, 'extension_no_handshake']);
      await connect(who);
      const bad = await beat(who, { active: 'yes', environment: { displays: -1, extensions: [] } });
      expect(bad.status).toBe(400);
      expect((bad.body.error.fields as { path: string }[]).map((f) => f.path)).toEqual(
        expect.arrayContaining(['body.active', 'body.environment.displays']),
      );
      const ok = await beat(who);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ lockdownActive: true, silent: false, environment: ENVIRONMENT });
      const seen = await statusOf(studentId);
      expect(seen).toMatchObject({ version: '0.1.0', lockdownActive: true, environment: ENVIRONMENT });
      expect(Date.now() - Date.parse(seen.lastHeartbeatAt ?? '')).toBeLessThan(60_000);
      // The student does not read the proctor's view; another sitting's proctor does not either.
      expect(
        (await (await session(who)).call('studentExtension', { params: { sittingId, studentId } })).status,
      ).toBe(403);
      const stranger = await (await session('member1')).call('studentExtension', {
        params: { sittingId, studentId },
      });
      expect(stranger.status).toBe(403);
    });

    it('flags an extension that goes silent during the test until its next heartbeat, as long as the silence', async () => {
      const who = login(8);
      await startTest(t.baseUrl, db, sittingId, who);
      sessions.delete(who);
      const studentId = await userId(db, who);
      await connect(who);
      expect((await beat(who)).status).toBe(200);
      // Not yet silent: nothing happens.
      expect(await sweepSilentExtensions(t.app.ctx)).toBe(0);

      const silentSince = new Date(Date.now() - 60_000);
      await db
        .update(extensionSessions)
        .set({ lastHeartbeatAt: silentSince })
        .where(eq(extensionSessions.studentId, studentId));
      expect(await sweepSilentExtensions(t.app.ctx)).toBe(1);
      expect((await statusOf(studentId)).silent).toBe(true);
      const open = (await ongoingOf(studentId)).filter((e) => e.type === 'extension_missing');
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ endedAt: null, confidence: 90, details: ['no heartbeat'] });
      expect(Date.parse(open[0]?.startedAt ?? '')).toBe(silentSince.getTime() + 10_000);

      // Much later, still silent: the sweep keeps it open, so the flag sweep's "client gone quiet"
      // does not end it early; no second episode opens.
      await db
        .update(flagEpisodes)
        .set({ lastReportAt: new Date(Date.now() - 40_000) })
        .where(eq(flagEpisodes.studentId, studentId));
      expect(await sweepSilentExtensions(t.app.ctx)).toBe(0);
      await sweepEpisodes(t.app.ctx);
      const still = (await ongoingOf(studentId)).filter((e) => e.type === 'extension_missing');
      expect(still).toHaveLength(1);
      expect(still[0]?.endedAt).toBeNull();

      // The extension is back: the episode ends with this heartbeat and is logged with its length.
      const back = await beat(who);
      expect(back.body.silent).toBe(false);
      await logEnded(studentId, 'extension_missing');
      const flags = (await logOf(studentId)).filter((e) => e.type === 'extension_missing');
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ source: 'auto_flag', severity: 'high', confidence: 100 });
      expect(flags[0]?.durationMs).toBeGreaterThanOrEqual(49_000);
      expect(flags[0]?.durationMs).toBeLessThan(70_000);
      expect(flags[0]?.evidence).toMatchObject({ details: ['no heartbeat'], count: 1 });
      expect(await sweepSilentExtensions(t.app.ctx)).toBe(0);
      expect((await ongoingOf(studentId)).filter((e) => e.type === 'extension_missing')).toEqual([]);
    });

    it('ends the silent episode when the sitting ends for the student, and opens none after', async () => {
      const who = login(9);
      await startTest(t.baseUrl, db, sittingId, who);
      sessions.delete(who);
      const studentId = await userId(db, who);
      await connect(who);
      await beat(who);
      await db
        .update(extensionSessions)
        .set({ lastHeartbeatAt: new Date(Date.now() - 45_000) })
        .where(eq(extensionSessions.studentId, studentId));
      expect(await sweepSilentExtensions(t.app.ctx)).toBe(1);
      await db
        .insert(proctoringStates)
        .values({ sittingId, studentId, endedAs: 'terminated', endedAt: new Date() });
      expect(await sweepSilentExtensions(t.app.ctx)).toBe(0);
      expect((await statusOf(studentId)).silent).toBe(false);
      const episodes = await db.select().from(flagEpisodes).where(eq(flagEpisodes.studentId, studentId));
      expect(episodes).toHaveLength(1);
      expect(episodes[0]?.endedAt).not.toBeNull();
      // Still no heartbeat, still "locked down": the sitting is over, no new flag.
      expect(await sweepSilentExtensions(t.app.ctx)).toBe(0);
      expect(await db.select().from(flagEpisodes).where(eq(flagEpisodes.studentId, studentId))).toHaveLength(
        1,
      );
      expect((await beat(who)).status).toBe(409);
    });

    it('keeps the distinct details of the reports in the log entry, and refuses a detail over 200 characters', async () => {
      const who = await session(login(10));
      const studentId = await userId(db, login(10));
      const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
      const report = (detail: string, msAgo: number) => ({
        episodeId: randomUUID(),
        type: 'navigation_blocked',
        startedAt: at(msAgo),
        endedAt: at(msAgo),
        confidence: 100,
        detail,
      });
      const sent = await who.call('reportFlags', {
        params: { sittingId },
        body: {
          reports: [
            report('example.com', 3000),
            report('chat.openai.com', 2000),
            report('example.com', 1000),
          ],
        },
      });
      expect(sent.status).toBe(202);
      await logEnded(studentId, 'navigation_blocked');
      const flags = (await logOf(studentId)).filter((e) => e.type === 'navigation_blocked');
      expect(flags).toHaveLength(1);
      expect(flags[0]?.evidence).toMatchObject({ count: 3, details: ['example.com', 'chat.openai.com'] });

      const long = await who.call('reportFlags', {
        params: { sittingId },
        body: { reports: [report('x'.repeat(201), 0)] },
      });
      expect(long.status).toBe(400);
      expect(JSON.stringify(long.body.error.fields)).toContain('body.reports.0.detail');
    });
  },
);
