/**
 * Runs inside the student farm's page (bundled by farm.ts): N synthetic students, each with the
 * exam client's own SFU connection (`SfuConnection`: a media token for that student, its own
 * signalling socket, a mediasoup-client Device and send transport), producing its webcam as one
 * 320×180 VP8 encoding — the grid layer, without the simulcast layers above it. All students send
 * clones of one track (Chromium's fake camera, or an animated canvas), so frames are made once;
 * each peer connection still encodes its own copy, as 50 students' browsers would.
 *
 * One encoding with `scalabilityMode: 'L1T3'` (what the real webcam's layers carry) makes
 * mediasoup 3.8.4's worker refuse the producer (a TypeError with no message), so the single
 * encoding has no temporal layers.
 */
import type { types } from 'mediasoup-client';
import { SfuConnection, type SfuSession } from '../../../shared/src/web/media/sfu-connection.js';
import type { MediaTicket } from '../../../shared/src/web/media/token-source.js';

export interface FarmSettings {
  /** canvas: drawn in the page; camera: Chromium's fake capture device (needs its flags). */
  source: 'canvas' | 'camera';
  width: number;
  height: number;
  fps: number;
  maxBitrateBps: number;
}

export interface FarmStats {
  students: number;
  connected: number;
  producing: number;
  framesEncoded: number;
  /** Frames each student's producer has encoded, in student order. */
  framesByStudent: number[];
  bytesSent: number;
  /** Producers whose encoder says it is limited (cpu or bandwidth), by reason. */
  limited: Record<string, number>;
  frameWidths: number[];
}

declare global {
  interface Window {
    /** Exposed by farm.ts: a fresh media token for student `index`. */
    benchToken(index: number): Promise<MediaTicket>;
    benchFarm: {
      start(count: number, settings: FarmSettings): Promise<void>;
      stats(): Promise<FarmStats>;
      stop(): void;
    };
  }
}

interface Student {
  connection: SfuConnection;
  producer: types.Producer | null;
}

const students: Student[] = [];
let timer: ReturnType<typeof setInterval> | undefined;

/** A moving picture: drifting colours, a moving "head", a frame counter and a little noise. */
function canvasTrack({ width, height, fps }: FarmSettings): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  const noise = g.createImageData(40, 40);
  let frame = 0;
  const draw = () => {
    frame++;
    const hue = (frame * 2) % 360;
    const gradient = g.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, `hsl(${hue} 45% 55%)`);
    gradient.addColorStop(1, `hsl(${(hue + 120) % 360} 45% 35%)`);
    g.fillStyle = gradient;
    g.fillRect(0, 0, width, height);
    g.fillStyle = '#f1c27d';
    g.beginPath();
    g.arc(width / 2 + Math.sin(frame / 10) * 40, height / 2 + Math.cos(frame / 13) * 15, 45, 0, Math.PI * 2);
    g.fill();
    for (let i = 0; i < noise.data.length; i += 4) {
      const v = Math.random() * 255;
      noise.data[i] = v;
      noise.data[i + 1] = v;
      noise.data[i + 2] = v;
      noise.data[i + 3] = 255;
    }
    g.putImageData(noise, width - 50, 10);
    g.fillStyle = '#000';
    g.font = '16px monospace';
    g.fillText(String(frame), 8, height - 10);
  };
  draw();
  timer = setInterval(draw, 1000 / fps);
  const track = canvas.captureStream(fps).getVideoTracks()[0];
  if (!track) throw new Error('canvas.captureStream gave no track');
  track.contentHint = 'motion';
  return track;
}

async function produce(
  student: Student,
  track: MediaStreamTrack,
  settings: FarmSettings,
  session: SfuSession,
) {
  try {
    const producer = await session.transport.produce({
      track: track.clone(),
      encodings: [{ maxBitrate: settings.maxBitrateBps, maxFramerate: settings.fps }],
      codecOptions: { videoGoogleStartBitrate: 100 },
      appData: { source: 'webcam' },
    });
    student.producer = producer;
  } catch (error) {
    console.warn('farm: produce failed', error);
  }
}

window.benchFarm = {
  async start(count, settings) {
    const track =
      settings.source === 'canvas'
        ? canvasTrack(settings)
        : ((
            await navigator.mediaDevices.getUserMedia({
              video: {
                width: { exact: settings.width },
                height: { exact: settings.height },
                frameRate: { exact: settings.fps },
              },
            })
          ).getVideoTracks()[0] as MediaStreamTrack);
    const started: Promise<void>[] = [];
    for (let index = 0; index < count; index++) {
      const connection = new SfuConnection({ direction: 'send', tokens: () => window.benchToken(index) });
      const student: Student = { connection, producer: null };
      students.push(student);
      connection.on('session', (session) => {
        student.producer?.close();
        student.producer = null;
        void produce(student, track, settings, session);
      });
      started.push(connection.start());
    }
    await Promise.all(started);
  },

  async stats() {
    const out: FarmStats = {
      students: students.length,
      connected: 0,
      producing: 0,
      framesEncoded: 0,
      framesByStudent: [],
      bytesSent: 0,
      limited: {},
      frameWidths: [],
    };
    for (const s of students) {
      if (s.connection.state === 'connected') out.connected++;
      const producer = s.producer;
      let frames = 0;
      const report = producer && !producer.closed ? await producer.getStats() : new Map();
      for (const stat of report.values()) {
        if (stat.type !== 'outbound-rtp') continue;
        if ((stat.bytesSent ?? 0) > 0) out.producing++;
        frames += stat.framesEncoded ?? 0;
        out.bytesSent += stat.bytesSent ?? 0;
        out.frameWidths.push(stat.frameWidth ?? 0);
        const reason = stat.qualityLimitationReason as string | undefined;
        if (reason && reason !== 'none') out.limited[reason] = (out.limited[reason] ?? 0) + 1;
      }
      out.framesByStudent.push(frames);
      out.framesEncoded += frames;
    }
    return out;
  },

  stop() {
    clearInterval(timer);
    for (const s of students) s.connection.close();
  },
};
