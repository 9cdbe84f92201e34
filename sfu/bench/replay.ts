/**
 * Synthetic students (a child process of sfu-bench.ts; rtp-replay.ts's approach with send
 * stamps): every target replays its source's clip in a loop, paced by the RTP timestamps, from
 * one UDP socket to the student's PlainTransport, with its own SSRC and a send stamp in the RTP
 * padding. Students start at random points of the clips, as real students would. A probe goes
 * straight to the receiver, bypassing the SFU, to measure the delay floor of the machine.
 */
import { createSocket } from 'node:dgram';
import { serveParent } from './child.js';
import { type Clip, loadClip, SOURCES, type SourceSpec } from './clips.js';
import type { MeasureWindow, ReplayCommand, ReplayEvent, ReplayTarget } from './ipc.js';
import { monoUs, PROBE_STREAM, stamped } from './stamp.js';

/** Pacing tick: packets due are sent every 5 ms (rtp-replay.ts does the same). */
const TICK_MS = 5;

interface Cursor {
  clip: Clip;
  target: ReplayTarget;
  index: number;
  loop: number;
  /** Clip start of loop 0, in ms of the replay's clock (negative: started mid-clip). */
  phaseMs: number;
}

const socket = createSocket({ type: 'udp4', sendBufferSize: 4 * 1024 * 1024 });
await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));

const packets = SOURCES.map(() => 0);
const bytes = SOURCES.map(() => 0);
const lateMs: number[] = [];
let window: MeasureWindow = { startUs: Number.POSITIVE_INFINITY, endUs: 0 };
let timer: NodeJS.Timeout | undefined;

async function start(command: Extract<ReplayCommand, { type: 'start' }>): Promise<void> {
  window = command.window;
  const clips = await Promise.all(command.clips.map((file, i) => loadClip(file, SOURCES[i] as SourceSpec)));
  const cursors: Cursor[] = command.targets.map((target) => {
    const clip = clips[target.sourceIndex] as Clip;
    const offset = Math.random() * clip.loopMs;
    const index = clip.atMs.findIndex((at) => at >= offset);
    // Past the last packet: start with the next loop (index 0 of loop 0 would send the whole clip at once).
    if (index < 0) return { clip, target, index: 0, loop: 1, phaseMs: -offset };
    return { clip, target, index, loop: 0, phaseMs: -offset };
  });
  const probe = Buffer.alloc(100);
  probe[0] = 0x80;
  const t0 = performance.now();
  timer = setInterval(() => {
    const now = performance.now() - t0;
    for (const c of cursors) send(c, now);
    socket.send(stamped(probe, PROBE_STREAM, monoUs()), command.probePort, '127.0.0.1');
  }, TICK_MS);
}

/** Sends every packet of a stream that is due, each stamped just before it leaves. */
function send(c: Cursor, now: number): void {
  const { clip, target } = c;
  for (;;) {
    const due = c.phaseMs + c.loop * clip.loopMs + (clip.atMs[c.index] as number);
    if (due > now) return;
    const sendUs = monoUs();
    const packet = stamped(clip.packets[c.index] as Buffer, target.streamId, sendUs);
    packet.writeUInt16BE((packet.readUInt16BE(2) + c.loop * clip.seqStep) & 0xffff, 2);
    packet.writeUInt32BE((packet.readUInt32BE(4) + c.loop * clip.tsStep) >>> 0, 4);
    packet.writeUInt32BE(target.ssrc >>> 0, 8);
    socket.send(packet, target.port, '127.0.0.1');
    if (sendUs >= window.startUs && sendUs < window.endUs) {
      packets[target.sourceIndex] = (packets[target.sourceIndex] ?? 0) + 1;
      bytes[target.sourceIndex] = (bytes[target.sourceIndex] ?? 0) + packet.length;
      lateMs.push(now - due);
    }
    if (++c.index === clip.packets.length) {
      c.index = 0;
      c.loop++;
    }
  }
}

function p99(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(0.99 * (sorted.length - 1))] ?? 0;
}

const toParent = serveParent<ReplayCommand, ReplayEvent>((command, reply) => {
  if (command.type === 'start') void start(command);
  else {
    // The report is final: sorting would stall sending, and a late burst after the window helps nobody.
    clearInterval(timer);
    reply({ type: 'report', report: { packets, bytes, lateP99Ms: p99(lateMs) } });
  }
});
toParent({ type: 'ready', port: socket.address().port });
