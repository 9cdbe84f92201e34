/**
 * Every route of the shared table, fuzzed from its own schemas: as a role that may call it, as a
 * role that may not, and with no session. No 5xx, every refusal in the error shape with field
 * names, nothing written by a refusal, no crash. The route list is the table itself, so a new
 * route is fuzzed without touching this file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { http, ROLES, type Role, type RouteName } from '@adal/shared';
import { signServiceToken } from '@adal/shared/media-token';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/accounts/schema.js';
import { questionBanks, ticketPools } from '../../src/banks/schema.js';
import type { RouteDef } from '../../src/http/define-route.js';
import { routeTable } from '../../src/routes.js';
import { sittings } from '../../src/sittings/schema.js';
import { disciplines } from '../../src/university/schema.js';
import { dbFingerprint } from '../db-fingerprint.js';
import { TestClient } from '../http-client.js';
import { type StorageMode, startTestApp, type TestApp } from '../test-app.js';
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
import { buildCall, type Call, judge, routePayloads, type Verdict } from './route-calls.js';

/** Generated payloads per route; each fifth is also sent with no session and as a wrong role. */
const PER_ROUTE = LONG ? 100 : 4;
const OTHERS_EVERY = LONG ? 5 : 4;
/** The media server is not running in tests: routes that must ask it say so with a 503. */
const ASKS_THE_SFU = new Set<RouteName>(['listRecordings', 'downloadRecording', 'deleteRecordings']);
/** Routes that end the caller's session when they succeed. */
const ENDS_SESSION = /^\/api\/auth\/logout/;
/** Refusals that are recorded on purpose: a failed login is audited (and rate-limited). */
const RECORDS_ITS_REFUSAL = new Set<RouteName>(['login']);

type Who = 'allowed' | 'anonymous' | 'wrong-role';

/** What the answer must be, or 'any' when only "no 5xx, error shape" can be said. */
function expectedStatus(verdict: Verdict, who: Who): number | 'any' {
  if (verdict === 'url_too_long') return 431;
  if (verdict === 'too_large') return 413;
  if (verdict === 'bad_json') return 400;
  if (verdict === 'unknown') return 'any';
  if (who === 'anonymous') return 401;
  if (who === 'wrong-role') return 403;
  return verdict === 'invalid' ? 400 : 'any';
}

/** FUZZ_STORAGE=pglite or postgres runs one storage only (replaying a seed, say). */
const storages: StorageMode[] = process.env.FUZZ_STORAGE
  ? [process.env.FUZZ_STORAGE as StorageMode]
  : LONG
    ? ['pglite', 'postgres']
    : ['pglite'];

