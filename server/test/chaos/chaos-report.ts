import { appendFileSync } from 'node:fs';

/** One fault injected during a running sitting, and what was checked after it. */
export interface ChaosRow {
  /** What was done, e.g. "kill -9 the server process, restart". */
  fault: string;
  /** What was running at the time, e.g. "computer test, 20 students answering". */
  running: string;
  /** What was checked after recovery, e.g. "412 acked answers, 38 log entries (chain verifies)". */
  dataChecked: string;
  /** Items the users were told were saved and that were missing or changed after recovery: must be 0. */
  lost: number;
  /** From the fault to the first successful request (or event) again, in seconds. */
  recoverySeconds: number;
  /** 'short' in `npm test`, 'long' in `npm run test:chaos`. */
  mode: 'short' | 'long';
}

/** Long mode (`npm run test:chaos`) runs the faults at their full length (PostgreSQL down 20 s, network cut 60 s). */
export const CHAOS_LONG = process.env.CHAOS_MODE === 'long';

/**
 * Adds a row to the file named by CHAOS_REPORT (set by `npm run test:chaos`, which writes the
 * table into BENCHMARKS.md after the run); without it (in `npm test`) rows are only printed.
 */
export function recordChaosRow(row: Omit<ChaosRow, 'mode'>): void {
  const full: ChaosRow = { ...row, mode: CHAOS_LONG ? 'long' : 'short' };
  console.info(`[chaos] ${JSON.stringify(full)}`);
  const file = process.env.CHAOS_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(full)}\n`);
}
