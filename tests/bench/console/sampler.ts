/**
 * Once a second while a window runs: CPU of the console's Chromium (every process, and by kind),
 * the student farm's Chromium, the server, the SFU and its worker, and the whole machine; memory
 * of the console every few seconds.
 */
import { loadavg } from 'node:os';
import {
  chromiumKind,
  cpuSeconds,
  cpuUsed,
  descendants,
  machineSeconds,
  treeCpu,
  treeMemory,
} from './proc.js';

export interface Pids {
  consoleMain: number;
  farmMain: number;
  server: number;
  sfu: number | undefined;
  worker: number | undefined;
}

export interface WindowCpu {
  seconds: number;
  /** % of one core, per second of the window. */
  consoleSeries: number[];
  console: number;
  /** The console's CPU by process kind (renderer, gpu-process, browser, utility:…), % of a core. */
  consoleByKind: Record<string, number>;
  farm: number;
  server: number;
  sfu: number;
  worker: number;
  bench: number;
  machine: number;
  steal: number;
  /** The machine minus everything above: other work on a shared machine. */
  other: number;
  /** os.loadavg() at the start and end of the window. */
  loadStart: number[];
  loadEnd: number[];
  /** Largest console PSS / RSS seen in the window, MB, and its process count. */
  consolePssMb: number;
  consoleRssMb: number;
  consoleProcesses: number;
}

const single = (pid: number | undefined) => (pid === undefined ? 0 : cpuSeconds(pid));

/** Samples until `stop()`; returns the window's figures. */
export function startSampler(pids: Pids): { stop(): WindowCpu } {
  const t0 = performance.now();
  const loadStart = loadavg();
  const consoleStart = treeCpu(pids.consoleMain);
  const farmStart = treeCpu(pids.farmMain);
  const machineStart = machineSeconds();
  const singlesStart = [pids.server, pids.sfu, pids.worker].map(single);
  const benchStart = process.cpuUsage();
  const series: number[] = [];
  let last = consoleStart;
  let lastAt = t0;
  let memory = { pssMb: 0, rssMb: 0, processes: 0 };
  let ticks = 0;
  const sampleMemory = () => {
    const m = treeMemory(pids.consoleMain);
    if (m.pssMb > memory.pssMb) memory = m;
  };
  sampleMemory();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = treeCpu(pids.consoleMain);
    series.push((cpuUsed(last, cpu) / ((now - lastAt) / 1000)) * 100);
    last = cpu;
    lastAt = now;
    if (++ticks % 5 === 0) sampleMemory();
  }, 1000);

  return {
    stop() {
      clearInterval(timer);
      sampleMemory();
      const seconds = (performance.now() - t0) / 1000;
      const pct = (cpuSecondsUsed: number) => (cpuSecondsUsed / seconds) * 100;
      const consoleEnd = treeCpu(pids.consoleMain);
      const byKind: Record<string, number> = {};
      for (const [pid, cpu] of consoleEnd) {
        const kind = chromiumKind(pid);
        byKind[kind] = (byKind[kind] ?? 0) + pct(cpu - (consoleStart.get(pid) ?? 0));
      }
      const machine = machineSeconds();
      const [server = 0, sfu = 0, worker = 0] = [pids.server, pids.sfu, pids.worker].map((pid, i) =>
        pct(single(pid) - (singlesStart[i] ?? 0)),
      );
      const benchUsage = process.cpuUsage(benchStart);
      const bench = pct((benchUsage.user + benchUsage.system) / 1e6);
      const consoleCpu = pct(cpuUsed(consoleStart, consoleEnd));
      const farm = pct(cpuUsed(farmStart, treeCpu(pids.farmMain)));
      const machineBusy = pct(machine.busy - machineStart.busy);
      return {
        seconds,
        consoleSeries: series,
        console: consoleCpu,
        consoleByKind: byKind,
        farm,
        server,
        sfu,
        worker,
        bench,
        machine: machineBusy,
        steal: pct(machine.steal - machineStart.steal),
        other: Math.max(0, machineBusy - consoleCpu - farm - server - sfu - worker - bench),
        loadStart,
        loadEnd: loadavg(),
        consolePssMb: memory.pssMb,
        consoleRssMb: memory.rssMb,
        consoleProcesses: memory.processes,
      };
    },
  };
}

/** Every process of a Chromium, for the report's process list. */
export function processKinds(main: number): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const pid of descendants(main)) kinds[chromiumKind(pid)] = (kinds[chromiumKind(pid)] ?? 0) + 1;
  return kinds;
}
