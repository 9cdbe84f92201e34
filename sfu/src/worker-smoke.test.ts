import { describe, expect, it } from 'vitest';
import { mediasoupWorkerBin } from './worker-bin.js';

// Machines that opted out of the worker build (ADAL_SKIP_MEDIASOUP_WORKER=1) cannot run this.
describe.skipIf(process.env.ADAL_SKIP_MEDIASOUP_WORKER === '1')('mediasoup worker (smoke)', () => {
  it('runs a worker, a VP8/Opus/H264 router and a WebRTC transport on 127.0.0.1', async () => {
    // Must be set before mediasoup is loaded: lib/Worker.js reads it at module load.
    process.env.MEDIASOUP_WORKER_BIN = mediasoupWorkerBin();
    const mediasoup = await import('mediasoup');

    const worker = await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort: 40000, rtcMaxPort: 40100 });
    try {
      expect(worker.pid).toBeGreaterThan(0);
      const router = await worker.createRouter({
        mediaCodecs: [
          { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
          { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
          {
            kind: 'video',
            mimeType: 'video/H264',
            clockRate: 90000,
            parameters: {
              'packetization-mode': 1,
              'profile-level-id': '42e01f',
              'level-asymmetry-allowed': 1,
            },
          },
        ],
      });
      const mimeTypes = (router.rtpCapabilities.codecs ?? []).map((c) => c.mimeType.toLowerCase());
      expect(mimeTypes).toEqual(expect.arrayContaining(['video/vp8', 'audio/opus', 'video/h264']));

      const transport = await router.createWebRtcTransport({
        listenIps: [{ ip: '127.0.0.1' }],
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
      });
      expect(transport.iceCandidates.length).toBeGreaterThan(0);
      for (const candidate of transport.iceCandidates) {
        expect(candidate.ip).toBe('127.0.0.1');
        expect(candidate.port).toBeGreaterThanOrEqual(40000);
        expect(candidate.port).toBeLessThanOrEqual(40100);
      }
      expect(transport.iceCandidates.some((c) => c.protocol === 'udp')).toBe(true);
      expect(transport.dtlsParameters.fingerprints.length).toBeGreaterThan(0);
    } finally {
      worker.close();
    }
    expect(worker.closed).toBe(true);
  });
});
