import type { types } from 'mediasoup-client';
import type { MediaSource } from '../../media/sources.js';

/*
 * Default send settings per source (issue 3: ≤ 300 kbit/s upstream per student for what the SFU
 * forwards by default, a screen that stays readable).
 *
 *   webcam  capture 1280×720 @ 15 fps, VP8 simulcast, 3 temporal layers each (L1T3):
 *             r0  320×180  ≤ 100 kbit/s   ← what proctor grids receive (the SFU's default layer)
 *             r1  640×360  ≤ 250 kbit/s
 *             r2 1280×720  ≤ 600 kbit/s   ← only for the selected student
 *   screen  entire screen @ 5 fps, one layer ≤ 150 kbit/s, contentHint "detail" (keeps resolution)
 *   mic     Opus mono, DTX, ≤ 24 kbit/s
 *   phone   rear camera 960×540 @ 10 fps, one layer ≤ 250 kbit/s (a separate device and uplink)
 *
 * Forwarded by default: 100 + 150 + 24 = 274 kbit/s per student. The browser still encodes r1 and
 * r2 while its bandwidth estimate allows, so the student's own uplink carries up to ~1.1 Mbit/s;
 * Chrome drops the top layers first when the uplink is poor.
 */
export const WEBCAM_ENCODINGS: types.RtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 100_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 2, maxBitrate: 250_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 1, maxBitrate: 600_000, scalabilityMode: 'L1T3' },
];
export const SCREEN_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 150_000, maxFramerate: 5 }];
export const PHONE_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 250_000, maxFramerate: 10 }];
export const MICROPHONE_CODEC_OPTIONS: types.ProducerCodecOptions = {
  opusStereo: false,
  opusDtx: true,
  opusFec: true,
  opusMaxAverageBitrate: 24_000,
};

/** The simulcast layer proctor grids receive, and the one the selected student is raised to. */
export const GRID_LAYER = 0;
export const FULL_LAYER = WEBCAM_ENCODINGS.length - 1;

export const WEBCAM_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 15, max: 30 },
};
export const MICROPHONE_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};
export const SCREEN_CONSTRAINTS: MediaTrackConstraints & { displaySurface?: string } = {
  displaySurface: 'monitor',
  frameRate: { ideal: 5, max: 5 },
};
export const PHONE_CONSTRAINTS: MediaTrackConstraints = {
  facingMode: { ideal: 'environment' },
  width: { ideal: 960 },
  height: { ideal: 540 },
  frameRate: { ideal: 10, max: 15 },
};

/** What `transport.produce` gets for a source besides its track. */
export function produceOptions(
  source: MediaSource,
): Pick<types.ProducerOptions, 'encodings' | 'codecOptions'> {
  switch (source) {
    case 'webcam':
      // 300 kbit/s to start: measured against mediasoup 3.8.4, 1000 overshot and Chrome then took
      // ~20 s to add the top layer in half the runs; 300 reached all layers within ~1 s every time.
      return { encodings: WEBCAM_ENCODINGS, codecOptions: { videoGoogleStartBitrate: 300 } };
    case 'screen':
      return { encodings: SCREEN_ENCODINGS };
    case 'phone':
      return { encodings: PHONE_ENCODINGS };
    case 'microphone':
      return { codecOptions: MICROPHONE_CODEC_OPTIONS };
  }
}

/** kbit/s the SFU forwards for one student by default (grid layer + screen + microphone). */
export const DEFAULT_FORWARDED_KBPS =
  ((WEBCAM_ENCODINGS[GRID_LAYER]?.maxBitrate ?? 0) +
    (SCREEN_ENCODINGS[0]?.maxBitrate ?? 0) +
    (MICROPHONE_CODEC_OPTIONS.opusMaxAverageBitrate ?? 0)) /
  1000;
