import { useAuth } from '@adal/shared/web';
import { useEffect, useRef } from 'react';
import { startFaceDetector } from '../identity/face/face-detector.js';
import { grabFaceFrame, grabFacePhoto, hiddenPlayer } from './camera-frames.js';
import { browserReportStorage, FlagSender } from './flag-sender.js';
import { DEFAULT_MONITORING_POLICY, MonitoringLoop, type MonitoringPolicy } from './monitoring-loop.js';
import { takeSnapshot } from './snapshot.js';
import { verifiedFaceLoader } from './verified-face.js';
import { watchVoice } from './voice-monitor.js';

export interface MonitoringInput {
  sittingId: string;
  /** The webcam track the device check publishes; nothing runs while it is not live. */
  webcam: MediaStreamTrack | null;
  microphone: MediaStreamTrack | null;
  /** Admitted and the exam running (not ended). */
  active: boolean;
  policy?: MonitoringPolicy;
}

/**
 * On-device monitoring while `active` (issue 7). The face worker and the microphone's level run
 * on this computer; only flag reports with one small snapshot each go to the server.
 */
export function useMonitoring({ sittingId, webcam, microphone, active, policy }: MonitoringInput): void {
  const { callApi } = useAuth();
  const sender = useRef<FlagSender | null>(null);
  const { monitoringFramesPerSecond, lookingAwaySeconds, faceRecheckMinutes } =
    policy ?? DEFAULT_MONITORING_POLICY;

  // The sender outlives a pause of the checks, so the reports that end episodes still go out.
  useEffect(() => {
    const flags = new FlagSender(
      `flags:${sittingId}`,
      async (reports) => void (await callApi('reportFlags', { params: { sittingId }, body: { reports } })),
      browserReportStorage(),
    );
    sender.current = flags;
    return () => flags.retire();
  }, [callApi, sittingId]);

  const camera = webcam?.readyState === 'live' ? webcam : null;
  const mic = microphone?.readyState === 'live' ? microphone : null;

  useEffect(() => {
    if (!active || !camera) return;
    // Captured now: the episodes' end reports are made after the sender's own cleanup ran.
    const flags = sender.current;
    const video = hiddenPlayer(camera);
    const detector = startFaceDetector();
    const verifiedFace = verifiedFaceLoader(callApi, sittingId);
    const loop = new MonitoringLoop(
      {
        grabFrame: () => grabFaceFrame(video),
        detect: (frame) => detector.detect(frame),
        snapshot: () => takeSnapshot(video),
        describeCurrentFace: async () => {
          const photo = await grabFacePhoto(video);
          if (!photo) return null;
          const { describeLiveFace } = await import('../identity/face-match/face-descriptors.js');
          return describeLiveFace(photo);
        },
        verifiedFace,
        report: (report) => flags?.add(report),
        now: () => Date.now(),
        newId: () => crypto.randomUUID(),
      },
      { monitoringFramesPerSecond, lookingAwaySeconds, faceRecheckMinutes },
    );
    let stopped = false;
    detector.load().then(
      () => !stopped && loop.start(),
      // Without the face worker there are no camera flags; the re-match and the voice check still run.
      () => !stopped && loop.start({ frames: false }),
    );
    const stopVoice = mic ? watchVoice(mic, (speaking) => loop.voice(speaking)) : () => {};
    return () => {
      stopped = true;
      stopVoice();
      void loop.stop();
      detector.terminate();
      video.pause();
      video.srcObject = null;
    };
  }, [
    active,
    camera,
    mic,
    callApi,
    sittingId,
    monitoringFramesPerSecond,
    lookingAwaySeconds,
    faceRecheckMinutes,
  ]);
}
