import type { MediaFrame } from './media-frames.js';
import { vp8KeyFrameSize } from './vp8.js';

/**
 * A minimal Matroska (WebM) writer: enough structure for ffmpeg to remux it with codec copy into
 * a seekable WebM (cues, duration). Frames are stored exactly as they came off the wire.
 */

function vint(value: number): Buffer {
  for (let length = 1; length <= 8; length++) {
    if (value < 2 ** (7 * length) - 1) {
      const out = Buffer.alloc(length);
      let v = value;
      for (let i = length - 1; i >= 0; i--) {
        out[i] = v % 256;
        v = Math.floor(v / 256);
      }
      out[0] = (out[0] as number) | (0x80 >> (length - 1));
      return out;
    }
  }
  throw new RangeError(`EBML size too large: ${value}`);
}

function idBytes(id: number): Buffer {
  const hex = id.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

function element(id: number, ...body: Buffer[]): Buffer {
  const data = Buffer.concat(body);
  return Buffer.concat([idBytes(id), vint(data.length), data]);
}

function uint(id: number, value: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(value));
  let start = 0;
  while (start < 7 && out[start] === 0) start++;
  return element(id, out.subarray(start));
}

const float = (id: number, value: number) => {
  const out = Buffer.alloc(8);
  out.writeDoubleBE(value);
  return element(id, out);
};
const text = (id: number, value: string) => element(id, Buffer.from(value, 'utf8'));

const ID = {
  EBML: 0x1a45dfa3,
  Segment: 0x18538067,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  DateUTC: 0x4461,
  Title: 0x7ba9,
  MuxingApp: 0x4d80,
  WritingApp: 0x5741,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackUID: 0x73c5,
  TrackType: 0x83,
  CodecID: 0x86,
  CodecPrivate: 0x63a2,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Audio: 0xe1,
  SamplingFrequency: 0xb5,
  Channels: 0x9f,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
} as const;

/** "Unknown size" (all ones): the segment is written in one pass and its length never patched. */
const UNKNOWN_SIZE = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
/** The Matroska epoch is 2001-01-01T00:00:00Z; DateUTC counts nanoseconds from it. */
const MATROSKA_EPOCH_MS = Date.UTC(2001, 0, 1);

export interface WebmTrack {
  kind: 'video' | 'audio';
  frames: MediaFrame[];
}

/** OpusHead (RFC 7845 §5.1): 2 channels, no pre-skip, 48 kHz — what WebRTC sends. */
function opusHead(): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head[8] = 1;
  head[9] = 2;
  head.writeUInt16LE(0, 10);
  head.writeUInt32LE(48_000, 12);
  return head;
}

function trackEntry(number: number, track: WebmTrack): Buffer {
  const common = [uint(ID.TrackNumber, number), uint(ID.TrackUID, number)];
  if (track.kind === 'audio')
    return element(
      ID.TrackEntry,
      ...common,
      uint(ID.TrackType, 2),
      text(ID.CodecID, 'A_OPUS'),
      element(ID.CodecPrivate, opusHead()),
      element(ID.Audio, float(ID.SamplingFrequency, 48_000), uint(ID.Channels, 2)),
    );
  // A simulcast recording starts on whichever layer had a key frame first and moves up: the
  // track says the largest size, and players follow the frames' own sizes.
  let size = { width: 0, height: 0 };
  for (const f of track.frames) {
    const s = f.keyFrame ? vp8KeyFrameSize(f.data) : null;
    if (s && s.width * s.height > size.width * size.height) size = s;
  }
  if (!size.width) size = { width: 640, height: 480 };
  return element(
    ID.TrackEntry,
    ...common,
    uint(ID.TrackType, 1),
    text(ID.CodecID, 'V_VP8'),
    element(ID.Video, uint(ID.PixelWidth, size.width), uint(ID.PixelHeight, size.height)),
  );
}

function simpleBlock(track: number, relativeMs: number, frame: MediaFrame): Buffer {
  const header = Buffer.alloc(4);
  header[0] = 0x80 | track;
  header.writeInt16BE(relativeMs, 1);
  header[3] = frame.keyFrame ? 0x80 : 0;
  return Buffer.concat([
    idBytes(ID.SimpleBlock),
    vint(header.length + frame.data.length),
    header,
    frame.data,
  ]);
}

/**
 * Builds a WebM whose time zero is `startMs` (wall clock, also written as DateUTC) from tracks of
 * wall-clock-stamped frames. Frames before `startMs` or after `endMs` are left out.
 */
export function buildWebm(tracks: WebmTrack[], startMs: number, title: string, endMs = Infinity): Buffer[] {
  const out: Buffer[] = [
    element(
      ID.EBML,
      uint(0x4286, 1),
      uint(0x42f7, 1),
      uint(0x42f2, 4),
      uint(0x42f3, 8),
      text(0x4282, 'webm'),
      uint(0x4287, 4),
      uint(0x4285, 2),
    ),
    Buffer.concat([idBytes(ID.Segment), UNKNOWN_SIZE]),
    element(
      ID.Info,
      uint(ID.TimecodeScale, 1_000_000),
      element(ID.DateUTC, bigInt64((startMs - MATROSKA_EPOCH_MS) * 1_000_000)),
      text(ID.Title, title),
      text(ID.MuxingApp, 'adal-sfu'),
      text(ID.WritingApp, 'adal-sfu recorder'),
    ),
    element(ID.Tracks, ...tracks.map((t, i) => trackEntry(i + 1, t))),
  ];
  const hasVideo = tracks.some((t) => t.kind === 'video');
  // Each track keeps its decoding order with times that never go backwards (a re-anchored run
  // may overlap the one before); a stable sort then interleaves the tracks by time.
  const blocks = tracks
    .flatMap((t, i) => {
      let lastMs = 0;
      return t.frames
        .filter((f) => f.atMs >= startMs && f.atMs <= endMs)
        .map((frame) => {
          lastMs = Math.max(lastMs, Math.round(frame.atMs - startMs));
          return { track: i + 1, video: t.kind === 'video', frame, ms: lastMs };
        });
    })
    .sort((a, b) => a.ms - b.ms);
  let cluster: Buffer[] = [];
  let clusterMs = 0;
  const flush = () => {
    if (cluster.length) out.push(element(ID.Cluster, uint(ID.Timecode, clusterMs), ...cluster));
    cluster = [];
  };
  for (const { track, video, frame, ms } of blocks) {
    const startsCluster =
      !cluster.length || ms - clusterMs > 30_000 || (video && frame.keyFrame && ms - clusterMs > 1000);
    if (startsCluster || (!hasVideo && ms - clusterMs > 5000)) {
      flush();
      clusterMs = ms;
    }
    cluster.push(simpleBlock(track, ms - clusterMs, frame));
  }
  flush();
  return out;
}

function bigInt64(value: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigInt64BE(BigInt(Math.round(value)));
  return out;
}
