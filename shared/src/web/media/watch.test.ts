import { describe, expect, it, vi } from 'vitest';
import { desiredConsumerState, feedRetryDelayMs, Watcher } from './watch.js';

describe('desired consumer state', () => {
  it('is paused when nobody has the feed on screen', () => {
    expect(desiredConsumerState([])).toEqual({ paused: true, spatialLayer: 0 });
    expect(desiredConsumerState([{ visible: false, spatialLayer: 2 }])).toEqual({
      paused: true,
      spatialLayer: 0,
    });
  });

  it('takes the highest layer any visible viewer asks for', () => {
    expect(
      desiredConsumerState([
        { visible: true, spatialLayer: 0 },
        { visible: true, spatialLayer: 2 },
        { visible: false, spatialLayer: 1 },
      ]),
    ).toEqual({ paused: false, spatialLayer: 2 });
  });
});

describe('a watcher whose consume fails', () => {
  it('tries the feed again until the track arrives', async () => {
    vi.useFakeTimers();
    try {
      const track = { id: 'webcam-track' } as unknown as MediaStreamTrack;
      let consumeCalls = 0;
      const session = {
        epoch: 1,
        device: { recvRtpCapabilities: {} },
        transport: {
          id: 't1',
          consume: async () => ({
            id: 'c1',
            producerId: 'p1',
            kind: 'video',
            track,
            closed: false,
            close() {},
          }),
        },
        request: async (event: string) => {
          if (event === 'media:listProducers')
            return [{ producerId: 'p1', studentId: 's1', source: 'webcam', kind: 'video', score: 10 }];
          if (event === 'media:consume') {
            consumeCalls += 1;
            if (consumeCalls < 3) throw new Error('request timed out');
            return { consumerId: 'c1', producerId: 'p1', kind: 'video', rtpParameters: {} };
          }
          return {};
        },
      };
      const connection = {
        current: session,
        on: () => () => {},
        onEvent: () => () => {},
      };
      const watcher = new Watcher(connection as never);
      const tracks: (MediaStreamTrack | null)[] = [];
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      await vi.advanceTimersByTimeAsync(0); // the producer list has arrived
      watcher.subscribe('s1', 'webcam', { visible: true, spatialLayer: 0 }, (t) => tracks.push(t));
      await vi.advanceTimersByTimeAsync(0);
      expect(consumeCalls).toBe(1);
      expect(tracks.at(-1)).toBeNull();
      await vi.advanceTimersByTimeAsync(feedRetryDelayMs(1) + feedRetryDelayMs(2));
      expect(consumeCalls).toBe(3);
      expect(tracks.at(-1)).toBe(track);
      // Working now: no further attempts.
      await vi.advanceTimersByTimeAsync(20_000);
      expect(consumeCalls).toBe(3);
      watcher.close();
      warn.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops trying once nobody watches the feed', async () => {
    vi.useFakeTimers();
    try {
      let consumeCalls = 0;
      const session = {
        epoch: 1,
        device: { recvRtpCapabilities: {} },
        transport: { id: 't1', consume: async () => ({}) },
        request: async (event: string) => {
          if (event === 'media:listProducers')
            return [{ producerId: 'p1', studentId: 's1', source: 'screen', kind: 'video', score: 10 }];
          if (event === 'media:consume') consumeCalls += 1;
          throw new Error('request timed out');
        },
      };
      const connection = { current: session, on: () => () => {}, onEvent: () => () => {} };
      const watcher = new Watcher(connection as never);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      await vi.advanceTimersByTimeAsync(0);
      const sub = watcher.subscribe('s1', 'screen', { visible: true, spatialLayer: 0 }, () => {});
      await vi.advanceTimersByTimeAsync(0);
      expect(consumeCalls).toBe(1);
      sub.close();
      await vi.advanceTimersByTimeAsync(30_000);
      expect(consumeCalls).toBe(1);
      watcher.close();
      warn.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('retry delays', () => {
  it('double up to eight seconds', () => {
    expect([1, 2, 3, 4, 5, 9].map(feedRetryDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });
});
