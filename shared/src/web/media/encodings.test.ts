import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FORWARDED_KBPS,
  FULL_LAYER,
  GRID_LAYER,
  produceOptions,
  SCREEN_ENCODINGS,
  TAB_ENCODINGS,
  tabCaptureConstraints,
  WEBCAM_ENCODINGS,
} from './encodings.js';

describe('default encodings', () => {
  it('forward at most 300 kbit/s per student by default (grid layer, screen, microphone)', () => {
    expect(DEFAULT_FORWARDED_KBPS).toBeLessThanOrEqual(300);
  });

  it('send the webcam in three simulcast layers, lowest first, from 320×180 to 1280×720', () => {
    expect(WEBCAM_ENCODINGS.map((e) => 1280 / (e.scaleResolutionDownBy ?? 1))).toEqual([320, 640, 1280]);
    const bitrates = WEBCAM_ENCODINGS.map((e) => e.maxBitrate ?? 0);
    expect(bitrates).toEqual([...bitrates].sort((a, b) => a - b));
    expect([GRID_LAYER, FULL_LAYER]).toEqual([0, 2]);
  });

  it('send the screen at 5 fps within 150 kbit/s', () => {
    expect(SCREEN_ENCODINGS).toEqual([{ maxBitrate: 150_000, maxFramerate: 5 }]);
  });

  it('start the webcam on the grid layer only: the SFU asks for the others when a watcher wants them', () => {
    const encodings = produceOptions('webcam').encodings ?? [];
    expect(encodings.map((e) => e.active)).toEqual([true, false, false]);
    expect(encodings.map(({ active: _, ...e }) => e)).toEqual(WEBCAM_ENCODINGS);
    // A fresh copy each time: mediasoup-client writes rid and scalabilityMode into what it gets.
    expect(produceOptions('webcam').encodings?.[0]).not.toBe(encodings[0]);
  });

  it('give every source its options', () => {
    expect(produceOptions('microphone').codecOptions?.opusDtx).toBe(true);
    expect(produceOptions('phone').encodings).toHaveLength(1);
    expect(produceOptions('tab').encodings).toBe(TAB_ENCODINGS);
  });

  it('send the exam tab like the screen: one layer at 5 fps within 150 kbit/s, never simulcast', () => {
    expect(TAB_ENCODINGS).toEqual([{ maxBitrate: 150_000, maxFramerate: 5 }]);
    expect(produceOptions('tab').codecOptions).toBeUndefined();
  });

  it('ask Chrome for the extension’s tab capture by its stream id, video only, at most 1080p 15 fps', () => {
    expect(tabCaptureConstraints('stream-42')).toEqual({
      audio: false,
      video: {
        mandatory: {
          chromeMediaSource: 'tab',
          chromeMediaSourceId: 'stream-42',
          maxWidth: 1920,
          maxHeight: 1080,
          maxFrameRate: 15,
        },
      },
    });
  });
});
