import { describe, expect, it, vi } from 'vitest';
import { type TabPublisher, tabSharer } from './tab-share.js';
import { FakeTrack } from './testing.js';

function fakePublisher() {
  const published: [string, MediaStreamTrack][] = [];
  const stopped: string[] = [];
  const publisher: TabPublisher = {
    publish: (source, track) => void published.push([source, track]),
    stop: (source) => void stopped.push(source),
  };
  return { publisher, published, stopped };
}

describe('tabSharer', () => {
  it("captures the exam tab from the stream id and publishes it as 'tab'", async () => {
    const track = new FakeTrack();
    const capture = vi.fn(async () => track.asTrack);
    const { publisher, published, stopped } = fakePublisher();
    const sharer = tabSharer(capture, () => publisher);
    await expect(sharer.shareTab('stream-42')).resolves.toBe(track.asTrack);
    expect(capture).toHaveBeenCalledWith('stream-42');
    expect(published).toEqual([['tab', track.asTrack]]);
    sharer.unshareTab();
    expect(stopped).toEqual(['tab']);
  });

  it('stops the captured track when there is no publisher yet', async () => {
    const track = new FakeTrack();
    const sharer = tabSharer(
      async () => track.asTrack,
      () => null,
    );
    await expect(sharer.shareTab('stream-42')).rejects.toThrow('not ready');
    expect(track.readyState).toBe('ended');
    expect(() => sharer.unshareTab()).not.toThrow();
  });

  it('passes on a failed capture', async () => {
    const { publisher, published } = fakePublisher();
    const sharer = tabSharer(
      async () => {
        throw new DOMException('Permission denied', 'NotAllowedError');
      },
      () => publisher,
    );
    await expect(sharer.shareTab('stale')).rejects.toThrow('Permission denied');
    expect(published).toEqual([]);
  });
});
