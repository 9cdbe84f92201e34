/**
 * The proctor side (a child process of sfu-bench.ts): one UDP socket that every sitting's proctor
 * PlainTransport sends its consumers' RTP to. For each packet it reads the replay's send stamp
 * from the RTP padding and keeps the one-way delay; packets sent inside the measurement window are
 * counted per source, so loss is exact: sent (replay) minus received (here), same window.
 */
import { createSocket } from 'node:dgram';
import { isRtcp } from '../src/recording/rtp-packet.js';
import { serveParent } from './child.js';
import type { MeasureWindow, Percentiles, ReceiverCommand, ReceiverEvent } from './ipc.js';
import { monoUs, PROBE_STREAM, readStamp } from './stamp.js';

let window: MeasureWindow = { startUs: Number.POSITIVE_INFINITY, endUs: 0 };
let sources = 1;
let packets: number[] = [];
/** One-way delay in µs of each packet sent inside the window, per source. */
let delays: number[][] = [];
const probeDelays: number[] = [];
let total = 0;
let unstamped = 0;

// As large as net.core.rmem_max allows, like the SFU's own recording socket.
const socket = createSocket({ type: 'udp4', recvBufferSize: 8 * 1024 * 1024 });
socket.on('message', (packet) => {
  const receiveUs = monoUs();
  if (isRtcp(packet)) return;
  const stamp = readStamp(packet, receiveUs);
  if (!stamp) {
    unstamped++;
    return;
  }
  const inWindow = stamp.sendUs >= window.startUs && stamp.sendUs < window.endUs;
  if (stamp.streamId === PROBE_STREAM) {
    if (inWindow) probeDelays.push(receiveUs - stamp.sendUs);
    return;
  }
  total++;
  if (!inWindow) return;
  const source = stamp.streamId % sources;
  packets[source] = (packets[source] ?? 0) + 1;
  delays[source]?.push(receiveUs - stamp.sendUs);
});
await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));

/** Percentiles of µs samples, in ms. */
function percentiles(samples: number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? 0) / 1000;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), count: sorted.length };
}

const toParent = serveParent<ReceiverCommand, ReceiverEvent>((command, reply) => {
  if (command.type === 'window') {
    window = command.window;
    sources = command.sources;
    packets = Array.from({ length: sources }, () => 0);
    delays = Array.from({ length: sources }, () => []);
    return;
  }
  reply({
    type: 'report',
    report: {
      packets,
      delay: delays.map(percentiles),
      delayAll: percentiles(delays.flat()),
      probe: percentiles(probeDelays),
      total,
      unstamped,
    },
  });
});
toParent({ type: 'ready', port: socket.address().port });
