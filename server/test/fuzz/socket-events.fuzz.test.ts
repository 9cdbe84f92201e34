/**
 * Every client socket event, fuzzed from its schema, as a role that may send it and one that may
 * not: every ack is the one ack shape, never "internal"; a refused payload names its fields and
 * writes nothing; the server survives payloads without an ack, binary ones and oversized ones.
 */
import { CLIENT_EVENTS, type ClientEventName, clientEventSchemas, ROLES, type Role } from '@adal/shared';
import fc from 'fast-check';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHandlers } from '../../src/realtime/event-handlers.js';
import { sittings } from '../../src/sittings/schema.js';
import { dbFingerprint } from '../db-fingerprint.js';
import { TestClient } from '../http-client.js';
import { connectSocket, type TestSocket } from '../socket-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { fuzzed, jsonSchemaOf } from './arbitraries.js';
import {
  clip,
  errorShapeProblem,
  LOGIN_OF,
  LONG,
  prototypePolluted,
  SEED,
  SETUP_MS,
  summaryTable,
  Tally,
  watchProcess,
  writeFuzzReport,
} from './fuzz-run.js';

const PER_EVENT = LONG ? 400 : 25;
/** socket.io's maxHttpBufferSize is the API body limit: a bigger message closes the socket. */
const BODY_LIMIT = 256 * 1024;

type Outcome = { ack: unknown } | { disconnected: true } | { timedOut: true };

