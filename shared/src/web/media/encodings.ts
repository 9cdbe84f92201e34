import type { types } from 'mediasoup-client';
import type { MediaSource } from '../../media/sources.js';

/*
 * Default send settings per source (issue 3: ≤ 300 kbit/s upstream per student by default, a
 * screen that stays readable).
 *
 *   webcam  capture 1280×720 @ 15 fps, VP8 simulcast, 3 temporal layers each (L1T3):
 *             r0  320×180  ≤ 100 kbit/s   ← proctor grids; the only layer sent by default
 *             r1  640×360  ≤ 250 kbit/s   ← sent only while a watcher wants it
 *             r2 1280×720  ≤ 600 kbit/s   ← sent only while a proctor has this student selected
 *   screen  entire screen @ 5 fps, one layer ≤ 150 kbit/s, contentHint "detail" (keeps resolution)
 *   mic     Opus mono, DTX, ≤ 24 kbit/s
 *   phone   rear camera 960×540 @ 10 fps, one layer ≤ 250 kbit/s (a separate device and uplink)
 *   tab     the exam tab (extension's tab capture, ≤ 1920×1080) @ 5 fps, one layer ≤ 150 kbit/s,
 *           contentHint "detail": like the screen; optional, sent only once the student starts it
 *
 * Upstream follows demand: a webcam producer starts with r1 and r2 inactive (not encoded, not
 * sent); the SFU tracks the highest layer any watcher's consumer wants and tells the student
 * (`media:producerLayersWanted`, raised at once, lowered ~5 s after the demand goes), and the
 * Publisher turns layers on and off with producer.setMaxSpatialLayer. So by default the uplink
 * carries 100 + 150 + 24 = 274 kbit/s at most (+ 150 with the exam tab) (measured 205–240 in steady state; BENCHMARKS.md
 * "Browser upstream per student"); a student sends ≈ 1.05 Mbit/s only while selected.
 * Recording does not raise the layer: it records the best layer the student sends.
 * Screen: a static 1920×1080 page of text keeps its resolution and is readable at the proctor
 * from the first second, crisp after ~6 s (tests/e2e/live-media-screen.e2e.ts; moving text and
 * HiDPI screens not measured).
 */
export const WEBCAM_ENCODINGS: types.RtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 100_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 2, maxBitrate: 250_000, scalabilityMode: 'L1T3' },
  { scaleResolutionDownBy: 1, maxBitrate: 600_000, scalabilityMode: 'L1T3' },
];
export const SCREEN_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 150_000, maxFramerate: 5 }];
export const PHONE_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 250_000, maxFramerate: 10 }];
export const TAB_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 150_000, maxFramerate: 5 }];
export const MICROPHONE_CODEC_OPTIONS: types.ProducerCodecOptions = {
  opusStereo: false,
  opusDtx: true,
  opusFec: true,
  opusMaxAverageBitrate: 24_000,
};

/** The simulcast layer proctor grids receive, and the one the selected student is raised to. */
export const GRID_LAYER = 0;
export const FULL_LAYER = WEBCAM_ENCODINGS.length - 1;

/** A new webcam producer encodes the grid layer only, until the SFU says a watcher wants more. */
export const webcamStartEncodings = (): types.RtpEncodingParameters[] =>
  WEBCAM_ENCODINGS.map((encoding, layer) => ({ ...encoding, active: layer <= GRID_LAYER }));

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
/**
 * Chrome's legacy getUserMedia form for a tab capture stream id (chrome.tabCapture.getMediaStreamId):
 * the only way a page receives the tab the extension captured. Not in TypeScript's DOM types.
 */
export interface TabCaptureConstraints {
  audio: false;
  video: {
    mandatory: {
      chromeMediaSource: 'tab';
      chromeMediaSourceId: string;
      maxWidth: number;
      maxHeight: number;
      maxFrameRate: number;
    };
  };
}
export const tabCaptureConstraints = (streamId: string): TabCaptureConstraints => ({
  audio: false,
  video: {
    mandatory: {
      chromeMediaSource: 'tab',
      chromeMediaSourceId: streamId,
      maxWidth: 1920,
      maxHeight: 1080,
      maxFrameRate: 15,
    },
  },
});
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
      return { encodings: webcamStartEncodings(), codecOptions: { videoGoogleStartBitrate: 300 } };
    case 'screen':
      return { encodings: SCREEN_ENCODINGS };
    case 'phone':
      return { encodings: PHONE_ENCODINGS };
    case 'tab':
      return { encodings: TAB_ENCODINGS };
    case 'microphone':
      return { codecOptions: MICROPHONE_CODEC_OPTIONS };
  }
}

/**
 * kbit/s one student sends (and the SFU forwards) by default: grid layer + screen + microphone. The
 * exam tab is not counted: it is optional and started by the student.
 */
export const DEFAULT_FORWARDED_KBPS =
  ((WEBCAM_ENCODINGS[GRID_LAYER]?.maxBitrate ?? 0) +
    (SCREEN_ENCODINGS[0]?.maxBitrate ?? 0) +
    (MICROPHONE_CODEC_OPTIONS.opusMaxAverageBitrate ?? 0)) /
  1000;
