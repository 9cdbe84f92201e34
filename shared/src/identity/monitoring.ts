import type { AutoFlagType } from '../api/violations.js';
import { headPose, type Point } from './face-geometry.js';

/**
 * Continuous monitoring during the exam (issue 7): each camera frame (2 per second by default) and
 * each microphone level becomes conditions; a condition that lasts long enough opens an episode,
 * which is reported to the server while it lasts and once when it ends. Only these reports (and
 * one small snapshot) leave the device — never a video from this path.
 */
export type MonitoredFlag = Extract<
  AutoFlagType,
  'no_face' | 'multiple_faces' | 'looking_away' | 'camera_covered' | 'voice' | 'face_mismatch'
>;

export interface MonitoringSettings {
  /** How long a condition must last before it is flagged (ms). */
  onsetMs: Record<MonitoredFlag, number>;
  /** A condition gone for this long ends the episode. */
  endAfterMs: number;
  /** An open episode is reported again at least this often (the server expects ≤ 10 s). */
  repeatMs: number;
  /** Head turn past these (degrees) is looking away. */
  maxYaw: number;
  maxPitch: number;
  /** Mean luma under this: the camera is covered or the room is dark. */
  coveredBrightness: number;
}

export const DEFAULT_MONITORING: MonitoringSettings = {
  onsetMs: {
    no_face: 3_000,
    multiple_faces: 1_000,
    looking_away: 5_000,
    camera_covered: 3_000,
    voice: 3_000,
    face_mismatch: 0,
  },
  endAfterMs: 1_500,
  repeatMs: 8_000,
  maxYaw: 30,
  maxPitch: 25,
  coveredBrightness: 30,
};

/** The camera conditions of one frame. */
export function frameConditions(
  frame: { faces: readonly { keypoints: readonly Point[] }[]; brightness: number },
  settings: MonitoringSettings = DEFAULT_MONITORING,
): Record<'no_face' | 'multiple_faces' | 'looking_away' | 'camera_covered', boolean> {
  const covered = frame.brightness < settings.coveredBrightness;
  const one = frame.faces.length === 1 ? frame.faces[0] : undefined;
  let away = false;
  if (one && one.keypoints.length >= 468) {
    const { yaw, pitch } = headPose(one.keypoints);
    away = Math.abs(yaw) > settings.maxYaw || Math.abs(pitch) > settings.maxPitch;
  }
  return {
    camera_covered: covered,
    // In the dark "no face" would blame the student for the light: covered says it instead.
    no_face: !covered && frame.faces.length === 0,
    multiple_faces: frame.faces.length > 1,
    looking_away: away,
  };
}

/** A report for the server (shared/src/api/proctoring.ts FlagReport, without the snapshot). */
export interface FlagReportDraft {
  episodeId: string;
  type: MonitoredFlag;
  startedAt: string;
  endedAt: string | null;
  confidence: number;
  /** The first report of an episode: the moment to take its one snapshot. */
  opening: boolean;
}

interface Track {
  /** When the condition was first seen in this run of frames (null: not active). */
  since: number | null;
  lastSeen: number;
  seen: number;
  frames: number;
  /** Frames counted up to the last one with the condition (the tail after it is not the episode). */
  framesToLastSeen: number;
  episode: { id: string; startedAt: number; lastReport: number } | null;
}

/** Turns per-frame conditions into episodes; one tracker per student session. */
export class EpisodeTracker {
  private readonly tracks = new Map<MonitoredFlag, Track>();

  constructor(
    private readonly newId: () => string,
    private readonly settings: MonitoringSettings = DEFAULT_MONITORING,
  ) {}

  /** One observation of one condition; returns the reports to send now. */
  observe(type: MonitoredFlag, active: boolean, nowMs: number): FlagReportDraft[] {
    let t = this.tracks.get(type);
    if (!t) {
      t = { since: null, lastSeen: 0, seen: 0, frames: 0, framesToLastSeen: 0, episode: null };
      this.tracks.set(type, t);
    }
    const out: FlagReportDraft[] = [];
    if (active) {
      if (t.since === null) {
        t.since = nowMs;
        t.seen = 0;
        t.frames = 0;
      }
      t.lastSeen = nowMs;
      t.seen++;
    }
    if (t.since !== null) t.frames++;
    if (active) t.framesToLastSeen = t.frames;

    const report = (endedAt: number | null, opening: boolean): FlagReportDraft => ({
      episodeId: t.episode?.id ?? '',
      type,
      startedAt: new Date(t.episode?.startedAt ?? nowMs).toISOString(),
      endedAt: endedAt === null ? null : new Date(endedAt).toISOString(),
      confidence: Math.round((100 * t.seen) / Math.max(1, t.framesToLastSeen)),
      opening,
    });

    if (!t.episode && t.since !== null && active && nowMs - t.since >= this.settings.onsetMs[type]) {
      t.episode = { id: this.newId(), startedAt: t.since, lastReport: nowMs };
      out.push(report(null, true));
    } else if (t.episode && active && nowMs - t.episode.lastReport >= this.settings.repeatMs) {
      t.episode.lastReport = nowMs;
      out.push(report(null, false));
    }
    if (!active && t.since !== null && nowMs - t.lastSeen >= this.settings.endAfterMs) {
      if (t.episode) out.push(report(t.lastSeen, false));
      t.since = null;
      t.episode = null;
    }
    return out;
  }

  /** The page is closing or monitoring stops: end what is open. */
  flush(nowMs: number): FlagReportDraft[] {
    const out: FlagReportDraft[] = [];
    for (const [type, t] of this.tracks) {
      if (t.episode)
        out.push({
          episodeId: t.episode.id,
          type,
          startedAt: new Date(t.episode.startedAt).toISOString(),
          endedAt: new Date(Math.min(nowMs, t.lastSeen || nowMs)).toISOString(),
          confidence: Math.round((100 * t.seen) / Math.max(1, t.framesToLastSeen)),
          opening: false,
        });
      t.since = null;
      t.episode = null;
    }
    return out;
  }
}

/** Microphone level in dBFS from one block of samples (−∞ for silence). */
export function levelDbfs(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += (samples[i] ?? 0) ** 2;
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  return 20 * Math.log10(rms || 1e-12);
}

/** Speaking-level sound: above this for `onsetMs.voice` is a "voice" flag. */
export const VOICE_DBFS = -40;
