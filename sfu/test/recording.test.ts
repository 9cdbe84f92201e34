import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sfu } from '../src/app.js';
import { CaptureWriter } from '../src/recording/capture-file.js';
import type { SegmentSidecar } from '../src/recording/segment.js';
import {
  eventually,
  ffmpegSimulcastWebcam,
  ffmpegSource,
  frameSizes,
  joinStudent,
  probe,
  sleep,
  startRecordingSfu,
} from './recording-harness.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function finished(sfu: Sfu, sittingId: string, count: number) {
  return eventually(async () => {
    const list = await sfu.recordings.listRecordings(sittingId);
    return list.length === count && list.every((r) => r.status === 'complete') && list;
  });
}

describe('recording students from the SFU', () => {
  let sfu: Sfu;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'adal-rec-'));
    sfu = await startRecordingSfu({ dir });
  });
  afterAll(async () => {
    await sfu?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('records webcam+microphone and screen in segments with sidecars; the webcam exports to a WebM with both', async () => {
    const sittingId = randomUUID();
    const { room, peer } = await joinStudent(sfu, sittingId);
    const before = Date.now();
    const sources = await Promise.all([
      ffmpegSource(room, peer, 'webcam', 1111),
      ffmpegSource(room, peer, 'microphone', 2222),
      ffmpegSource(room, peer, 'screen', 3333),
    ]);
    await sleep(4000);
    // A segment being recorded is listed as such, and no retention sweep touches it.
    const live = await sfu.recordings.listRecordings(sittingId);
    expect(live.map((r) => r.status)).toEqual(['recording', 'recording', 'recording']);
    expect(await sfu.recordings.deleteOlderThan(0)).toEqual([]);
    await Promise.all(sources.map((s) => s.stop()));
    const after = Date.now();

    const list = await finished(sfu, sittingId, 3);
    const [cam, mic, screen] = (['webcam', 'microphone', 'screen'] as const).map((source) => {
      const found = list.find((r) => r.source === source);
      if (!found) throw new Error(`no ${source} segment`);
      return found;
    }) as [
      SegmentSidecar & { combinedWith: string[] },
      SegmentSidecar,
      SegmentSidecar & { combinedWith: string[] },
    ];
    expect(cam).toMatchObject({
      sittingId,
      studentId: peer.grant.studentId,
      kind: 'video',
      codec: 'video/VP8',
    });
    expect(mic).toMatchObject({ kind: 'audio', codec: 'audio/opus', endReason: 'producer_closed' });
    expect(cam.combinedWith).toEqual([mic.id]);
    expect(screen.combinedWith).toEqual([]);

    // Wall clock: the first packet arrived shortly after the sources started, the last before they stopped.
    const start = Date.parse(cam.start);
    expect(cam.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(start).toBeGreaterThanOrEqual(before);
    expect(start).toBeLessThan(before + 2500);
    expect(Date.parse(cam.end ?? '')).toBeGreaterThan(start + 2000);
    expect(Date.parse(cam.end ?? '')).toBeLessThanOrEqual(after);
    expect(cam.packets).toBeGreaterThan(30);

    for (const segment of [cam, mic, screen]) {
      const capture = await readFile(join(dir, sittingId, segment.file));
      expect(capture.length).toBe(segment.bytes);
      expect(sha256(capture)).toBe(segment.sha256);
      const onDisk = JSON.parse(
        await readFile(join(dir, sittingId, segment.file.replace(/rtp$/, 'json')), 'utf8'),
      );
      expect(onDisk.sha256).toBe(segment.sha256);
    }

    const webm = await sfu.recordings.exportRecording(cam.id);
    const probed = await probe(webm);
    const video = probed.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'vp8', width: 320, height: 240 });
    expect(Number(video?.nb_read_frames)).toBeGreaterThan(20);
    const audio = probed.streams.find((s) => s.codec_type === 'audio');
    expect(audio?.codec_name).toBe('opus');
    expect(Number(audio?.nb_read_frames)).toBeGreaterThan(100);
    expect(probed.duration).toBeGreaterThan(2);
    // The WebM says when its first frame was captured, on the same clock as the sidecar.
    expect(Math.abs(Date.parse(probed.tags.creation_time ?? '') - start)).toBeLessThan(1500);

    const screenProbe = await probe(await sfu.recordings.exportRecording(screen.id));
    expect(screenProbe.streams.map((s) => s.codec_name)).toEqual(['vp8']);
    expect(Number(screenProbe.streams[0]?.nb_read_frames)).toBeGreaterThan(20);

    // Cached: a second export reuses the file.
    const { mtimeMs } = await stat(webm);
    expect(await sfu.recordings.exportRecording(cam.id)).toBe(webm);
    expect((await stat(webm)).mtimeMs).toBe(mtimeMs);
  });

  it('records the exam tab like the screen: a video segment of its own that exports alone', async () => {
    const sittingId = randomUUID();
    const { room, peer } = await joinStudent(sfu, sittingId);
    const tab = await ffmpegSource(room, peer, 'tab', 4444);
    await sleep(3000);
    await tab.stop();
    const [segment] = await finished(sfu, sittingId, 1);
    expect(segment).toMatchObject({ source: 'tab', kind: 'video', codec: 'video/VP8', combinedWith: [] });
    expect(segment?.id).toContain(`.${peer.grant.studentId}.tab.`);
    const probed = await probe(await sfu.recordings.exportRecording(segment?.id ?? ''));
    expect(probed.streams.map((s) => s.codec_name)).toEqual(['vp8']);
    expect(Number(probed.streams[0]?.nb_read_frames)).toBeGreaterThan(15);
  });

  it('records the highest layer of a simulcast webcam', async () => {
    const sittingId = randomUUID();
    const { room, peer } = await joinStudent(sfu, sittingId);
    const webcam = await ffmpegSimulcastWebcam(room, peer, 5000);
    await sleep(4000);
    await webcam.stop();
    const [segment] = await finished(sfu, sittingId, 1);
    const webm = await sfu.recordings.exportRecording(segment?.id ?? '');
    const probed = await probe(webm);
    expect(probed.streams[0]).toMatchObject({ codec_name: 'vp8', width: 640, height: 480 });
    // The consumer starts on the first layer with a key frame and moves to the top one.
    const sizes = await frameSizes(webm);
    expect(sizes.length).toBeGreaterThan(30);
    expect(sizes.at(-1)).toBe('640x480');
    expect(sizes.filter((s) => s === '640x480').length).toBeGreaterThan(sizes.length / 2);
  });

  it('refuses ids that are not recordings', async () => {
    await expect(sfu.recordings.exportRecording('../../etc/passwd')).rejects.toMatchObject({
      code: 'invalid_id',
    });
    const unknown = `${randomUUID()}.${randomUUID()}.webcam.20260101T000000000Z.abcdef`;
    await expect(sfu.recordings.exportRecording(unknown)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('retention deletes only segments that ended before the cutoff, and reports them', async () => {
    const sittingId = randomUUID();
    const studentId = randomUUID();
    const day = 24 * 60 * 60 * 1000;
    const old = await fixtureSegment(dir, sittingId, studentId, 'webcam', Date.now() - 40 * day);
    const oldMic = await fixtureSegment(dir, sittingId, studentId, 'microphone', Date.now() - 31 * day);
    const recent = await fixtureSegment(dir, sittingId, studentId, 'screen', Date.now() - 29 * day);
    await writeFile(join(dir, sittingId, old.file.replace(/rtp$/, 'webm')), 'cached export');

    const deleted = await sfu.recordings.deleteOlderThan(30);
    expect(deleted.map((d) => d.id).sort()).toEqual([old.id, oldMic.id].sort());
    expect(deleted.find((d) => d.id === old.id)).toEqual({
      id: old.id,
      sittingId,
      studentId,
      source: 'webcam',
      start: old.start,
      end: old.end,
      bytes: old.bytes,
      sha256: old.sha256,
    });
    expect((await readdir(join(dir, sittingId))).sort()).toEqual(
      [recent.file, recent.file.replace(/rtp$/, 'json')].sort(),
    );
    expect((await sfu.recordings.listRecordings(sittingId)).map((r) => r.id)).toEqual([recent.id]);

    expect((await sfu.recordings.deleteSittingRecordings(sittingId)).map((d) => d.id)).toEqual([recent.id]);
    expect(existsSync(join(dir, sittingId))).toBe(false);
  });
});

/** A finished segment on disk, as the recorder leaves one (a real capture file and its sidecar). */
async function fixtureSegment(
  dir: string,
  sittingId: string,
  studentId: string,
  source: SegmentSidecar['source'],
  startMs: number,
): Promise<SegmentSidecar> {
  await mkdir(join(dir, sittingId), { recursive: true });
  const stem = `${studentId}.${source}.${new Date(startMs).toISOString().replace(/[-:.]/g, '')}.${randomUUID().slice(0, 6)}`;
  const writer = new CaptureWriter(join(dir, sittingId, `${stem}.rtp`));
  writer.append(Buffer.alloc(20, 0x80), startMs);
  const summary = await writer.close();
  const sidecar: SegmentSidecar = {
    id: `${sittingId}.${stem}`,
    sittingId,
    studentId,
    source,
    kind: source === 'microphone' ? 'audio' : 'video',
    codec: source === 'microphone' ? 'audio/opus' : 'video/VP8',
    producerId: randomUUID(),
    file: `${stem}.rtp`,
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + 600_000).toISOString(),
    ...summary,
    status: 'complete',
    endReason: 'rotated',
  };
  await writeFile(join(dir, sittingId, `${stem}.json`), JSON.stringify(sidecar));
  return sidecar;
}

describe('segments', () => {
  let sfu: Sfu;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'adal-rec-'));
    sfu = await startRecordingSfu({ dir, segmentMinutes: 0.05 });
  });
  afterAll(async () => {
    await sfu?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('rotate every few seconds; each starts on a key frame and exports on its own', async () => {
    const sittingId = randomUUID();
    const { room, peer } = await joinStudent(sfu, sittingId);
    const webcam = await ffmpegSource(room, peer, 'webcam', 7777);
    await sleep(8000);
    await webcam.stop();
    const list = await eventually(async () => {
      const l = await sfu.recordings.listRecordings(sittingId);
      return l.length >= 2 && l.every((r) => r.status === 'complete') && l;
    });
    expect(list.slice(0, -1).every((s) => s.endReason === 'rotated')).toBe(true);
    expect(list.at(-1)?.endReason).toBe('producer_closed');
    for (const [i, segment] of list.entries()) {
      const next = list[i + 1];
      if (next) expect(Date.parse(next.start)).toBeGreaterThanOrEqual(Date.parse(segment.end ?? ''));
      const probed = await probe(await sfu.recordings.exportRecording(segment.id));
      // A segment that did not start on a key frame would lose its first frames (or all of them).
      const frames = Number(probed.streams[0]?.nb_read_frames);
      const seconds = (Date.parse(segment.end ?? '') - Date.parse(segment.start)) / 1000;
      expect(frames).toBeGreaterThanOrEqual(Math.floor(seconds * 15 * 0.8));
    }
  });
});

