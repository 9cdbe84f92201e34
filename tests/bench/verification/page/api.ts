import type { DocumentReading, FaceMatchResult } from '@adal/shared';

/** What the harness page exposes as `window.harness`; run.ts calls it through page.evaluate. */
export interface HarnessApi {
  /** face-api's detector over a whole group photo: where the people are, to cut portraits. */
  findPeople(
    photo: string,
  ): Promise<{ x: number; y: number; width: number; height: number; score: number }[]>;
  loadFaceCheck(): Promise<{ backend: string; loadMs: number }>;
  /** Each picture as an unrelated still frame through the face worker. */
  faceFrames(frames: string[]): Promise<FaceFrameOutcome[]>;
  /** One picture fed to the worker `fps` times a second for `seconds`, tracked like monitoring. */
  monitor(
    frame: string,
    seconds: number,
    fps: number,
  ): Promise<{ frames: number; skipped: number; workerMs: number[] }>;
  /** Each picture as a still: the first face's head pose and eye openness (liveness fixtures). */
  poses(frames: string[]): Promise<FacePose[]>;
  readCard(photo: string, kind: 'id_card' | 'passport'): Promise<{ reading: DocumentReading; ocrMs: number }>;
  match(live: string, onDocument: string): Promise<FaceMatchResult & { ms: number }>;
}

export interface FacePose {
  faces: number;
  yaw: number | null;
  pitch: number | null;
  eyes: number | null;
  /** The first face's eye corners and lids (frame pixels), to paint closed eyes on a fixture. */
  eyePoints: { x: number; y: number }[];
  box: { xMin: number; yMin: number; width: number; height: number } | null;
}

export interface FaceFrameOutcome {
  faces: number;
  brightness: number;
  workerMs: number;
  roundTripMs: number;
}
