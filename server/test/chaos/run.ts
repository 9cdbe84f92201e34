/**
 * `npm run test:chaos`: the chaos tests at full length (CHAOS_MODE=long: PostgreSQL down 20 s,
 * the students' network cut 60 s, more students), one file at a time, then their table in
 * BENCHMARKS.md. Fails when a test failed or anything acknowledged was lost.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS_MD, writeSection } from '../../bench/load/benchmarks-file.js';
import type { ChaosRow } from './chaos-report.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'adal-chaos-report-'));
const reportFile = path.join(dir, 'rows.jsonl');

const vitestCode = await new Promise<number>((resolve) => {
  const child = spawn('npx', ['vitest', 'run', '-c', 'server/test/chaos/vitest.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, CHAOS_MODE: 'long', CHAOS_REPORT: reportFile },
  });
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

let rows: ChaosRow[] = [];
try {
  rows = readFileSync(reportFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ChaosRow);
} catch {
  rows = [];
}
rmSync(dir, { recursive: true, force: true });

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const lostRows = rows.filter((r) => r.lost > 0);
const passed = vitestCode === 0 && lostRows.length === 0 && rows.length > 0;
const markdown = [
  '## Chaos (npm run test:chaos)',
  '',
  'Faults injected while sittings run (`server/test/chaos`, long mode; `npm test` runs the same files shorter). ' +
    '**lost** counts what the server had acknowledged (answers at their acked revision, log entries by place and hash, ' +
    'uploaded pages by SHA-256) and was missing or changed afterwards, compared with the database. **recovery** runs ' +
    'from the fault to the first successful request (for the sitting faults, of every kind of request: the slowest counts).',
  '',
  '| fault | what was running | data checked | lost (must be 0) | recovery time |',
  '| --- | --- | --- | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${cell(r.fault)} | ${cell(r.running)} | ${cell(r.dataChecked)} | ${r.lost} | ${r.recoverySeconds.toFixed(1)} s |`,
  ),
  '',
  `Last run ${new Date().toISOString().slice(0, 10)} on this 2-core machine: ${
    passed
      ? 'every chaos test passed'
      : `FAILED (vitest exit ${vitestCode}, ${lostRows.length} rows with losses)`
  }.`,
].join('\n');
await writeSection(markdown, BENCHMARKS_MD, 'test:chaos');
console.log(`\n${markdown}\n\nwritten to ${BENCHMARKS_MD}`);
process.exit(passed ? 0 : 1);
