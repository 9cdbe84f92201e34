/** What every fuzz file shares: the mode, the tally of what was sent and seen, crash watching. */
import { ApiErrorResponse, type Role } from '@adal/shared';
import { BENCHMARKS_MD, writeSection } from '../../bench/load/benchmarks-file.js';

/** `npm run test:fuzz` sets FUZZ_MODE=long; inside `npm test` the same files run a short pass. */
export const LONG = process.env.FUZZ_MODE === 'long';
/** FUZZ_SEED replays a run; otherwise each run explores new payloads (the seed is printed). */
export const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Starting an app, seeding it and logging several roles in can take a minute on a busy machine. */
export const SETUP_MS = 180_000;

/** One seeded login per role (every seeded password is adal2026). */
export const LOGIN_OF: Record<Role, string> = {
  student: 'student01',
  proctor: 'proctor1',
  commission_member: 'member1',
  commission_chair: 'chair',
  technical_secretary: 'secretary',
  registrar: 'registrar',
  admin: 'admin',
};

const STACK_TRACE = /\bat .*\.(ts|js|mjs):\d+|node_modules|\bstack\b|Error: /;

/** Why an error body is not the project's error shape, or null when it is. */
export function errorShapeProblem(body: unknown): string | null {
  if (!ApiErrorResponse.safeParse(body).success) return `not the error shape: ${clip(body)}`;
  if (STACK_TRACE.test(JSON.stringify(body))) return `leaks a stack trace: ${clip(body)}`;
  return null;
}

export const clip = (value: unknown, max = 300): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
};

/** Counts of what was sent and answered, and every broken expectation with its payload. */
export class Tally {
  payloads = 0;
  readonly statuses = new Map<string, number>();
  readonly failures: string[] = [];
  seen(status: string | number): void {
    this.payloads++;
    const key = String(status);
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }
  fail(what: string): void {
    this.failures.push(what);
  }
  statusList(): string {
    return [...this.statuses.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([s, n]) => `${s}×${n}`)
      .join(', ');
  }
}

/** Unhandled rejections and uncaught exceptions anywhere in this process (the server is in it). */
export function watchProcess() {
  const errors: string[] = [];
  const onRejection = (reason: unknown) => errors.push(`unhandledRejection: ${String(reason)}`);
  const onException = (error: unknown) => errors.push(`uncaughtException: ${String(error)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    errors,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}

/** No JSON body may reach Object.prototype (the server runs in this process). */
export const prototypePolluted = (): boolean =>
  (({}) as Record<string, unknown>).polluted !== undefined ||
  (Object.prototype as Record<string, unknown>).polluted !== undefined;

const PARTS = ['http:pglite', 'http:postgres', 'socket'] as const;

/**
 * Long mode writes its part of the "Fuzzing" section of BENCHMARKS.md; the parts come from two
 * test files (and two storages), so each has its own markers inside the section.
 */
export async function writeFuzzReport(part: (typeof PARTS)[number], markdown: string): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(BENCHMARKS_MD, 'utf8').catch(() => '');
  if (!PARTS.every((p) => text.includes(`<!-- fuzz:${p} -->`)))
    await writeSection(
      [
        '## Fuzzing (npm run test:fuzz)',
        '',
        'Payloads generated from the shared contract (route table and socket events) mixed with hostile',
        'values, sent as a role that may call each route, a role that may not, and no session.',
        'Expected: no 5xx, every 4xx in the error shape with field names, nothing written on refusal.',
        ...PARTS.flatMap((p) => ['', `<!-- fuzz:${p} -->`, `<!-- /fuzz:${p} -->`]),
      ].join('\n'),
      BENCHMARKS_MD,
      'fuzz',
    );
  await writeSection(markdown, BENCHMARKS_MD, `fuzz:${part}`);
}

export function summaryTable(rows: [string, string | number][]): string {
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}
