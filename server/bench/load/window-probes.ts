/**
 * What is read at the edges of the measured window: PostgreSQL's transaction count for the
 * level's database and, when asked, a CPU profile of the server over exactly the window.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InspectorProfiler } from './inspector-profiler.js';
import { type CpuProfile, summarizeProfile } from './profile-summary.js';
import { transactionCount } from './services.js';

export interface WindowProbes {
  /** Transactions in the window (NaN when they could not be read). */
  transactions: number;
  /** Summary lines of the server's profile, when one was taken. */
  profile: string[] | undefined;
}

const sleepUntil = (epochMs: number) => new Promise((r) => setTimeout(r, Math.max(0, epochMs - Date.now())));

async function saveProfile(profile: CpuProfile, dir: string, students: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `server-${students}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  return [
    `server CPU profile of the window (${file}): ${summarizeProfile(profile)[0]}`,
    ...summarizeProfile(profile).slice(1),
  ];
}

export async function probeWindow(p: {
  database: string;
  students: number;
  windowStart: number;
  windowEnd: number;
  inspectorUrl: string | undefined;
  profileDir: string | undefined;
}): Promise<WindowProbes> {
  const profiler =
    p.profileDir && p.inspectorUrl ? await InspectorProfiler.connect(p.inspectorUrl) : undefined;
  try {
    await sleepUntil(p.windowStart);
    const [before] = await Promise.all([transactionCount(p.database), profiler?.start()]);
    await sleepUntil(p.windowEnd);
    const [after, profile] = await Promise.all([transactionCount(p.database), profiler?.stop()]);
    return {
      transactions: after - before,
      profile: profile && p.profileDir ? await saveProfile(profile, p.profileDir, p.students) : undefined,
    };
  } finally {
    profiler?.close();
  }
}
