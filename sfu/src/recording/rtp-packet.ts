/** The RTP header fields the recorder needs (RFC 3550), read without copying the payload. */
export interface RtpHeader {
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  /** Where the codec payload starts and ends in the packet (after CSRCs, extension; before padding). */
  payloadStart: number;
  payloadEnd: number;
}

/** RTCP shares the port when rtcp-mux is on: packet types 192–223 sit where RTP has marker+PT (RFC 5761). */
export function isRtcp(packet: Uint8Array): boolean {
  const pt = packet[1] ?? 0;
  return packet.length >= 2 && pt >= 192 && pt <= 223;
}

/** Parses an RTP header; null for anything that is not RTP version 2 or is truncated. */
export function parseRtp(packet: Buffer): RtpHeader | null {
  if (packet.length < 12) return null;
  const b0 = packet[0] as number;
  if (b0 >> 6 !== 2) return null;
  const csrcCount = b0 & 0x0f;
  let start = 12 + csrcCount * 4;
  if (b0 & 0x10) {
    if (packet.length < start + 4) return null;
    start += 4 + packet.readUInt16BE(start + 2) * 4;
  }
  let end = packet.length;
  if (b0 & 0x20) end -= packet[packet.length - 1] as number;
  if (start > end) return null;
  const b1 = packet[1] as number;
  return {
    payloadType: b1 & 0x7f,
    marker: (b1 & 0x80) !== 0,
    sequenceNumber: packet.readUInt16BE(2),
    timestamp: packet.readUInt32BE(4),
    ssrc: packet.readUInt32BE(8),
    payloadStart: start,
    payloadEnd: end,
  };
}

/**
 * Extends 16-bit sequence numbers (or 32-bit timestamps) to a monotonic line across wrap-arounds,
 * taking the nearest candidate to the last value so reordered packets stay in place.
 */
export class Unwrapper {
  private last: number | null = null;
  constructor(private readonly bits: 16 | 32) {}

  unwrap(value: number): number {
    const range = 2 ** this.bits;
    if (this.last === null) {
      this.last = value;
      return value;
    }
    const base = this.last - (((this.last % range) + range) % range);
    let best = base + value;
    for (const candidate of [best - range, best + range])
      if (Math.abs(candidate - this.last) < Math.abs(best - this.last)) best = candidate;
    if (best > this.last) this.last = best;
    return best;
  }
}
