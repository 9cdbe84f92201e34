/**
 * Proctors watching the sittings, one socket pinned to each server process, and a steady stream of
 * probes: a proctor raising a violation (raiseViolation) or a probe student reporting a flag
 * (reportFlags), each pinned to one process in turn. Every watcher times when each probe reaches
 * it; a probe raised on process A and heard on a socket of process B is a cross-process delivery.
 * The time runs from sending the raising request to the event at the watcher, so it includes the
 * request's own work (the log entry or the episode written to PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { AutoFlagType, http, pathFor, type ServerToClientEvents } from '@adal/shared';
import { io, type Socket } from 'socket.io-client';
import { PIN_HEADER } from './front-proxy.js';

type WatcherSocket = Socket<ServerToClientEvents>;
export type ProbeKind = 'violation' | 'flag';

export interface ProbeStudent {
  sittingId: string;
  studentId: string;
  token: string;
}

export interface DeskResult {
  probes: number;
  /** Latency (ms) of every delivery, by kind, raised and heard on the same or different processes. */
  latencies: Record<ProbeKind, { cross: number[]; same: number[] }>;
  /**
   * Per probe, how much later the watcher on another process heard it than the watcher on the
   * process that took the request: the cost of the hop through Redis alone (ms, may be negative).
   */
  hop: number[];
  /** Deliveries that never came (within the drain time), cross-process and same-process. */
  missing: { cross: number; same: number };
  raiseErrors: Record<string, number>;
  /** Events each watcher heard in the window, in process order: flag episodes and log entries. */
  heard: { flagEpisodes: number; logEntries: number }[];
}

interface Probe {
  kind: ProbeKind;
  raisedOn: number;
  t0: number;
  arrived: Map<number, number>;
}

