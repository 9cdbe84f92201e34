/**
 * CPU % (of one core) per named group of processes, sampled once a second from /proc: each server
 * process on its own, the proxy, each SFU node with its mediasoup worker, PostgreSQL, Redis, the
 * load generators, the whole machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds, machineBusySeconds } from '../load/proc-stats.js';

export type PidSource = () => number[];

/** A process and its direct children (an SFU node's mediasoup workers). */
export function withChildren(pid: number): PidSource {
  return () => {
    const children: number[] = [];
    try {
      for (const task of readdirSync(`/proc/${pid}/task`))
        children.push(
          ...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
            .trim()
            .split(/\s+/)
            .filter(Boolean)
            .map(Number),
        );
    } catch {
      // Gone already.
    }
    return [pid, ...children];
  };
}

interface Sample {
  at: number;
  cpu: Record<string, number>;
}

export class CpuSampler {
  private readonly samples: Sample[] = [];
  private readonly last = new Map<string, Map<number, number>>();
  private lastMachine = machineBusySeconds();
  private lastAt = performance.now();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly groups: Record<string, PidSource>) {
    for (const [name, pids] of Object.entries(groups))
      this.last.set(name, new Map(pids().map((pid) => [pid, cpuSeconds(pid) ?? 0])));
    this.timer = setInterval(() => this.sample(), 1_000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Mean CPU % per group (and `machine`) over the samples that ended inside [from, to] (epoch ms). */
  mean(from: number, to: number): Record<string, number> {
    const inside = this.samples.filter((s) => s.at > from && s.at <= to);
    const names = [...Object.keys(this.groups), 'machine'];
    return Object.fromEntries(
      names.map((n) => [
        n,
        inside.length ? inside.reduce((a, s) => a + (s.cpu[n] ?? 0), 0) / inside.length : 0,
      ]),
    );
  }

  private sample(): void {
    const now = performance.now();
    const seconds = (now - this.lastAt) / 1000;
    this.lastAt = now;
    const cpu: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      const before = this.last.get(name) ?? new Map<number, number>();
      const after = new Map<number, number>();
      let used = 0;
      for (const pid of pids()) {
        const total = cpuSeconds(pid);
        if (total === undefined) continue;
        // A pid first seen (a new PostgreSQL backend) counts from zero, as in bench/load.
        used += total - (before.get(pid) ?? 0);
        after.set(pid, total);
      }
      this.last.set(name, after);
      cpu[name] = (used / seconds) * 100;
    }
    const machine = machineBusySeconds();
    cpu.machine = ((machine - this.lastMachine) / seconds) * 100;
    this.lastMachine = machine;
    this.samples.push({ at: Date.now(), cpu });
  }
}
