/** Turns generated payloads into HTTP requests, and says what the server must answer to each. */
import { parse as parseQuery } from 'node:querystring';
import { http, type RouteContract, type RouteName } from '@adal/shared';
import fc from 'fast-check';
import { conforming, fuzzed, jsonSchemaOf } from './arbitraries.js';

/** Routes whose bodies may exceed the API's usual 256 KB (bank and pool files, evidence, photos). */
const BIG_BODY_ROUTES = new Set<RouteName>([
  'importBank',
  'importTicketPool',
  'applyForMakeUp',
  'submitIdentityCheck',
]);
const USUAL_BODY_LIMIT = 256 * 1024;

/** Request bodies that are not JSON, or JSON under a wrong content type. */
const RAW_BODIES: [string, string][] = [
  ['{"kind":', 'application/json'],
  ['NaN', 'application/json'],
  ['{"a":1}{"b":2}', 'application/json'],
  ['\u0000\u0001\u0002', 'application/json'],
  ['{"a":"\\ud800"}', 'application/json'],
  ['{}', 'application/json; charset=utf-16'],
  ['{}', 'application/json; charset=latin9000'],
  ['kind=oral&__proto__[x]=1', 'application/x-www-form-urlencoded'],
  ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', 'text/xml'],
  ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', 'multipart/form-data; boundary=x'],
];
/** Path segments sent as they are: bad percent-encoding, dot segments, NUL. */
const RAW_SEGMENTS = ['%zz', '%E0%A4%A', '%', '%00', '%2e%2e', '..', '%C0%AE%C0%AE', ';', '*'];
/** Query strings the contract's schemas never produce. */
const RAW_QUERIES = ['?__proto__[polluted]=1', '?a=%zz', '?&&&=&', `?x=${'y'.repeat(5000)}`, '?format'];

export interface Call {
  method: string;
  path: string;
  params: Record<string, string>;
  query: string;
  /** JSON text (or raw text) of the body; undefined sends none. */
  body: string | undefined;
  contentType: string;
  /** Sent as is: what the server sees cannot be worked out from the schema. */
  raw: boolean;
}

export interface RoutePayload {
  params: unknown;
  query: unknown;
  body: unknown;
  raw?: { segment?: string; body?: [string, string]; query?: string };
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
/** Lone surrogates cannot be percent-encoded: sent (and so seen) as U+FFFD. */
const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/** Payloads for one route: one part fuzzed, the others conforming (or fuzzed too, now and then). */
export function routePayloads(name: RouteName, ids: fc.Arbitrary<string>): fc.Arbitrary<RoutePayload> {
  const route: RouteContract = http[name];
  const schemaOf = (s: RouteContract['params']) => (s ? jsonSchemaOf(s) : undefined);
  const parts = { params: schemaOf(route.params), query: schemaOf(route.query), body: schemaOf(route.body) };
  type Part = keyof typeof parts;
  const both = (k: Part) =>
    fc.tuple(parts[k] ? conforming(parts[k], ids) : fc.constant(undefined), fuzzed(parts[k], ids));
  const payload = fc
    .tuple(
      fc.constantFrom<Part>('params', 'query', 'body'),
      both('params'),
      both('query'),
      both('body'),
      fc.boolean(),
    )
    .map(([target, params, query, body, all]) => {
      const pick = (k: Part, [good, bad]: [unknown, unknown]) => (k === target || all ? bad : good);
      return { params: pick('params', params), query: pick('query', query), body: pick('body', body) };
    });
  const raw = fc
    .tuple(
      payload,
      fc.option(fc.constantFrom(...RAW_SEGMENTS)),
      fc.option(fc.constantFrom(...RAW_BODIES)),
      fc.option(fc.constantFrom(...RAW_QUERIES)),
    )
    .map(([p, segment, body, query]) => ({
      ...p,
      raw: { segment: segment ?? undefined, body: body ?? undefined, query: query ?? undefined },
    }));
  return fc.oneof({ arbitrary: payload, weight: 9 }, { arbitrary: raw, weight: 1 });
}

const encodeParams = (path: string, params: Record<string, string>, rawFirst?: string) => {
  let first = true;
  return path.replace(/:([A-Za-z]+)/g, (_, n: string) => {
    const segment = first && rawFirst !== undefined ? rawFirst : encodeURIComponent(params[n] as string);
    first = false;
    return segment;
  });
};

export function buildCall(name: RouteName, p: RoutePayload): Call {
  const route: RouteContract = http[name];
  const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
  const whole = p.params;
  const given = whole && typeof whole === 'object' ? (whole as Record<string, unknown>) : undefined;
  const params: Record<string, string> = {};
  // A dropped parameter is what a careless client writes: "undefined".
  for (const n of names) params[n] = wellFormed(asText(given ? (given[n] ?? 'undefined') : whole));
  const path = encodeParams(route.path, params, p.raw?.segment);
  let query = '';
  if (p.raw?.query) query = p.raw.query;
  else if (route.query && p.query !== undefined) {
    const search = new URLSearchParams();
    if (p.query && typeof p.query === 'object' && !Array.isArray(p.query)) {
      for (const [k, v] of Object.entries(p.query))
        for (const item of Array.isArray(v) ? v : [v]) search.append(k, asText(item));
    } else search.append(asText(p.query), '');
    const text = search.toString();
    query = text ? `?${text}` : '';
  }
  const [rawBody, rawType] = p.raw?.body ?? [];
  const json = p.body === undefined ? undefined : JSON.stringify(p.body);
  return {
    method: route.method,
    path,
    params,
    query,
    // fetch sends no body with a GET.
    body: route.method === 'GET' ? undefined : (rawBody ?? json),
    contentType: rawType ?? 'application/json',
    raw: Boolean(p.raw?.segment || p.raw?.body || p.raw?.query),
  };
}

/** What the server must answer, judged before any role or resource check. */
export type Verdict = 'url_too_long' | 'too_large' | 'bad_json' | 'invalid' | 'valid' | 'unknown';

/** Node's HTTP parser refuses a request line and headers over 16 KB (431) before the app sees it. */
const NODE_HEADER_LIMIT = 16 * 1024;

export function judge(name: RouteName, call: Call): Verdict {
  const urlLength = Buffer.byteLength(call.path + call.query);
  if (urlLength > NODE_HEADER_LIMIT) return 'url_too_long';
  // Near the limit the session cookie and other headers decide.
  if (call.raw || urlLength > NODE_HEADER_LIMIT - 2048) return 'unknown';
  // Empty or dot segments change which route the path matches.
  if (Object.values(call.params).some((v) => v === '' || v === '.' || v === '..')) return 'unknown';
  const route: RouteContract = http[name];
  let body: unknown;
  if (call.body !== undefined) {
    const limit = BIG_BODY_ROUTES.has(name) ? Number.POSITIVE_INFINITY : USUAL_BODY_LIMIT;
    if (Buffer.byteLength(call.body) > limit) return 'too_large';
    // express.json is strict: only an object or an array at the top.
    if (!/^[[{]/.test(call.body.trimStart())) return 'bad_json';
    body = JSON.parse(call.body);
  }
  const ok = (schema: RouteContract['params'], value: unknown) =>
    !schema || schema.safeParse(value ?? {}).success;
  const query = { ...parseQuery(call.query.replace(/^\?/, '')) };
  return ok(route.params, call.params) && ok(route.query, query) && ok(route.body, body)
    ? 'valid'
    : 'invalid';
}
