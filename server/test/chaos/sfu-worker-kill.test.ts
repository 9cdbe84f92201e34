import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSfu, type Sfu } from '../../../sfu/src/app.js';
import { loadSfuConfig } from '../../../sfu/src/config.js';
import { sittingOf } from '../fixtures.js';
import { TestClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { CHAOS_LONG, recordChaosRow } from './chaos-report.js';
import { proctorWatching, studentWebcam, until } from './sfu-media-clients.js';
import { type RtpReceiver, type RtpWebcam, rtpReceiver, rtpWebcam } from './sfu-rtp.js';
import { answeringStudent, expectSameAttemptResumed, webcamGaps } from './sfu-sitting.js';

const SECRET = 'chaos-sfu-worker-kill-secret-0123456789';
/** Long mode kills the sitting's worker again after each recovery. */
const ROUNDS = CHAOS_LONG ? 4 : 1;

/**
 * SIGKILL the mediasoup worker that carries a running computer test. The SFU replaces the worker;
 * one student's computer (the exam client's own media code, no RTP) reconnects and publishes
 * again, another student's webcam (real VP8 RTP from ffmpeg) is sent again and reaches the
 * proctor side again; each outage is a gap in the record and the Chat&log; the attempts are the
 * same ones throughout, suspended while the camera was gone, then resumed.
 */
describe('chaos: a mediasoup worker killed during a sitting', () => {
  let t: TestApp;
  let sfu: Sfu;
  let sfuUrl: string;
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_TOKEN_SECRET: SECRET } });
    sfu = await createSfu(
      loadSfuConfig({
        SFU_PORT: '0',
        SFU_WORKERS: '2',
        SFU_RTC_MIN_PORT: '46000',
        SFU_RTC_MAX_PORT: '46199',
        MEDIA_TOKEN_SECRET: SECRET,
        SERVER_INTERNAL_URL: t.baseUrl,
        SFU_RECORDING: 'off',
      }),
      pino({ level: 'silent' }),
    );
    sfuUrl = `http://127.0.0.1:${await sfu.listen()}`;
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await sfu?.close();
    await t?.close();
  });

  it('replaces the worker; both students publish again in the same attempts and each gap is logged', async () => {
    const sittingId = sittingOf(t.seed, 'computer_test');
    // The server's default SFU address is not this in-process SFU's ephemeral port.
    const here = () => sfuUrl;
    const browser = await answeringStudent(t.baseUrl, t.database.db, sittingId, 'student05');
    const rtpStudent = await answeringStudent(t.baseUrl, t.database.db, sittingId, 'student07');
    opened.push(browser, rtpStudent);
    const proctor = await new TestClient(t.baseUrl).login('proctor1');
    const media = await studentWebcam(browser.client, sittingId, here);
    const view = await proctorWatching(proctor, sittingId, browser.studentId, here);
    opened.push(media, view);

    let rtp: RtpWebcam = await rtpWebcam(sfu, sittingId, rtpStudent.studentId, 31000);
    let received: RtpReceiver = await rtpReceiver(rtp.room, rtp.source.producer.id);
    const stopRtp = () => {
      received.close();
      void rtp.source.stop();
    };
    opened.push({ close: () => stopRtp() });
    await until('RTP reaching the proctor side', () => received.packets >= 10);
    let producer = await until('the webcam on the proctor screen', () =>
      view.tracks.length ? view.watcher.producerOf(browser.studentId, 'webcam') : undefined,
    );

    let worst = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      await browser.answer(2);
      await rtpStudent.answer(2);
      const room = rtp.room;
      const deadPid = sfu.pool.worker(room.workerIndex).pid;
      const roomClosed = new Promise((resolve) => room.once('closed', () => resolve(null)));
      const tracksBefore = view.tracks.length;
      const killedAt = Date.now();
      process.kill(deadPid, 'SIGKILL');

      // The RTP device does what the client does once its room is gone: join again, send again.
      await roomClosed;
      stopRtp();
      rtp = await rtpWebcam(sfu, sittingId, rtpStudent.studentId, 31000 + round * 10);
      expect(rtp.room).not.toBe(room);
      received = await rtpReceiver(rtp.room, rtp.source.producer.id);
      await until('RTP reaching the proctor side again', () => received.packets >= 10);
      const rtpBackAt = received.firstAt ?? Date.now();

      // The browser's computer publishes again on a new producer, and the proctor consumes it.
      const before = producer;
      producer = await until('a new webcam producer', () => {
        const p = view.watcher.producerOf(browser.studentId, 'webcam');
        return p && p.producerId !== before.producerId ? p : undefined;
      });
      await until('a new consumer track on the proctor screen', () => view.tracks.length > tracksBefore);
      const sessionBackAt = Date.now();
      worst = Math.max(worst, (Math.max(rtpBackAt, sessionBackAt) - killedAt) / 1000);
      expect(sfu.pool.pids()).toHaveLength(2);
      expect(sfu.pool.pids()).not.toContain(deadPid);
      const noticed = media.states.find((s) => s.state === 'reconnecting' && s.at >= killedAt)?.at;
      expect(noticed).toBeDefined();
      expect(media.connection.state).toBe('connected');

      // One more gap per student: from the SFU losing the producer to its being live again.
      for (const [student, backAt] of [
        [browser, sessionBackAt],
        [rtpStudent, rtpBackAt],
      ] as const) {
        const gaps = await until(`${round} closed gap(s) of ${student.studentId}`, async () => {
          const all = await webcamGaps(proctor, sittingId, student.studentId);
          return all.length === round && all.every((g) => g.to) ? all : undefined;
        });
        const gap = gaps[round - 1];
        expect(gap?.reason).toBe('transport_closed');
        const from = Date.parse(gap?.from ?? '');
        const to = Date.parse(gap?.to ?? '');
        expect(from).toBeGreaterThanOrEqual(killedAt);
        expect(to).toBeGreaterThan(from);
        expect(to).toBeLessThanOrEqual(backAt);
        // The record has the loss no later than the student's computer noticed it.
        if (student === browser) expect(from).toBeLessThanOrEqual(noticed ?? 0);
      }
    }

    // Same attempts: suspended while the camera was gone, resumed by themselves, answers kept.
    let lost = 0;
    for (const student of [browser, rtpStudent]) {
      lost += await expectSameAttemptResumed(student, proctor, sittingId, ROUNDS);
    }
    expect(lost).toBe(0);

    recordChaosRow({
      fault: `SIGKILL the mediasoup worker hosting the sitting (SFU replaces it)${ROUNDS > 1 ? ` ×${ROUNDS}` : ''}`,
      running:
        'computer test, 2 students answering: webcam via the exam-client media code + webcam as VP8 RTP; 1 proctor watching',
      dataChecked: `${browser.acked.size + rtpStudent.acked.size} acked answers, ${2 * ROUNDS} webcam gaps (listMediaGaps + Chat&log), RTP at the proctor side again, same attempts resumed`,
      lost,
      recoverySeconds: worst,
    });
  }, 120_000);
});
