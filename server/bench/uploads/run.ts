/**
 * `npm run bench:uploads`: how fast the server turns answer-sheet photos into stored pages, and
 * what 100 students uploading 5 pages each at once cost it in memory and time. Prints a markdown
 * section and writes it into BENCHMARKS.md (between <!-- bench:uploads --> and its closing marker).
 */
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { writeSection } from '../load/benchmarks-file.js';
import { cleanUpAll, cleanUpOnSignals } from '../load/cleanup.js';
import { cpuModel } from '../load/proc-stats.js';
import { serviceVersions } from '../load/services.js';
import { parseOptions } from './options.js';
import { benchPhotos } from './photos.js';
import { measureProcessing } from './processing-rate.js';
import { section } from './report.js';
import { measureUploads } from './upload-load.js';

const options = parseOptions(process.argv.slice(2));
cleanUpOnSignals();
const log = (line: string) => console.log(line);

try {
  log(`Drawing ${options.photos} photos (cached after the first run)…`);
  const photos = await benchPhotos(options.photos, log);
  log('Part 1: the processing step…');
  const rate = await measureProcessing(photos, options.rounds);
  log(
    `  ${rate.sequential.cpuPerPhoto.toFixed(2)} CPU s per photo; ${rate.parallel.photosPerSecond.toFixed(2)} photos/s with ${rate.parallel.cores} at a time`,
  );
  let load: Awaited<ReturnType<typeof measureUploads>> | undefined;
  if (options.students > 0) {
    log(`Part 2: ${options.students} students × ${options.pages} pages through the tus endpoint…`);
    load = await measureUploads(photos, options.students, options.pages, log);
    if (load.complaints.size)
      log(`  server warnings: ${[...load.complaints].map(([k, v]) => `${k} × ${v}`).join('; ')}`);
  }
  await cleanUpAll();
  const args = process.argv.slice(2);
  const markdown = section(
    {
      date: new Date().toISOString().slice(0, 10),
      cores: availableParallelism(),
      cpuModel: cpuModel(),
      node: process.version,
      vips: sharp.versions.vips,
      postgres: load ? (await serviceVersions()).postgres : 'not used',
      command: `npm run bench:uploads${args.length ? ` -- ${args.join(' ')}` : ''}`,
    },
    options,
    photos,
    rate,
    load,
  );
  console.log(`\n${markdown}\n`);
  if (options.write) {
    await writeSection(markdown, undefined, 'bench:uploads');
    console.log('Written to BENCHMARKS.md (between <!-- bench:uploads --> and <!-- /bench:uploads -->).');
  }
  process.exit(0);
} catch (error) {
  console.error(error);
  await cleanUpAll();
  process.exit(1);
}
