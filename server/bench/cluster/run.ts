/**
 * `npm run bench:cluster`: issue 9's scale-out measurement. The same load against one server
 * process and against two behind one front proxy (two SFU nodes either way), side by side, and how
 * fast a violation raised on one process reaches a proctor connected to the other.
 */
import { availableParallelism } from 'node:os';
import { writeSection } from '../load/benchmarks-file.js';
import { cleanUpAll, cleanUpOnSignals } from '../load/cleanup.js';
import { cpuModel } from '../load/proc-stats.js';
import { serviceVersions } from '../load/services.js';
import { type ConfigResult, runConfiguration } from './configuration.js';
import { parseClusterOptions } from './options.js';
import { mainTable, section, splitTable } from './report.js';

const options = parseClusterOptions(process.argv.slice(2));
cleanUpOnSignals();

const rows: ConfigResult[] = [];
try {
  for (const processes of options.processCounts) {
    const row = await runConfiguration(processes, options);
    rows.push(row);
    console.log(['', ...mainTable([row]), '', ...splitTable([row]), ''].join('\n'));
  }
} catch (error) {
  console.error(error);
  await cleanUpAll();
  process.exit(1);
}

const args = process.argv.slice(2);
const markdown = section(
  {
    date: new Date().toISOString().slice(0, 10),
    cores: availableParallelism(),
    cpuModel: cpuModel(),
    node: process.version,
    ...(await serviceVersions()),
    command: `npm run bench:cluster${args.length ? ` -- ${args.join(' ')}` : ''}`,
    options,
  },
  rows,
);
console.log(`\n${markdown}\n`);
if (options.write) {
  await writeSection(markdown, undefined, 'bench:cluster');
  console.log('Written to BENCHMARKS.md (between <!-- bench:cluster --> and <!-- /bench:cluster -->).');
}
process.exit(0);