const PASSWORD = 'adal2026';
const DRAIN_MS = 5_000;
const FLAG_TYPES = AutoFlagType.options;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function proctorCookie(baseUrl: string): Promise<string> {
  const res = await fetch(baseUrl + http.login.path, {
    method: http.login.method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'proctor1', password: PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  await res.body?.cancel();
  if (res.status !== 200 || !cookie) throw new Error(`proctor1 could not log in: ${res.status}`);
  return cookie;
}

function connectPinned(baseUrl: string, cookie: string, backend: number): Promise<WatcherSocket> {
  const socket: WatcherSocket = io(baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { cookie, [PIN_HEADER]: String(backend) },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const watch = (socket: WatcherSocket, sittingId: string) =>
  new Promise<void>((resolve, reject) =>
    (socket.emit as (e: string, p: unknown, cb: (a: { ok: boolean }) => void) => void)(
      'sitting:watch',
      { sittingId },
      (ack) => (ack.ok ? resolve() : reject(new Error(`sitting:watch refused: ${JSON.stringify(ack)}`))),
    ),
  );

export class ProctorDesk {
  private readonly probes = new Map<string, Probe>();
  private readonly raiseErrors: Record<string, number> = {};
  private readonly heard: { flagEpisodes: number; logEntries: number }[];
  private counting = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private sent = 0;

  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly watchers: WatcherSocket[],
    private readonly students: ProbeStudent[],
  ) {
    this.heard = watchers.map(() => ({ flagEpisodes: 0, logEntries: 0 }));
    watchers.forEach((socket, w) => {
      socket.on('log:appended', ({ entry }) => {
        if (this.counting) (this.heard[w] as { logEntries: number }).logEntries++;
        if (entry.source === 'proctor') this.arrived(entry.text, w);
      });
      socket.on('flag:episode', ({ episode }) => {
        if (this.counting) (this.heard[w] as { flagEpisodes: number }).flagEpisodes++;
        for (const detail of episode.details) this.arrived(detail, w);
      });
    });
  }

  /** Logs proctor1 in and opens one watching socket on each of `processes` server processes. */
  static async open(baseUrl: string, processes: number, sittingIds: string[], students: ProbeStudent[]) {
    const cookie = await proctorCookie(baseUrl);
    const watchers: WatcherSocket[] = [];
    for (let backend = 0; backend < processes; backend++) {
      const socket = await connectPinned(baseUrl, cookie, backend);
      for (const sittingId of sittingIds) await watch(socket, sittingId);
      watchers.push(socket);
    }
    return new ProctorDesk(baseUrl, cookie, watchers, students);
  }

  /** Probes from now on, `perSecond` of them, kinds and processes in turn. */
  start(perSecond: number): void {
    this.counting = true;
    this.timer = setInterval(() => void this.probe(), 1000 / perSecond);
  }

  async stop(): Promise<DeskResult> {
    clearInterval(this.timer);
    this.counting = false;
    const until = performance.now() + DRAIN_MS;
    const complete = () => [...this.probes.values()].every((p) => p.arrived.size === this.watchers.length);
    while (!complete() && performance.now() < until) await sleep(100);
    for (const s of this.watchers) s.close();
    const latencies: DeskResult['latencies'] = {
      violation: { cross: [], same: [] },
      flag: { cross: [], same: [] },
    };
    const missing = { cross: 0, same: 0 };
    const hop: number[] = [];
    for (const p of this.probes.values()) {
      const local = p.arrived.get(p.raisedOn);
      for (let w = 0; w < this.watchers.length; w++) {
        const where = w === p.raisedOn ? 'same' : 'cross';
        const at = p.arrived.get(w);
        if (at === undefined) missing[where]++;
        else latencies[p.kind][where].push(at - p.t0);
        if (where === 'cross' && at !== undefined && local !== undefined) hop.push(at - local);
      }
    }
    return {
      probes: this.probes.size,
      latencies,
      hop,
      missing,
      raiseErrors: this.raiseErrors,
      heard: this.heard,
    };
  }

  private arrived(key: string, watcher: number): void {
    const p = this.probes.get(key);
    if (p && !p.arrived.has(watcher)) p.arrived.set(watcher, performance.now());
  }

  private async probe(): Promise<void> {
    const n = this.sent++;
    const kind: ProbeKind = n % 2 === 0 ? 'violation' : 'flag';
    // Kinds alternate, so each kind takes the processes in turn at every other probe.
    const raisedOn = Math.floor(n / 2) % this.watchers.length;
    const student = this.students[Math.floor(n / 2) % this.students.length] as ProbeStudent;
    const key = `probe ${n}`;
    const t0 = performance.now();
    this.probes.set(key, { kind, raisedOn, t0, arrived: new Map() });
    const [path, cookie, body] =
      kind === 'violation'
        ? [
            pathFor(http.raiseViolation.path, { sittingId: student.sittingId, studentId: student.studentId }),
            this.cookie,
            { type: 'other', severity: 'low', note: key },
          ]
        : [
            pathFor(http.reportFlags.path, { sittingId: student.sittingId }),
            `adal_session=${student.token}`,
            {
              reports: [
                {
                  episodeId: randomUUID(),
                  // A probe student's reports of one type arrive far apart: its details never fill up.
                  type: FLAG_TYPES[Math.floor(n / 2 / this.students.length) % FLAG_TYPES.length],
                  startedAt: new Date().toISOString(),
                  endedAt: new Date().toISOString(),
                  confidence: 80,
                  detail: key,
                },
              ],
            },
          ];
    try {
      const res = await fetch(this.baseUrl + path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', [PIN_HEADER]: String(raisedOn) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      await res.body?.cancel();
      if (res.status >= 300) this.refused(key, `${kind} ${res.status}`);
    } catch (error) {
      this.refused(key, `${kind} ${(error as Error).name}`);
    }
  }

  private refused(key: string, reason: string): void {
    this.probes.delete(key);
    this.raiseErrors[reason] = (this.raiseErrors[reason] ?? 0) + 1;
  }
}
