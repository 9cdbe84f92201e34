/** Command-line flags of `npm run bench:cluster`. */
import { parseArgs } from 'node:util';

export interface ClusterOptions {
  students: number;
  /** Measured steady window, per configuration. */
  seconds: number;
  rampSeconds: number;
  settleSeconds: number;
  /** Load-generator processes (bench/load/generator.ts), split over the two sittings. */
  generators: number;
  minGapSeconds: number;
  maxGapSeconds: number;
  /** Mean seconds between one student's automatic flags. */
  flagGapSeconds: number;
  /** Violation and flag probes per second (cross-process delivery). */
  probesPerSecond: number;
  /** Server processes behind the proxy, one configuration each. */
  processCounts: number[];
  quick: boolean;
  write: boolean;
}

const HELP = `npm run bench:cluster [-- flags]
  --quick              300 students, 10 s window, 5 s ramp (a look in about two minutes)
  --students 600       students, split over two sittings (one per SFU node)
  --seconds 20         measured window per configuration
  --ramp 10            seconds over which students connect
  --settle 3           seconds between the ramp and the window
  --generators 4       load-generator processes
  --gap 2-4            seconds between one student's answers
  --flag-gap 30        mean seconds between one student's automatic flags
  --probes 4           violation/flag probes per second, for delivery latency
  --processes 1,2      server processes per configuration
  --no-write           print only; leave BENCHMARKS.md alone`;

function positive(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}: expected a positive number, got "${raw}"`);
  return n;
}

export function parseClusterOptions(argv: string[]): ClusterOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      students: { type: 'string' },
      seconds: { type: 'string' },
      ramp: { type: 'string' },
      settle: { type: 'string', default: '3' },
      generators: { type: 'string', default: '4' },
      gap: { type: 'string', default: '2-4' },
      'flag-gap': { type: 'string', default: '30' },
      probes: { type: 'string', default: '4' },
      processes: { type: 'string', default: '1,2' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick;
  const [minGap = '', maxGap = minGap] = values.gap.split('-');
  const o: ClusterOptions = {
    students: Math.round(positive('students', values.students ?? (quick ? '300' : '600'))),
    seconds: positive('seconds', values.seconds ?? (quick ? '10' : '20')),
    rampSeconds: positive('ramp', values.ramp ?? (quick ? '5' : '10')),
    settleSeconds: Number(values.settle),
    generators: Math.max(2, Math.round(positive('generators', values.generators))),
    minGapSeconds: positive('gap', minGap),
    maxGapSeconds: positive('gap', maxGap),
    flagGapSeconds: positive('flag-gap', values['flag-gap']),
    probesPerSecond: positive('probes', values.probes),
    processCounts: values.processes.split(',').map((p) => Math.round(positive('processes', p.trim()))),
    quick,
    write: !values['no-write'],
  };
  if (o.maxGapSeconds < o.minGapSeconds) throw new Error('--gap: write it as MIN-MAX');
  if (!(o.settleSeconds >= 0)) throw new Error('--settle: expected a number ≥ 0');
  if (o.students < 8) throw new Error('--students: at least 8 (two sittings, probe students in each)');
  return o;
}
