/** What the recorder reads from a VP8 RTP payload (RFC 7741) to rebuild frames. */
export interface Vp8Payload {
  /** First packet of a frame: S bit set on partition 0. */
  frameStart: boolean;
  /** A key frame starts here (only meaningful when frameStart). */
  keyFrame: boolean;
  /** Offset of the VP8 bitstream bytes inside the RTP payload (the descriptor is skipped). */
  dataOffset: number;
}

/** Parses the VP8 payload descriptor at the start of an RTP payload; null when truncated. */
export function parseVp8(payload: Uint8Array): Vp8Payload | null {
  if (payload.length < 1) return null;
  const b0 = payload[0] as number;
  let offset = 1;
  if (b0 & 0x80) {
    const x = payload[offset++];
    if (x === undefined) return null;
    if (x & 0x80) {
      const pictureId = payload[offset++];
      if (pictureId === undefined) return null;
      if (pictureId & 0x80) offset++;
    }
    if (x & 0x40) offset++;
    if (x & 0x30) offset++;
  }
  if (offset >= payload.length) return null;
  const frameStart = (b0 & 0x10) !== 0 && (b0 & 0x07) === 0;
  // Frame tag bit 0 is the inverse key frame flag (RFC 6386 §9.1).
  const keyFrame = frameStart && ((payload[offset] as number) & 0x01) === 0;
  return { frameStart, keyFrame, dataOffset: offset };
}

/** Width and height from a VP8 key frame's header (RFC 6386 §9.1); null if it is not one. */
export function vp8KeyFrameSize(frame: Uint8Array): { width: number; height: number } | null {
  if (frame.length < 10 || ((frame[0] as number) & 0x01) !== 0) return null;
  if (frame[3] !== 0x9d || frame[4] !== 0x01 || frame[5] !== 0x2a) return null;
  const width = ((frame[6] as number) | ((frame[7] as number) << 8)) & 0x3fff;
  const height = ((frame[8] as number) | ((frame[9] as number) << 8)) & 0x3fff;
  return { width, height };
}
