/**
 * CPU and memory of process trees from /proc (Linux): a Chromium is many processes (browser,
 * zygotes, renderers, GPU, network and audio services), so everything is summed per tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { machineSeconds, rssMb, TICKS_PER_SECOND } from '../../../sfu/bench/proc-stats.js';

export { machineSeconds, rssMb };

interface Stat {
  ppid: number;
  /** User + system CPU seconds so far. */
  cpu: number;
}

function readStat(pid: number): Stat | undefined {
  try {
    // The command name may contain spaces: split after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number);
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** `root` and every process below it. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const stat = readStat(pid);
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(pid);
    children.set(stat.ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** The main process of a Chromium launched with `marker` among its switches (not a child). */
export function chromiumMain(marker: string): number | undefined {
  return allPids().find((pid) => {
    const cmd = cmdline(pid);
    return cmd.includes(marker) && !cmd.includes('--type=');
  });
}

/** What a Chromium process is, from its `--type=` switch (renderer, gpu-process, utility…). */
export function chromiumKind(pid: number): string {
  const cmd = cmdline(pid);
  const type = /--type=(\S+)/.exec(cmd)?.[1];
  if (!type) return 'browser';
  if (type === 'utility') return `utility:${/--utility-sub-type=(\S+)/.exec(cmd)?.[1] ?? '?'}`;
  return type;
}

export function cpuSeconds(pid: number): number {
  return readStat(pid)?.cpu ?? 0;
}

/** Proportional set size in MB (shared pages split between the processes that map them). */
export function pssMb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return Number(m?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export function cpuModel(): string {
  const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
  return m?.[1]?.trim() ?? 'unknown CPU';
}

/** CPU seconds per process of a tree, keyed by pid (processes started since are included). */
export function treeCpu(root: number): Map<number, number> {
  return new Map(descendants(root).map((pid) => [pid, cpuSeconds(pid)]));
}

/**
 * CPU seconds a tree used between two readings: processes that appeared count from zero,
 * processes that exited count up to their last reading (their last moments are lost).
 */
export function cpuUsed(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, cpu] of after) used += cpu - (before.get(pid) ?? 0);
  return used;
}

export interface TreeMemory {
  pssMb: number;
  rssMb: number;
  processes: number;
}

export function treeMemory(root: number): TreeMemory {
  const pids = descendants(root);
  return {
    pssMb: pids.reduce((sum, pid) => sum + pssMb(pid), 0),
    rssMb: pids.reduce((sum, pid) => sum + rssMb(pid), 0),
    processes: pids.length,
  };
}
