/** Command-line flags of `npm run bench:console`. */
import { parseArgs } from 'node:util';

export interface Options {
  students: number;
  /** Measured window with every tile playing. */
  seconds: number;
  /** Between every tile playing and the window. */
  warmupSeconds: number;
  flags: number;
  logEntries: number;
  /** null: as tall as the grid, so every tile is on screen (and so playing). */
  viewport: { width: number; height: number } | null;
  /** A second, shorter window on one screen of this size (tiles off it pause); null: none. */
  screen: { width: number; height: number } | null;
  build: boolean;
  write: boolean;
}

const HELP = `npm run bench:console [-- flags]
  --students 50         students in the sitting, each sending a 320×180 webcam
  --seconds 30          measured window once every tile plays
  --warmup 10           seconds between every tile playing and the window
  --flags 20            flags raised (each: one on the grid, one on the detail page)
  --log-entries 10000   entries appended to one student's log before verifying it
  --viewport fit        console viewport: fit (1280 wide, as tall as the grid) or e.g. 1920x1080
  --screen 1920x1080    afterwards, a second window (half as long) on one screen of this size; none: skip
  --build               rebuild the proctor console even if its dist looks up to date
  --no-write            print only; leave BENCHMARKS.md alone`;

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name}: expected a positive integer, got "${raw}"`);
  return n;
}

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      students: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '10' },
      flags: { type: 'string', default: '20' },
      'log-entries': { type: 'string', default: '10000' },
      viewport: { type: 'string', default: 'fit' },
      screen: { type: 'string', default: '1920x1080' },
      build: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const size = (name: string, raw: string, keyword: string) => {
    if (raw === keyword) return null;
    const m = /^(\d+)x(\d+)$/.exec(raw);
    if (!m) throw new Error(`--${name}: expected ${keyword} or WIDTHxHEIGHT, got "${raw}"`);
    return { width: Number(m[1]), height: Number(m[2]) };
  };
  const students = positiveInt('students', values.students);
  if (students < 2)
    throw new Error('--students: at least 2 (one is the detail page, the others get grid flags)');
  return {
    students,
    seconds: positiveInt('seconds', values.seconds),
    warmupSeconds: Number(values.warmup) >= 0 ? Number(values.warmup) : 10,
    flags: positiveInt('flags', values.flags),
    logEntries: positiveInt('log-entries', values['log-entries']),
    viewport: size('viewport', values.viewport, 'fit'),
    screen: size('screen', values.screen, 'none'),
    build: values.build,
    write: !values['no-write'],
  };
}
