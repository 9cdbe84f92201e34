import { type FlagReport, FlagReportBody } from '@adal/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticFace } from '../identity/face/face-fixtures.js';
import type { FaceFrameResult } from '../identity/face/face-protocol.js';
import { FlagSender } from './flag-sender.js';
import { MonitoringLoop, type MonitoringPorts } from './monitoring-loop.js';

const frame = (faces: FaceFrameResult['faces'], brightness = 120): FaceFrameResult => ({
  faces,
  brightness,
  width: 640,
  height: 480,
  ms: 20,
});

/** A fake camera and face worker: `scene` is what the next frame shows. */
function fakePorts(scene: { result: FaceFrameResult }) {
  const sent: FlagReport[] = [];
  let ids = 0;
  const ports = {
    grabFrame: vi.fn(async () => ({}) as ImageData),
    detect: vi.fn(async () => scene.result),
    snapshot: vi.fn(async () => 'U05BUA=='),
    describeCurrentFace: vi.fn(async (): Promise<number[] | null> => null),
    verifiedFace: vi.fn(async (): Promise<number[] | null> => null),
    report: (r: FlagReport) => void sent.push(r),
    now: () => Date.now(),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  } satisfies MonitoringPorts;
  return { ports, sent };
}

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00.000Z') }));
afterEach(() => vi.useRealTimers());

describe('monitoring loop', () => {
  it('turns frames into an episode with one snapshot on its opening report', async () => {
    const scene = { result: frame([syntheticFace(), syntheticFace({ cx: 480 })]) };
    const { ports, sent } = fakePorts(scene);
    const loop = new MonitoringLoop(ports);
    loop.start();
    // Two faces for 3 s at two frames a second: past the 1 s onset, reported once so far.
    await vi.advanceTimersByTimeAsync(3_000);
    await loop.settled();
    expect(sent.map((r) => [r.type, r.endedAt])).toEqual([['multiple_faces', null]]);
    expect(sent[0]?.snapshot).toBe('U05BUA==');
    expect(sent[0]?.startedAt).toBe('2026-12-07T10:00:00.500Z');

    // The second person leaves: the episode ends, without another snapshot.
    scene.result = frame([syntheticFace()]);
    await vi.advanceTimersByTimeAsync(3_000);
    await loop.stop();
    expect(sent.map((r) => r.type)).toEqual(['multiple_faces', 'multiple_faces']);
    expect(sent[1]?.endedAt).toBe('2026-12-07T10:00:03.000Z');
    expect(sent[1]?.snapshot).toBeUndefined();
    expect(sent[1]?.episodeId).toBe(sent[0]?.episodeId);
    expect(ports.snapshot).toHaveBeenCalledTimes(1);
  });

  it('hands its reports to the flag sender in the route’s shape', async () => {
    const bodies: unknown[] = [];
    const sender = new FlagSender('flags:s1', async (reports) => void bodies.push({ reports }), null);
    const { ports } = fakePorts({ result: frame([], 5) }); // a covered camera
    const loop = new MonitoringLoop({ ...ports, report: (r) => sender.add(r) });
    loop.start();
    await vi.advanceTimersByTimeAsync(4_000);
    sender.retire();
    await loop.stop();
    await vi.advanceTimersByTimeAsync(0);
    const sent = bodies.flatMap((b) => FlagReportBody.parse(b).reports);
    expect(sent.map((r) => [r.type, r.endedAt === null, Boolean(r.snapshot)])).toEqual([
      ['camera_covered', true, true],
      ['camera_covered', false, false],
    ]);
    expect(sender.pending).toBe(0);
  });

  it('flags looking away only after the sitting’s seconds, and ends open episodes on stop', async () => {
    const { ports, sent } = fakePorts({ result: frame([syntheticFace({ yaw: 60 })]) });
    const loop = new MonitoringLoop(ports, {
      monitoringFramesPerSecond: 2,
      lookingAwaySeconds: 10,
      faceRecheckMinutes: 3,
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(9_000);
    await loop.settled();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    await loop.settled();
    expect(sent.map((r) => [r.type, r.endedAt])).toEqual([['looking_away', null]]);
    await loop.stop();
    expect(sent.map((r) => r.type)).toEqual(['looking_away', 'looking_away']);
    expect(sent[1]?.endedAt).not.toBeNull();
    // Stopped: no more frames.
    const grabbed = ports.grabFrame.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ports.grabFrame.mock.calls.length).toBe(grabbed);
  });

  it('keeps one frame in flight and skips frames while the worker is busy', async () => {
    const { ports } = fakePorts({ result: frame([syntheticFace()]) });
    let answer: ((r: FaceFrameResult) => void) | undefined;
    ports.detect.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const loop = new MonitoringLoop(ports);
    loop.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ports.detect).toHaveBeenCalledTimes(1);
    answer?.(frame([syntheticFace()]));
    await vi.advanceTimersByTimeAsync(500);
    expect(ports.detect).toHaveBeenCalledTimes(2);
    await loop.stop();
  });

  it('re-matches the face every few minutes: one check is one observation', async () => {
    const { ports, sent } = fakePorts({ result: frame([syntheticFace()]) });
    const verified = [1, 0, 0];
    ports.verifiedFace.mockResolvedValue(verified);
    ports.describeCurrentFace.mockResolvedValue([0, 1, 0]); // distance 1.41: someone else
    const loop = new MonitoringLoop(ports, {
      monitoringFramesPerSecond: 2,
      lookingAwaySeconds: 5,
      faceRecheckMinutes: 2,
    });
    // The face worker did not load: no camera frames, the re-match still runs.
    loop.start({ frames: false });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ports.describeCurrentFace).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    await loop.settled();
    expect(sent.map((r) => [r.type, r.endedAt, r.confidence])).toEqual([['face_mismatch', null, 100]]);
    expect(sent[0]?.snapshot).toBe('U05BUA==');

    // The verified student is back at the next check: the episode ends.
    ports.describeCurrentFace.mockResolvedValue([0.95, 0.1, 0]);
    await vi.advanceTimersByTimeAsync(120_000);
    await loop.stop();
    expect(sent.map((r) => r.type)).toEqual(['face_mismatch', 'face_mismatch']);
    expect(sent[1]?.endedAt).toBe('2026-12-07T10:02:00.000Z');
    expect(ports.verifiedFace).toHaveBeenCalledTimes(2);
    expect(ports.grabFrame).not.toHaveBeenCalled();
  });

  it('flags sustained voice from the microphone levels', async () => {
    const { ports, sent } = fakePorts({ result: frame([syntheticFace()]) });
    const loop = new MonitoringLoop(ports);
    for (let i = 0; i < 16; i++) {
      loop.voice(true);
      await vi.advanceTimersByTimeAsync(250);
    }
    await loop.stop();
    expect(sent.map((r) => [r.type, r.endedAt === null])).toEqual([
      ['voice', true],
      ['voice', false],
    ]);
  });
});
