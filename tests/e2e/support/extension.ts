import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_EXTENSION_ID } from '@adal/shared/extension';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import type { ApiSession } from './api.js';
import { apiAs } from './api.js';
import { CHROMIUM } from './browser.js';

/** The unpacked extension as `npm run build -w extension` leaves it. */
export const EXTENSION_DIR = fileURLToPath(new URL('../../../extension/dist', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker (its global `adalProctor.shareExamTab()` is the toolbar button). */
  worker: Worker;
}

/**
 * Chromium with our extension loaded, in a fresh profile (extensions need a persistent context;
 * `--load-extension` only works together with `--disable-extensions-except`, see
 * environment.md). `display`: run headed on that X display (Xvfb) instead of headless.
 */
export async function launchWithExtension(
  baseURL: string,
  args: readonly string[],
  display?: string,
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('extension/dist has no manifest.json: run `npm run build` first');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'adal-ext-profile-')), {
    executablePath: CHROMIUM,
    headless: display === undefined,
    baseURL,
    locale: 'en-GB',
    viewport: null,
    permissions: ['camera', 'microphone'],
    ...(display ? { env: { ...process.env, DISPLAY: display } } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      // tabCapture without the toolbar click (production needs the student's click).
      `--allowlisted-extension-id=${DEFAULT_EXTENSION_ID}`,
      ...args,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker };
}

/**
 * A computer test of its own for `studentId`'s group, `daysAhead` days ahead, proctored by
 * `proctor` (proctor2: other browser tests count proctor1's sittings), with the defaults of a new
 * sitting (the extension required), four questions from the seeded test's bank, the student
 * admitted. Returns the new sitting.
 */
export async function extensionSitting(
  baseUrl: string,
  proctor: ApiSession,
  studentId: string,
  daysAhead: number,
) {
  const registrar = await apiAs(baseUrl, 'registrar');
  const seeded = (await registrar.api('listSittings', {})).find(
    (s) => s.kind === 'computer_test' && s.students.some((x) => x.studentId === studentId),
  );
  if (!seeded) throw new Error('no computer test lists the student');
  const { bankId } = await registrar.api('getBlueprint', { params: { sittingId: seeded.sittingId } });
  const sitting = await registrar.api('createSitting', {
    body: {
      disciplineId: seeded.discipline.id,
      groupId: seeded.group.id,
      kind: 'computer_test',
      startsAt: new Date(Date.now() + daysAhead * 86_400_000).toISOString(),
      durationMinutes: 30,
    },
  });
  const params = { sittingId: sitting.sittingId };
  await registrar.api('setBlueprint', {
    params,
    body: { simple: 2, medium: 1, hard: 1, ...(bankId ? { bankId } : {}) },
  });
  await registrar.api('assignProctors', { params, body: { proctorIds: [proctor.id] } });
  await proctor.api('setAdmission', { params, body: { studentId, access: 'green' } });
  return sitting;
}

/** A virtual X display (Xvfb) for headed Chromium. */
export interface VirtualDisplay {
  display: string;
  stop(): void;
}

export function hasVirtualDisplay(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v Xvfb'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  const number = 90 + Math.floor(Math.random() * 400);
  const display = `:${number}`;
  const xvfb: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1366x900x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${number}`); i++)
    await new Promise((r) => setTimeout(r, 100));
  return { display, stop: () => xvfb.kill() };
}
