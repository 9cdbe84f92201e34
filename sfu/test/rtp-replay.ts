/**
 * Synthetic students for the recording cost measurement: replays captured RTP streams (capture
 * format) to one UDP address, once per student with its own SSRCs, looping forever, paced by the
 * RTP timestamps. Run as a child process: `node --import tsx rtp-replay.ts '<json options>'`.
 * Prints `{"sent": n}` on SIGTERM.
 */
import { createSocket } from 'node:dgram';
import { readCapture } from '../src/recording/capture-file.js';

export interface ReplayOptions {
  port: number;
  students: number;
  /** One entry per stream of a student: capture file, clock rate, first SSRC (+ student index × 10). */
  streams: { file: string; clockRate: number; ssrcBase: number }[];
}

interface Template {
  packets: Buffer[];
  /** Send time of each packet in ms from the loop start. */
  atMs: number[];
  loopMs: number;
  /** Timestamp and sequence advance per loop. */
  tsStep: number;
  seqStep: number;
}

async function template(file: string, clockRate: number): Promise<Template> {
  const records = await readCapture(file);
  const packets = records.map((r) => r.packet);
  const ts0 = (packets[0] as Buffer).readUInt32BE(4);
  const atMs = packets.map((p) => (((p.readUInt32BE(4) - ts0) >>> 0) * 1000) / clockRate);
  const frameMs = 1000 / 15;
  const loopMs = (atMs[atMs.length - 1] as number) + frameMs;
  return { packets, atMs, loopMs, tsStep: Math.round((loopMs * clockRate) / 1000), seqStep: packets.length };
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] as string) as ReplayOptions;
  const templates = await Promise.all(options.streams.map((s) => template(s.file, s.clockRate)));
  const socket = createSocket('udp4');
  const start = performance.now();
  let sent = 0;
  // Every student starts at a different point of the clip, like real students would.
  const cursors: { t: Template; ssrc: number; index: number; loop: number; phase: number }[] = [];
  for (let i = 0; i < options.students; i++)
    for (const [s, t] of templates.entries()) {
      const offset = Math.random() * t.loopMs;
      const index = Math.max(
        0,
        t.atMs.findIndex((at) => at >= offset),
      );
      cursors.push({ t, ssrc: (options.streams[s]?.ssrcBase ?? 0) + i * 10, index, loop: 0, phase: -offset });
    }
  const tick = () => {
    const now = performance.now() - start;
    for (const c of cursors) {
      for (;;) {
        const due = c.phase + c.loop * c.t.loopMs + (c.t.atMs[c.index] as number);
        if (due > now) break;
        const packet = Buffer.from(c.t.packets[c.index] as Buffer);
        packet.writeUInt16BE((packet.readUInt16BE(2) + c.loop * c.t.seqStep) & 0xffff, 2);
        packet.writeUInt32BE((packet.readUInt32BE(4) + c.loop * c.t.tsStep) >>> 0, 4);
        packet.writeUInt32BE(c.ssrc >>> 0, 8);
        socket.send(packet, options.port, '127.0.0.1');
        sent++;
        if (++c.index === c.t.packets.length) {
          c.index = 0;
          c.loop++;
        }
      }
    }
  };
  setInterval(tick, 5);
  process.on('SIGTERM', () => {
    process.stdout.write(`${JSON.stringify({ sent })}\n`);
    process.exit(0);
  });
}

if (process.argv[2]) void main();