describe('start-up', () => {
  it('fails with a clear message when recording is on and ffmpeg is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'adal-rec-'));
    await expect(startRecordingSfu({ dir, ffmpeg: '/nonexistent/ffmpeg' })).rejects.toMatchObject({
      name: 'RecordingError',
      code: 'ffmpeg_missing',
      message: expect.stringMatching(/SFU_FFMPEG.*apt-get install -y ffmpeg.*SFU_RECORDING=off/s),
    });
    await rm(dir, { recursive: true, force: true });
  });

  it('closes the segments a stopped SFU left open: end from the last packet, SHA-256 of the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'adal-rec-'));
    const sittingId = randomUUID();
    const studentId = randomUUID();
    const startMs = Date.now() - 3_600_000;
    const left = await fixtureSegment(dir, sittingId, studentId, 'webcam', startMs);
    const capture = join(dir, sittingId, left.file);
    const data = await readFile(capture);
    // Half a record at the end: the process died mid-write.
    await writeFile(capture, Buffer.concat([data, Buffer.from([0, 40, 1, 2])]));
    await writeFile(
      join(dir, sittingId, left.file.replace(/rtp$/, 'json')),
      JSON.stringify({
        ...left,
        end: null,
        sha256: null,
        packets: 0,
        bytes: 0,
        status: 'recording',
        endReason: null,
      }),
    );
    await utimes(capture, new Date(startMs), new Date(startMs));

    const sfu = await startRecordingSfu({ dir, recording: 'off' });
    try {
      const [recovered] = await sfu.recordings.listRecordings(sittingId);
      expect(recovered).toMatchObject({
        id: left.id,
        status: 'recovered',
        endReason: 'crashed',
        start: left.start,
        end: new Date(startMs).toISOString(),
        packets: 1,
        bytes: data.length + 4,
        sha256: sha256(await readFile(capture)),
      });
    } finally {
      await sfu.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('recording off', () => {
  it('records nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'adal-rec-'));
    const sfu = await startRecordingSfu({ dir, recording: 'off' });
    try {
      const sittingId = randomUUID();
      const { room, peer } = await joinStudent(sfu, sittingId);
      const webcam = await ffmpegSource(room, peer, 'webcam', 8888);
      await eventually(async () => (await webcam.producer.getStats()).some((s) => (s.packetCount ?? 0) > 20));
      await webcam.stop();
      await sleep(300);
      expect(await readdir(dir)).toEqual([]);
      expect(await sfu.recordings.listRecordings(sittingId)).toEqual([]);
    } finally {
      await sfu.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
