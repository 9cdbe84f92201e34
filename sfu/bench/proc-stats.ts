/** CPU time and memory of a process, read from /proc (Linux). */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (USER_HZ, almost always 100). */
export const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds the process (all its threads) has used so far; 0 once it is gone. */
export function cpuSeconds(pid: number | 'self'): number {
  try {
    // Fields after the command name, which may contain spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Resident set size in MB (VmRSS). */
export function rssMb(pid: number | 'self'): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(m?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** CPU seconds of the whole machine (all cores): busy, and stolen by the hypervisor. */
export function machineSeconds(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal …
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: (user + nice + system + irq + softirq) / TICKS_PER_SECOND, steal: steal / TICKS_PER_SECOND };
}

/** CPU % of one core used by each process, and by the machine, between two snapshots. */
export class CpuMeter {
  private readonly start: number[];
  private readonly machine = machineSeconds();
  private readonly t0 = performance.now();

  constructor(private readonly pids: (number | 'self')[]) {
    this.start = pids.map(cpuSeconds);
  }

  /** Per pid (constructor order): CPU seconds used / wall seconds elapsed × 100. */
  read(): { processes: number[]; machineBusy: number; machineSteal: number } {
    const elapsed = (performance.now() - this.t0) / 1000;
    const machine = machineSeconds();
    return {
      processes: this.pids.map((pid, i) => ((cpuSeconds(pid) - (this.start[i] ?? 0)) / elapsed) * 100),
      machineBusy: ((machine.busy - this.machine.busy) / elapsed) * 100,
      machineSteal: ((machine.steal - this.machine.steal) / elapsed) * 100,
    };
  }
}

/**
 * Datagrams the kernel dropped because a socket's receive buffer was full, summed over the
 * process's UDP sockets (the `drops` column of /proc/net/udp, matched by socket inode).
 */
export function udpDrops(pid: number | 'self'): number {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSafe(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    }
  } catch {
    return 0;
  }
  let drops = 0;
  for (const line of readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // … uid timeout inode ref pointer drops
    if (fields.length >= 13 && inodes.has(fields[9] as string)) drops += Number(fields[12]);
  }
  return drops;
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
