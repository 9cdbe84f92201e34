import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureExamTab } from './capture.js';
import { MediaError } from './media-error.js';

/** A stand-in for a captured track: only what captureExamTab touches. */
const fakeTrack = (kind: 'audio' | 'video') => ({ kind, contentHint: '', stop: vi.fn() });

function stubGetUserMedia(tracks: ReturnType<typeof fakeTrack>[]) {
  const getUserMedia = vi.fn(async (_constraints: unknown) => ({
    getTracks: () => tracks,
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
  }));
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  return getUserMedia;
}

describe('capturing the exam tab', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens the extension’s tab capture by its stream id and keeps text sharp', async () => {
    const video = fakeTrack('video');
    const getUserMedia = stubGetUserMedia([video]);
    const track = await captureExamTab('stream-7');
    expect(track).toBe(video);
    expect(track.contentHint).toBe('detail');
    expect(getUserMedia).toHaveBeenCalledWith({
      audio: false,
      video: {
        mandatory: {
          chromeMediaSource: 'tab',
          chromeMediaSourceId: 'stream-7',
          maxWidth: 1920,
          maxHeight: 1080,
          maxFrameRate: 15,
        },
      },
    });
  });

  it('refuses a stream without video and stops what it got', async () => {
    const audio = fakeTrack('audio');
    stubGetUserMedia([audio]);
    const refused = captureExamTab('stream-7');
    await expect(refused).rejects.toBeInstanceOf(MediaError);
    await expect(refused).rejects.toMatchObject({ code: 'no_device' });
    expect(audio.stop).toHaveBeenCalled();
  });
});
