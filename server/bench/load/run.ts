/**
 * `npm run bench:load`: issue 4's benchmark of the answer path. Per level of concurrent
 * students, one server process on PostgreSQL + Redis and simulated students in separate
 * processes; prints a markdown table and writes it into BENCHMARKS.md.
 */
import { availableParallelism } from 'node:os';
import { writeSection } from './benchmarks-file.js';
import { cleanUpAll, cleanUpOnSignals } from './cleanup.js';
import { runLevel } from './level.js';
import type { LevelResult } from './level-result.js';
import { parseOptions } from './options.js';
import { cpuModel } from './proc-stats.js';
import { section } from './report.js';
import { detailTable, mainTable } from './report-tables.js';
import { serviceVersions } from './services.js';

const options = parseOptions(process.argv.slice(2));
cleanUpOnSignals();

const rows: LevelResult[] = [];
try {
  for (const students of options.levels) {
    const row = await runLevel(students, options);
    rows.push(row);
    console.log(['', ...mainTable([row]), '', ...detailTable([row]), ''].join('\n'));
  }
} catch (error) {
  console.error(error);
  await cleanUpAll();
  process.exit(1);
}

const versions = await serviceVersions();
const args = process.argv.slice(2);
const markdown = section(
  {
    date: new Date().toISOString().slice(0, 10),
    cores: availableParallelism(),
    cpuModel: cpuModel(),
    node: process.version,
    ...versions,
    command: `npm run bench:load${args.length ? ` -- ${args.join(' ')}` : ''}`,
    options,
  },
  rows,
);
console.log(`\n${markdown}\n`);
if (options.write) {
  await writeSection(markdown);
  console.log('Written to BENCHMARKS.md (between <!-- bench:load --> and <!-- /bench:load -->).');
}
process.exit(0);
