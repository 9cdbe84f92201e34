/**
 * The send stamp each synthetic packet carries, so the proctor side can tell when it was sent.
 *
 * It sits in RTP padding (RFC 3550 §5.1: P bit set, last byte = padding length), not in the
 * payload: mediasoup 3.8.4 forwards padding untouched (a SimpleConsumer rewrites only SSRC and
 * sequence number), the recorder ignores it (rtp-packet.ts strips padding), and the VP8/Opus
 * payload stays decodable. Layout of the 8 bytes: u32 send time (µs of the monotonic clock, mod
 * 2^32), u16 stream id, u8 magic, u8 padding length (8).
 *
 * The replay and the receiver are processes on one machine: `process.hrtime` reads the same
 * CLOCK_MONOTONIC in both, so a receive time minus a send stamp is a one-way delay.
 */
export const STAMP_BYTES = 8;
const MAGIC = 0xad;
/** Stream id of the probe the replay sends straight to the receiver (the no-SFU baseline). */
export const PROBE_STREAM = 0xffff;

/** Microseconds of the monotonic clock shared by every process of the machine. */
export const monoUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** A copy of `packet` (without any padding it had) with a stamp appended as padding. */
export function stamped(packet: Buffer, streamId: number, sendUs: number): Buffer {
  const b0 = packet[0] as number;
  const bodyLength = b0 & 0x20 ? packet.length - (packet[packet.length - 1] as number) : packet.length;
  const out = Buffer.allocUnsafe(bodyLength + STAMP_BYTES);
  packet.copy(out, 0, 0, bodyLength);
  out[0] = b0 | 0x20;
  out.writeUInt32BE(sendUs % 2 ** 32, bodyLength);
  out.writeUInt16BE(streamId, bodyLength + 4);
  out[bodyLength + 6] = MAGIC;
  out[bodyLength + 7] = STAMP_BYTES;
  return out;
}

/** Rewrites the send time of a stamped packet in place (the replay stamps just before sending). */
export function restamp(packet: Buffer, sendUs: number): void {
  packet.writeUInt32BE(sendUs % 2 ** 32, packet.length - STAMP_BYTES);
}

export interface Stamp {
  streamId: number;
  /** Full send time in µs, rebuilt from the 32-bit stamp and the receive time. */
  sendUs: number;
}

/** The stamp of a received packet, or null when it carries none. */
export function readStamp(packet: Buffer, receiveUs: number): Stamp | null {
  const n = packet.length;
  if (n < 12 + STAMP_BYTES || !((packet[0] as number) & 0x20)) return null;
  if (packet[n - 1] !== STAMP_BYTES || packet[n - 2] !== MAGIC) return null;
  const sent32 = packet.readUInt32BE(n - STAMP_BYTES);
  const delayUs = (receiveUs - sent32) % 2 ** 32;
  return { streamId: packet.readUInt16BE(n - 4), sendUs: receiveUs - ((delayUs + 2 ** 32) % 2 ** 32) };
}
