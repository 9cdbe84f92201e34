/** Command-line flags of `npm run bench:load`. */
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface Options {
  /** Concurrent students per level, one fresh database and server process each. */
  levels: number[];
  /** Measured steady window after the ramp. */
  seconds: number;
  /** Connections are spread evenly over this many seconds. */
  rampSeconds: number;
  /** After the ramp, before measuring: every student has begun answering. */
  settleSeconds: number;
  /** Load-generator processes the students are split across. */
  generators: number;
  /** Each student answers every minGap…maxGap seconds (uniform). */
  minGapSeconds: number;
  maxGapSeconds: number;
  write: boolean;
  /** Folder for a V8 CPU profile of the server over each level's window (off when undefined). */
  cpuProfDir: string | undefined;
}

const HELP = `npm run bench:load [-- flags]
  --students 500,1000,2500,5000   concurrent students per level
  --seconds 60                    measured steady window
  --ramp 25                       seconds over which students join
  --settle 5                      seconds between the ramp and the window
  --generators 4                  load-generator processes
  --gap 3-7                       seconds between one student's answers
  --cpu-prof DIR                  profile the server over each window: DIR/server-<N>.cpuprofile + summary
  --no-write                      print only; leave BENCHMARKS.md alone`;

function positiveNumber(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}: expected a positive number, got "${raw}"`);
  return n;
}

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      students: { type: 'string', default: '500,1000,2500,5000' },
      seconds: { type: 'string', default: '60' },
      ramp: { type: 'string', default: '25' },
      settle: { type: 'string', default: '5' },
      generators: { type: 'string', default: '4' },
      gap: { type: 'string', default: '3-7' },
      'cpu-prof': { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const [minGap = '', maxGap = minGap] = values.gap.split('-');
  const options: Options = {
    levels: values.students.split(',').map((s) => Math.round(positiveNumber('students', s.trim()))),
    seconds: positiveNumber('seconds', values.seconds),
    rampSeconds: positiveNumber('ramp', values.ramp),
    settleSeconds: Number(values.settle),
    generators: Math.round(positiveNumber('generators', values.generators)),
    minGapSeconds: positiveNumber('gap', minGap),
    maxGapSeconds: positiveNumber('gap', maxGap),
    write: !values['no-write'],
    cpuProfDir: values['cpu-prof'] && path.resolve(values['cpu-prof']),
  };
  if (options.maxGapSeconds < options.minGapSeconds) throw new Error('--gap: write it as MIN-MAX');
  if (!(options.settleSeconds >= 0)) throw new Error('--settle: expected a number ≥ 0');
  return options;
}