describe.each(storages)('every HTTP route, fuzzed from the contract (%s)', (storage) => {
  let t: TestApp;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-fuzz-routes-'));
  const clients = new Map<Role, TestClient>();
  let anonymous: TestClient;
  let serviceHeaders: Record<string, string>;
  let ids: fc.Arbitrary<string>;
  const tally = new Tally();
  const covered = new Set<RouteName>();
  /** Milliseconds spent per route, to show where a run's time goes. */
  const spent = new Map<RouteName, number>();
  const watch = watchProcess();

  beforeAll(async () => {
    t = await startTestApp({
      storage,
      env: {
        DATA_DIR: dataDir,
        SFU_PUBLIC_URL: 'http://127.0.0.1:9',
        API_RATE_LIMIT_PER_MINUTE: '100000000',
        LOGIN_RATE_LIMIT: '100000000',
      },
    });
    for (const role of ROLES) clients.set(role, await new TestClient(t.baseUrl).login(LOGIN_OF[role]));
    anonymous = new TestClient(t.baseUrl);
    const token = await signServiceToken('sfu', t.app.ctx.config.mediaTokenSecret, 3600);
    serviceHeaders = { authorization: `Bearer ${token}` };
    // Real ids now and then, so payloads reach past "not found" into the handlers.
    const db = t.database.db;
    const known = [
      ...(await db.select({ id: sittings.id }).from(sittings)),
      ...(await db.select({ id: users.id }).from(users)),
      ...(await db.select({ id: disciplines.id }).from(disciplines)),
      ...(await db.select({ id: questionBanks.id }).from(questionBanks)),
      ...(await db.select({ id: ticketPools.id }).from(ticketPools)),
    ].map((r) => r.id);
    ids = fc.constantFrom(...known);
  }, SETUP_MS);
  afterAll(async () => {
    watch.stop();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Who may call a route, and a role that may not (if any). */
  function callers(name: RouteName): { allowed: (Role | 'anonymous' | 'service')[]; wrong: Role[] } {
    const access = (routeTable[name] as RouteDef<RouteName>).access;
    if (access === 'public') return { allowed: ['anonymous'], wrong: [] };
    if (access === 'service') return { allowed: ['service'], wrong: [...ROLES] };
    if (access === 'authenticated') return { allowed: [...ROLES], wrong: [] };
    return { allowed: [...access], wrong: ROLES.filter((r) => !access.includes(r)) };
  }

  async function send(name: RouteName, call: Call, as: Role | 'anonymous' | 'service', who: Who) {
    const client = as === 'anonymous' || as === 'service' ? anonymous : (clients.get(as) as TestClient);
    const headers = {
      ...(call.body !== undefined ? { 'content-type': call.contentType } : {}),
      ...(as === 'service' ? serviceHeaders : {}),
    };
    const verdict = judge(name, call);
    const where = `${name} as ${as} (${who}, ${verdict}): ${call.method} ${clip(call.path + call.query, 200)} body ${clip(call.body ?? '', 200)}`;
    covered.add(name);
    const started = performance.now();
    // A keep-alive connection the server closes as the request leaves it resets; a browser retries.
    const attempt = () => client.raw(call.method, call.path + call.query, call.body, headers);
    const res = await attempt()
      .catch(attempt)
      .catch((error) => {
        // Refusing an oversized request, the server may close the connection before reading it all.
        tally.seen('connection closed');
        if (verdict !== 'url_too_long' && verdict !== 'too_large' && verdict !== 'unknown')
          tally.fail(`${where} → ${String(error.cause ?? error)}`);
        return undefined;
      });
    spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
    if (!res) return 499;
    tally.seen(res.status);
    const sfuDown = ASKS_THE_SFU.has(name) && res.status === 503;
    if (res.status >= 500 && !sfuDown) tally.fail(`${where} → ${res.status} ${clip(res.body)}`);
    // A 431 comes from Node's HTTP parser, before the app: it has no body to check.
    if (res.status >= 400 && res.status !== 431) {
      const problem = errorShapeProblem(res.body);
      if (problem) tally.fail(`${where} → ${res.status} ${problem}`);
    }
    // A logged-in role is never told to log in: its session must outlive every payload.
    if (res.status === 401 && as !== 'anonymous' && as !== 'service')
      tally.fail(`${where} → 401: the session was lost`);
    const want = expectedStatus(verdict, who);
    if (want !== 'any' && res.status !== want)
      tally.fail(`${where} → ${res.status}, expected ${want}: ${clip(res.body)}`);
    if (res.status === 400 && (verdict === 'invalid' || verdict === 'bad_json')) {
      const fields: { path: string }[] = res.body?.error?.fields ?? [];
      if (!fields.length || fields.some((f) => !/^(params|query|body)\b/.test(f.path)))
        tally.fail(`${where} → 400 without field names: ${clip(res.body)}`);
    }
    // A logout (here, or everywhere) that went through ends the session: log that role in again.
    if (ENDS_SESSION.test(http[name].path) && res.status < 300 && as !== 'anonymous' && as !== 'service')
      await client.login(LOGIN_OF[as]);
    return res.status;
  }

  it(
    'answers every payload without a 5xx, refuses in the error shape, and writes nothing when it refuses',
    async () => {
      const names = Object.keys(http) as RouteName[];
      const plans = names.map((name, i) => ({
        name,
        calls: fc.sample(routePayloads(name, ids), { numRuns: PER_ROUTE, seed: SEED + i }).map((p) => {
          const call = buildCall(name, p);
          return { call, verdict: judge(name, call) };
        }),
      }));
      const db = t.database.db;

      // Refusals first, all routes together: the database must not change at all.
      const before = await dbFingerprint(db);
      for (const { name, calls } of plans) {
        const { allowed, wrong } = callers(name);
        for (const [j, { call, verdict }] of calls.entries()) {
          const refused = verdict === 'invalid' || verdict === 'too_large' || verdict === 'bad_json';
          if (refused) await send(name, call, allowed[j % allowed.length] as Role, 'allowed');
          if (j % OTHERS_EVERY !== 0) continue;
          if (!allowed.includes('anonymous')) await send(name, call, 'anonymous', 'anonymous');
          if (wrong.length) await send(name, call, wrong[j % wrong.length] as Role, 'wrong-role');
        }
      }
      const after = await dbFingerprint(db);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length) tally.fail(`refused requests changed tables: ${changed.join(', ')}`);

      // Then what may succeed, route by route: a route that refused every one must have written nothing.
      // The last fingerprint still holds while only refusals happened since.
      let last: Record<string, string> | undefined = after;
      for (const { name, calls } of plans) {
        const { allowed } = callers(name);
        const mayPass = calls.filter((c) => c.verdict === 'valid' || c.verdict === 'unknown');
        if (!mayPass.length) continue;
        const start = last ?? (await dbFingerprint(db));
        const statuses: number[] = [];
        for (const [j, { call }] of mayPass.entries())
          statuses.push(await send(name, call, allowed[j % allowed.length] as Role, 'allowed'));
        last = undefined;
        if (statuses.some((s) => s < 400) || RECORDS_ITS_REFUSAL.has(name)) continue;
        const end = await dbFingerprint(db);
        const wrote = Object.keys(end).filter((table) => end[table] !== start[table]);
        if (wrote.length)
          tally.fail(`${name}: refused (${statuses.join(',')}) yet wrote ${wrote.join(', ')}`);
        else last = end;
      }

      const summary = summaryTable([
        ['storage', storage],
        ['seed (FUZZ_SEED)', SEED],
        ['routes', `${covered.size} of ${names.length}`],
        ['payloads', tally.payloads],
        ['statuses seen', tally.statusList()],
        ['failures', tally.failures.length],
      ]);
      const slowest = [...spent.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
      for (const failure of tally.failures.slice(0, 20)) console.log(`FAILURE ${failure}`);
      console.log(
        `HTTP route fuzzing\n${summary}\nslowest: ${slowest.map(([n, ms]) => `${n} ${Math.round(ms)} ms`).join(', ')}`,
      );
      if (LONG) await writeFuzzReport(`http:${storage}`, `### HTTP routes (${storage})\n\n${summary}`);

      expect([...covered].sort()).toEqual([...names].sort());
      // The long run's promise: at least 10,000 generated requests on its own.
      if (LONG) expect(tally.payloads).toBeGreaterThanOrEqual(10_000);
      expect(Object.keys(routeTable).sort()).toEqual([...names].sort());
      expect(tally.failures.slice(0, 20)).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(prototypePolluted()).toBe(false);
      // The server still answers.
      expect((await anonymous.call('health')).status).toBe(200);
    },
    LONG ? 60 * 60_000 : 180_000,
  );
});
