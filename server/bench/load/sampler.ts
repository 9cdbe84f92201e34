/**
 * Samples, once a second, the CPU % (of one core) of the server process, of all PostgreSQL and
 * Redis processes, of the load generators and of the whole machine, plus the server's RSS.
 */
import { cpuSeconds, machineBusySeconds, pidsNamed, rssMb } from './proc-stats.js';

const GROUPS = ['server', 'postgres', 'redis', 'generators', 'machine'] as const;
type Group = (typeof GROUPS)[number];

interface Sample {
  /** Epoch ms at the end of the interval this sample covers. */
  at: number;
  cpu: Record<Group, number>;
  serverRssMb: number;
}

export interface CpuSummary {
  mean: Record<Group, number>;
  max: Record<Group, number>;
  serverRssMaxMb: number;
}

/** CPU seconds per pid, remembered between samples; a pid first seen counts from zero. */
class PidGroup {
  private last = new Map<number, number>();

  constructor(private readonly pids: () => number[]) {
    for (const pid of pids()) this.last.set(pid, cpuSeconds(pid) ?? 0);
  }

  /** CPU seconds the group used since the previous call. */
  delta(): number {
    let used = 0;
    const next = new Map<number, number>();
    for (const pid of this.pids()) {
      const now = cpuSeconds(pid);
      if (now === undefined) continue;
      used += now - (this.last.get(pid) ?? 0);
      next.set(pid, now);
    }
    this.last = next;
    return used;
  }
}

export class Sampler {
  private readonly samples: Sample[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly groups: Record<Exclude<Group, 'machine'>, PidGroup>;
  private lastMachine = machineBusySeconds();
  private lastAt = performance.now();

  constructor(serverPid: number, generatorPids: number[]) {
    this.groups = {
      server: new PidGroup(() => [serverPid]),
      postgres: new PidGroup(() => pidsNamed(['postgres'])),
      redis: new PidGroup(() => pidsNamed(['redis-server'])),
      generators: new PidGroup(() => generatorPids),
    };
    this.timer = setInterval(() => this.sample(serverPid), 1_000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Mean and max per group over the samples that ended inside [from, to] (epoch ms). */
  summary(from: number, to: number): CpuSummary {
    const inside = this.samples.filter((s) => s.at > from && s.at <= to);
    const mean = {} as Record<Group, number>;
    const max = {} as Record<Group, number>;
    for (const g of GROUPS) {
      const values = inside.map((s) => s.cpu[g]);
      mean[g] = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
      max[g] = values.length ? Math.max(...values) : 0;
    }
    return { mean, max, serverRssMaxMb: Math.max(0, ...this.samples.map((s) => s.serverRssMb)) };
  }

  /** CPU % per group in slices from `from` (epoch ms), for the console. */
  timeline(from: number, window: { start: number; end: number }, sliceMs = 5_000): string[] {
    const at = (t: number) => `+${((t - from) / 1000).toFixed(0)} s`;
    const lines = [
      `CPU % of one core in ${sliceMs / 1000} s slices from the ramp (window ${at(window.start)} to ${at(window.end)}): server / postgres / generators / machine`,
    ];
    for (let t = from; t < (this.samples.at(-1)?.at ?? 0); t += sliceMs) {
      const s = this.summary(t, t + sliceMs).mean;
      const values = [s.server, s.postgres, s.generators, s.machine].map((v) => v.toFixed(0).padStart(3));
      lines.push(`  +${String((t - from) / 1000).padStart(3)} s · ${values.join(' / ')}`);
    }
    return lines;
  }

  private sample(serverPid: number): void {
    const now = performance.now();
    const seconds = (now - this.lastAt) / 1000;
    this.lastAt = now;
    const machine = machineBusySeconds();
    const percent = (used: number) => (used / seconds) * 100;
    this.samples.push({
      at: Date.now(),
      cpu: {
        server: percent(this.groups.server.delta()),
        postgres: percent(this.groups.postgres.delta()),
        redis: percent(this.groups.redis.delta()),
        generators: percent(this.groups.generators.delta()),
        machine: percent(machine - this.lastMachine),
      },
      serverRssMb: rssMb(serverPid),
    });
    this.lastMachine = machine;
  }
}
