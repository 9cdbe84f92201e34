/** Command-line flags of `npm run bench:uploads`. */
import { parseArgs } from 'node:util';

export interface Options {
  /** Students uploading at once in part 2 (0 skips part 2). */
  students: number;
  /** Pages per student. */
  pages: number;
  /** Distinct photos drawn (each student sends `pages` different ones of them). */
  photos: number;
  /** Part 1: each photo is processed this many times one at a time, and as often in parallel. */
  rounds: number;
  /** The sitting the goal is about: its students × pages photos in under `goalSeconds`. */
  goalStudents: number;
  goalSeconds: number;
  write: boolean;
}

const HELP = `npm run bench:uploads [-- flags]
  --students 100     students uploading at once through the tus endpoint (0: part 1 only)
  --pages 5          pages per student
  --photos 10        distinct 12 MP photos drawn (cached in the temp folder)
  --rounds 2         part 1: times each photo is processed, one at a time and in parallel
  --no-write         print only; leave BENCHMARKS.md alone`;

const whole = (name: string, raw: string, min: number) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name}: expected a whole number ≥ ${min}, got "${raw}"\n${HELP}`);
  return n;
};

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      students: { type: 'string', default: '100' },
      pages: { type: 'string', default: '5' },
      photos: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const pages = whole('pages', values.pages, 1);
  const photos = whole('photos', values.photos, 1);
  if (photos < pages)
    throw new Error(`--photos must be at least --pages (${pages}): a student's pages are different photos`);
  return {
    students: whole('students', values.students, 0),
    pages,
    photos,
    rounds: whole('rounds', values.rounds, 1),
    goalStudents: 300,
    goalSeconds: 300,
    write: !values['no-write'],
  };
}
