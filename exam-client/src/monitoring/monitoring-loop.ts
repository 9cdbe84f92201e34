import { defaultPolicies, type FlagReport, type SittingPolicies } from '@adal/shared';
import {
  DEFAULT_MONITORING,
  EpisodeTracker,
  type FlagReportDraft,
  frameConditions,
  type MonitoringSettings,
} from '@adal/shared/identity';
import { FaceDetectorError } from '../identity/face/face-detector.js';
import type { FaceFrameResult } from '../identity/face/face-protocol.js';
import { descriptorDistance, FACE_MATCH_THRESHOLD } from '../identity/face-match/face-match.js';

export type MonitoringPolicy = Pick<
  SittingPolicies,
  'monitoringFramesPerSecond' | 'lookingAwaySeconds' | 'faceRecheckMinutes'
>;

/** The sitting's policies when the student's app is not told them (the same for every kind). */
const defaults = defaultPolicies('computer_test');
export const DEFAULT_MONITORING_POLICY: MonitoringPolicy = {
  monitoringFramesPerSecond: defaults.monitoringFramesPerSecond,
  lookingAwaySeconds: defaults.lookingAwaySeconds,
  faceRecheckMinutes: defaults.faceRecheckMinutes,
};

/** What the loop needs from the browser, so tests can pass fakes. */
export interface MonitoringPorts {
  /** The current camera frame for the detector, or null when the camera has none yet. */
  grabFrame(): Promise<ImageBitmap | ImageData | null>;
  /** The face worker's answer for one frame (FaceDetector.detect). */
  detect(frame: ImageBitmap | ImageData): Promise<FaceFrameResult>;
  /** The flag's one small picture (base64 JPEG), or null. */
  snapshot(): Promise<string | null>;
  /** The descriptor of the face in the camera's current picture (null: no face found). */
  describeCurrentFace(): Promise<ArrayLike<number> | null>;
  /** The verified face's descriptor (null: nothing to compare with yet). */
  verifiedFace(): Promise<ArrayLike<number> | null>;
  /** A report for the server (FlagSender.add). */
  report(report: FlagReport): void;
  now(): number;
  newId(): string;
}

const CAMERA_FLAGS = ['camera_covered', 'no_face', 'multiple_faces', 'looking_away'] as const;

export function monitoringSettings(policy: MonitoringPolicy): MonitoringSettings {
  return {
    ...DEFAULT_MONITORING,
    onsetMs: { ...DEFAULT_MONITORING.onsetMs, looking_away: policy.lookingAwaySeconds * 1000 },
  };
}

/**
 * Continuous monitoring on the student's device (issue 7): camera frames at the sitting's rate
 * through the face worker, never more than one in flight (a slow laptop skips frames instead of
 * queueing them); the microphone's level; every few minutes the live face against the verified
 * one. Conditions become episodes (EpisodeTracker); an episode's first report carries one
 * snapshot. Reports leave in the order they were made.
 */
export class MonitoringLoop {
  private readonly tracker: EpisodeTracker;
  private readonly settings: MonitoringSettings;
  private frameTimer: ReturnType<typeof setInterval> | undefined;
  private recheckTimer: ReturnType<typeof setInterval> | undefined;
  private frameInFlight = false;
  private recheckInFlight = false;
  private stopped = false;
  private outgoing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ports: MonitoringPorts,
    private readonly policy: MonitoringPolicy = DEFAULT_MONITORING_POLICY,
  ) {
    this.settings = monitoringSettings(policy);
    this.tracker = new EpisodeTracker(ports.newId, this.settings);
  }

  /**
   * Starts the periodic re-match and, once the face worker is loaded, the camera checks (`frames`
   * false: the worker did not load, the re-match and the voice check still run).
   */
  start({ frames = true }: { frames?: boolean } = {}): void {
    if (this.stopped || this.recheckTimer !== undefined) return;
    if (frames)
      this.frameTimer = setInterval(() => void this.frame(), 1000 / this.policy.monitoringFramesPerSecond);
    this.recheckTimer = setInterval(() => void this.recheck(), this.policy.faceRecheckMinutes * 60_000);
  }

  /** One level of the microphone (watchVoice). */
  voice(speaking: boolean): void {
    if (!this.stopped) this.handle(this.tracker.observe('voice', speaking, this.ports.now()));
  }

  /** Ends every open episode; resolves once their reports are handed on. */
  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      clearInterval(this.frameTimer);
      clearInterval(this.recheckTimer);
      this.handle(this.tracker.flush(this.ports.now()));
    }
    return this.outgoing;
  }

  /** Reports sent so far are handed on (tests wait for the snapshot). */
  settled(): Promise<void> {
    return this.outgoing;
  }

  private async frame(): Promise<void> {
    if (this.frameInFlight || this.stopped) return;
    this.frameInFlight = true;
    try {
      const frame = await this.ports.grabFrame();
      if (!frame) return;
      if (this.stopped) {
        if ('close' in frame) frame.close();
        return;
      }
      const result = await this.ports.detect(frame);
      if (this.stopped) return;
      const conditions = frameConditions(result, this.settings);
      const now = this.ports.now();
      for (const flag of CAMERA_FLAGS) this.handle(this.tracker.observe(flag, conditions[flag], now));
    } catch (error) {
      // One bad frame is skipped; a worker that stopped is not coming back (voice goes on).
      if (error instanceof FaceDetectorError && error.code !== 'frame_failed' && error.code !== 'busy') {
        clearInterval(this.frameTimer);
      }
    } finally {
      this.frameInFlight = false;
    }
  }

  /** One re-match is one observation: a different face opens a "face_mismatch" episode at once. */
  private async recheck(): Promise<void> {
    if (this.recheckInFlight || this.stopped) return;
    this.recheckInFlight = true;
    try {
      const verified = await this.ports.verifiedFace();
      if (!verified) return;
      const live = await this.ports.describeCurrentFace();
      // No face now is the camera checks' flag, not a mismatch.
      if (!live || this.stopped) return;
      const different = descriptorDistance(live, verified) > FACE_MATCH_THRESHOLD;
      this.handle(this.tracker.observe('face_mismatch', different, this.ports.now()));
    } catch {
      // The models or the photo did not load: tried again at the next re-match.
    } finally {
      this.recheckInFlight = false;
    }
  }

  private handle(drafts: FlagReportDraft[]): void {
    for (const { opening, ...report } of drafts) {
      this.outgoing = this.outgoing.then(async () => {
        const snapshot = opening ? await this.ports.snapshot().catch(() => null) : null;
        this.ports.report(snapshot ? { ...report, snapshot } : report);
      });
    }
  }
}