describe('every client socket event, fuzzed from its schema', () => {
  let t: TestApp;
  const cookies = new Map<Role, string | undefined>();
  const sockets = new Map<Role, TestSocket>();
  let ids: fc.Arbitrary<string>;
  const tally = new Tally();
  const watch = watchProcess();

  const socketOf = async (role: Role): Promise<TestSocket> => {
    const open = sockets.get(role);
    if (open?.connected) return open;
    const socket = await connectSocket(t.baseUrl, cookies.get(role));
    sockets.set(role, socket);
    return socket;
  };

  /** Emits and waits for the ack, the socket closing, or 5 s. */
  const emit = (socket: TestSocket, event: string, payload: unknown): Promise<Outcome> =>
    new Promise((resolve) => {
      const done = (o: Outcome) => {
        clearTimeout(timer);
        socket.off('disconnect', onClose);
        resolve(o);
      };
      const onClose = () => done({ disconnected: true });
      const timer = setTimeout(() => done({ timedOut: true }), 5000);
      socket.once('disconnect', onClose);
      (socket.emit as (e: string, p: unknown, cb: (a: unknown) => void) => void)(event, payload, (ack) =>
        done({ ack }),
      );
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { SFU_PUBLIC_URL: 'http://127.0.0.1:9' } });
    // The per-socket budget (100 events in 10 s) would answer most of a fuzz run with 429.
    t.app.ctx.limits.socketEvents = new RateLimiterMemory({ keyPrefix: 'fuzz', points: 1e9, duration: 1 });
    for (const role of ROLES)
      cookies.set(role, (await new TestClient(t.baseUrl).login(LOGIN_OF[role])).cookie);
    const known = (await t.database.db.select({ id: sittings.id }).from(sittings)).map((r) => r.id);
    ids = fc.oneof(fc.constantFrom(...known), fc.uuid());
  }, SETUP_MS);
  afterAll(async () => {
    watch.stop();
    for (const s of sockets.values()) s.close();
    await t?.close();
  });

  /** Sends one payload as a role and checks the outcome against what the schema says of it. */
  async function send(event: ClientEventName, payload: unknown, role: Role, allowed: boolean) {
    const socket = await socketOf(role);
    // What the server receives: socket.io carries JSON (undefined arrives as null).
    const text = JSON.stringify([payload]);
    const received = JSON.parse(text)[0];
    const tooBig = Buffer.byteLength(text) > BODY_LIMIT;
    const outcome = await emit(socket, event, payload);
    const where = `${event} as ${role}: ${clip(payload, 200)}`;
    if ('timedOut' in outcome) {
      tally.seen('no ack');
      return tally.fail(`${where} → no ack within 5 s`);
    }
    if ('disconnected' in outcome) {
      tally.seen('disconnected');
      if (!tooBig) tally.fail(`${where} → socket closed`);
      return;
    }
    if (tooBig) tally.fail(`${where} → a ${text.length}-byte message was taken`);
    const ack = outcome.ack as { ok: boolean; error?: { code: string; fields?: { path: string }[] } };
    const valid = clientEventSchemas[event].safeParse(received).success;
    tally.seen(ack.ok ? 'ok' : (ack.error?.code ?? 'bad ack'));
    if (!ack.ok) {
      const problem = errorShapeProblem({ error: ack.error });
      if (problem) tally.fail(`${where} → ${problem}`);
      if (ack.error?.code === 'internal') tally.fail(`${where} → internal error`);
    }
    if (!allowed && (ack.ok || ack.error?.code !== 'forbidden'))
      tally.fail(`${where} → ${clip(ack)}, expected forbidden`);
    if (allowed && !valid) {
      const fields = ack.error?.fields ?? [];
      if (ack.ok || ack.error?.code !== 'validation_failed' || !fields.length)
        tally.fail(`${where} → ${clip(ack)}, expected validation_failed with fields`);
      else if (fields.some((f) => !f.path.startsWith('payload')))
        tally.fail(`${where} → field paths ${clip(fields)}`);
    }
  }

  it(
    'acks every payload in the ack shape, names the fields it refuses and writes nothing for them',
    async () => {
      const covered = new Set<ClientEventName>();
      const plans = CLIENT_EVENTS.map((event, i) => {
        const access = eventHandlers[event].access;
        const allowed = access === 'authenticated' ? [...ROLES] : [...access];
        const wrong = ROLES.filter((r) => !allowed.includes(r));
        const arb = fuzzed(jsonSchemaOf(clientEventSchemas[event]), ids);
        const payloads = fc.sample(arb, { numRuns: PER_EVENT, seed: SEED + 1000 + i });
        return { event, allowed, wrong, payloads };
      });
      const refusedFirst = (event: ClientEventName, p: unknown) =>
        !clientEventSchemas[event].safeParse(JSON.parse(JSON.stringify([p]))[0]).success;

      // Refusals: schema failures from allowed roles, everything from wrong roles. Nothing may change
      // (a student's socket opening and closing is logged; that is not a refusal's doing).
      const before = await dbFingerprint(t.database.db, { ignoreConnectionEntries: true });
      for (const { event, allowed, wrong, payloads } of plans)
        for (const [j, p] of payloads.entries()) {
          if (refusedFirst(event, p)) await send(event, p, allowed[j % allowed.length] as Role, true);
          if (wrong.length && j % 3 === 0) await send(event, p, wrong[j % wrong.length] as Role, false);
          covered.add(event);
        }
      const after = await dbFingerprint(t.database.db, { ignoreConnectionEntries: true });
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      if (changed.length) tally.fail(`refused events changed tables: ${changed.join(', ')}`);

      // Then the payloads the schema takes: any ack but "internal".
      for (const { event, allowed, payloads } of plans)
        for (const [j, p] of payloads.entries())
          if (!refusedFirst(event, p)) await send(event, p, allowed[j % allowed.length] as Role, true);

      const summary = summaryTable([
        ['seed (FUZZ_SEED)', SEED],
        ['events', `${covered.size} of ${CLIENT_EVENTS.length}`],
        ['payloads', tally.payloads],
        ['acks seen', tally.statusList()],
        ['failures', tally.failures.length],
      ]);
      for (const failure of tally.failures.slice(0, 20)) console.log(`FAILURE ${failure}`);
      console.log(`Socket event fuzzing\n${summary}`);
      if (LONG) await writeFuzzReport('socket', `### Socket events\n\n${summary}`);

      expect([...covered].sort()).toEqual([...CLIENT_EVENTS].sort());
      expect(Object.keys(eventHandlers).sort()).toEqual([...CLIENT_EVENTS].sort());
      expect(tally.failures.slice(0, 20)).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(prototypePolluted()).toBe(false);
    },
    LONG ? 30 * 60_000 : 120_000,
  );

  it('survives events with no ack, binary payloads, unknown events and extra arguments', async () => {
    const student = await socketOf('student');
    const proctor = await socketOf('proctor');
    for (const event of CLIENT_EVENTS) {
      // No ack function: the server must not throw when it has no one to answer.
      (student.emit as (e: string, ...a: unknown[]) => void)(event, { sittingId: 'x' });
      (proctor.emit as (e: string, ...a: unknown[]) => void)(event);
      const binary = await emit(proctor, event, Buffer.from('\u0000\u00ff binary'));
      expect(binary).toMatchObject({ ack: { ok: false, error: { code: expect.any(String) } } });
      const extra = await emit(student, event, [1, 2, 3]);
      expect(extra).toMatchObject({ ack: { ok: false } });
    }
    (student.emit as (e: string, ...a: unknown[]) => void)('no:such-event', { a: 1 }, () => undefined);
    (student.emit as (e: string, ...a: unknown[]) => void)('__proto__', protoPayload());
    // Still answering on the same sockets.
    const [sitting] = await t.database.db.select({ id: sittings.id }).from(sittings).limit(1);
    const watched = await emit(proctor, 'sitting:watch', { sittingId: sitting?.id });
    expect(watched).toMatchObject({ ack: { ok: expect.any(Boolean) } });
    expect(student.connected && proctor.connected).toBe(true);
    expect(watch.errors).toEqual([]);
    expect(prototypePolluted()).toBe(false);
  });
});

const protoPayload = () => JSON.parse('{"__proto__":{"polluted":"yes"}}');
