import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, pathFor, type SittingRecording } from '@adal/shared';
import { signServiceToken } from '@adal/shared/media-token';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSfu, type Sfu } from '../../sfu/src/app.js';
import { loadSfuConfig } from '../../sfu/src/config.js';
import { eventually, ffmpegSource, joinStudent, probe, sleep } from '../../sfu/test/recording-harness.js';
import { runRetentionSweep } from '../src/media/recordings/retention-sweep.js';
import { sittingOf, userId } from './fixtures.js';
import { TestClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';

const SECRET = 'server-and-sfu-share-this-secret-for-recordings';

/** Records a few seconds of a seeded student's webcam, microphone and screen on the real SFU. */
async function recordStudent(sfu: Sfu, sittingId: string, studentId: string, ssrcBase: number) {
  const { room, peer } = await joinStudent(sfu, sittingId, studentId);
  const sources = await Promise.all([
    ffmpegSource(room, peer, 'webcam', ssrcBase + 1),
    ffmpegSource(room, peer, 'microphone', ssrcBase + 2),
    ffmpegSource(room, peer, 'screen', ssrcBase + 3),
  ]);
  await sleep(3000);
  await Promise.all(sources.map((s) => s.stop()));
  await eventually(async () => {
    const list = await sfu.recordings.listRecordings(sittingId);
    return list.filter((r) => r.studentId === studentId && r.status === 'complete').length === 3;
  });
}

/** Proctors, commissions and admins list and download recordings of their own sittings only. */
describe('recordings through the server', () => {
  let t: TestApp;
  let sfu: Sfu;
  let dir: string;
  let sfuUrl: string;
  const download = (client: TestClient, sittingId: string, recordingId: string) =>
    fetch(t.baseUrl + pathFor(http.downloadRecording.path, { sittingId, recordingId }), {
      headers: client.cookie ? { cookie: client.cookie } : {},
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'adal-server-rec-'));
    sfu = await createSfu(
      loadSfuConfig({
        SFU_PORT: '0',
        SFU_WORKERS: '1',
        SFU_RTC_MIN_PORT: '44100',
        SFU_RTC_MAX_PORT: '44199',
        MEDIA_TOKEN_SECRET: SECRET,
        SFU_RECORDING: 'on',
        SFU_RECORDINGS_DIR: dir,
      }),
      pino({ level: 'silent' }),
    );
    sfuUrl = `http://127.0.0.1:${await sfu.listen()}`;
    t = await startTestApp({
      env: {
        MEDIA_TOKEN_SECRET: SECRET,
        SFU_MODE: 'external',
        SFU_PUBLIC_URL: sfuUrl,
        RECORDING_RETENTION_DAYS: '2',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await sfu?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists a sitting’s segments with student names, streams a WebM with video and sound, and audits the download', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const studentId = await userId(t.database.db, 'student05');
    await recordStudent(sfu, sittingId, studentId, 510_000);

    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const listed = await proctor.call('listRecordings', { params: { sittingId } });
    expect(listed.status).toBe(200);
    expect(listed.body.unreachableNodes).toBe(0);
    const recordings = listed.body.recordings as SittingRecording[];
    expect(recordings.map((r) => r.source).sort()).toEqual(['microphone', 'screen', 'webcam']);
    const webcam = recordings.find((r) => r.source === 'webcam') as SittingRecording;
    const microphone = recordings.find((r) => r.source === 'microphone') as SittingRecording;
    expect(webcam).toMatchObject({
      studentId,
      status: 'complete',
      kind: 'video',
      combinedWith: [microphone.id],
    });
    expect(webcam.studentName).toMatch(/\S+ \S+/);
    expect(Date.parse(webcam.end as string)).toBeGreaterThan(Date.parse(webcam.start));

    const res = await download(proctor, sittingId, webcam.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/webm');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=.*webcam.*\.webm/);
    const file = Buffer.from(await res.arrayBuffer());
    expect(file.subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML: a Matroska/WebM file
    const path = join(dir, 'downloaded.webm');
    await writeFile(path, file);
    const probed = await probe(path);
    expect(probed.streams.map((s) => s.codec_name).sort()).toEqual(['opus', 'vp8']);
    expect(Number(probed.streams.find((s) => s.codec_type === 'video')?.nb_read_frames)).toBeGreaterThan(10);

    const audit = await (await new TestClient(t.baseUrl).login('admin')).call('auditLog', {
      query: '?limit=5',
    });
    expect(audit.body).toContainEqual(
      expect.objectContaining({
        action: 'recording.downloaded',
        subject: sittingId,
        details: { recordingId: webcam.id, studentId, source: 'webcam' },
      }),
    );
  });

  it('refuses other proctors, students and recordings of another sitting; the SFU refuses calls without a service token', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const recordings = (
      await (
        await new TestClient(t.baseUrl).login('proctor1')
      ).call('listRecordings', {
        params: { sittingId },
      })
    ).body.recordings as SittingRecording[];
    const id = (recordings[0] as SittingRecording).id;
    // proctor2 is not assigned to the computer test; students never see recordings.
    for (const login of ['proctor2', 'student05']) {
      const client = await new TestClient(t.baseUrl).login(login);
      expect((await client.call('listRecordings', { params: { sittingId } })).status).toBe(403);
      expect((await download(client, sittingId, id)).status).toBe(403);
    }
    // A sitting proctor2 does watch, with a recording id of the computer test: not found, not leaked.
    const proctor2 = await new TestClient(t.baseUrl).login('proctor2');
    const written = sittingOf(t.seed, 'written');
    const crossed = await download(proctor2, written, id);
    expect(crossed.status).toBe(404);
    expect(
      (await proctor2.call('listRecordings', { params: { sittingId: written } })).body.recordings,
    ).toEqual([]);
    const bad = await proctor2.call('listRecordings', { params: { sittingId: 'nope' } });
    expect(bad.status).toBe(400);
    expect((await download(proctor2, written, 'not-a-recording')).status).toBe(400);

    const listPath = `${sfuUrl}/internal/sittings/${sittingId}/recordings`;
    expect((await fetch(listPath)).status).toBe(401);
    // A token the SFU minted for the server's API is not good for the SFU's own.
    const wrongAudience = await signServiceToken('sfu', SECRET);
    expect((await fetch(listPath, { headers: { authorization: `Bearer ${wrongAudience}` } })).status).toBe(
      401,
    );
    const right = await signServiceToken('server', SECRET, 60, 'sfu');
    expect((await fetch(listPath, { headers: { authorization: `Bearer ${right}` } })).status).toBe(200);
  });

  it('lets only an admin delete a sitting’s recordings; what went is in the audit log with its SHA-256', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    expect((await proctor.call('deleteRecordings', { params: { sittingId } })).status).toBe(403);
    const before = (await proctor.call('listRecordings', { params: { sittingId } })).body
      .recordings as SittingRecording[];
    expect(before.length).toBe(3);

    const admin = await new TestClient(t.baseUrl).login('admin');
    const deleted = await admin.call('deleteRecordings', { params: { sittingId } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: 3, unreachableNodes: 0 });
    expect(deleted.body.bytes).toBe(before.reduce((sum, r) => sum + r.bytes, 0));
    expect((await proctor.call('listRecordings', { params: { sittingId } })).body.recordings).toEqual([]);

    const audit = (await admin.call('auditLog', { query: '?limit=5' })).body as {
      action: string;
      actorId: string | null;
      details: { reason: string; segments: { id: string; sha256: string }[] };
    }[];
    const entry = audit.find((a) => a.action === 'recordings.deleted');
    expect(entry?.actorId).toBe(await userId(t.database.db, 'admin'));
    expect(entry?.details.reason).toBe('manual');
    expect(entry?.details.segments.map((s) => s.id).sort()).toEqual(before.map((r) => r.id).sort());
    for (const s of entry?.details.segments ?? []) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the retention sweep deletes recordings older than RECORDING_RETENTION_DAYS on the SFU and audits them', async () => {
    const sittingId = sittingOf(t.seed, 'oral');
    const studentId = await userId(t.database.db, 'student07');
    await recordStudent(sfu, sittingId, studentId, 710_000);
    const segments = await sfu.recordings.listRecordings(sittingId);
    // Age the screen segment by three days (the sidecar's times are what retention reads).
    const screen = segments.find((s) => s.source === 'screen');
    if (!screen) throw new Error('no screen segment');
    const sidecarFile = join(dir, sittingId, screen.file.replace(/\.rtp$/, '.json'));
    const sidecar = JSON.parse(await readFile(sidecarFile, 'utf8'));
    const threeDays = 3 * 24 * 3600_000;
    sidecar.start = new Date(Date.parse(sidecar.start) - threeDays).toISOString();
    sidecar.end = new Date(Date.parse(sidecar.end) - threeDays).toISOString();
    await writeFile(sidecarFile, JSON.stringify(sidecar));

    expect(await runRetentionSweep(t.app.ctx)).toEqual({ deleted: 1, unreachable: 0 });
    expect((await sfu.recordings.listRecordings(sittingId)).map((s) => s.source).sort()).toEqual([
      'microphone',
      'webcam',
    ]);
    const admin = await new TestClient(t.baseUrl).login('admin');
    const audit = (await admin.call('auditLog', { query: '?limit=5' })).body as {
      action: string;
      actorId: string | null;
      subject: string;
      details: { reason: string; retentionDays: number; segments: { id: string }[] };
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'recordings.deleted',
        actorId: null,
        subject: sittingId,
        details: expect.objectContaining({
          reason: 'retention',
          retentionDays: 2,
          segments: [expect.objectContaining({ id: screen.id })],
        }),
      }),
    );
    // Nothing younger than the retention period goes on the next sweep.
    expect(await runRetentionSweep(t.app.ctx)).toEqual({ deleted: 0, unreachable: 0 });
  });
});
