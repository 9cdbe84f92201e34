import type { Locator, Page } from 'playwright-core';

/**
 * Keeps every RTCPeerConnection the page creates (mediasoup-client's too) on `window.__adalPcs`,
 * so tests read real WebRTC stats without any hook in the apps. Add before the page loads.
 */
export async function capturePeerConnections(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const pcs: RTCPeerConnection[] = [];
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        pcs.push(this);
      }
    };
    (window as unknown as { __adalPcs: RTCPeerConnection[] }).__adalPcs = pcs;
  });
}

export interface InboundVideo {
  framesDecoded: number;
  frameWidth: number;
  frameHeight: number;
  bytesReceived: number;
}

/** inbound-rtp stats of the track a <video> plays, or null while it has none. */
export function inboundVideo(video: Locator): Promise<InboundVideo | null> {
  return video.evaluate(async (element) => {
    const stream = (element as HTMLVideoElement).srcObject as MediaStream | null;
    const track = stream?.getVideoTracks()[0];
    if (!track) return null;
    const pcs = (window as unknown as { __adalPcs?: RTCPeerConnection[] }).__adalPcs ?? [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      for (const s of stats.values()) {
        if (s.type === 'inbound-rtp' && s.kind === 'video' && s.trackIdentifier === track.id)
          return {
            framesDecoded: s.framesDecoded ?? 0,
            frameWidth: s.frameWidth ?? 0,
            frameHeight: s.frameHeight ?? 0,
            bytesReceived: s.bytesReceived ?? 0,
          };
      }
    }
    return null;
  });
}

export interface OutboundStream {
  kind: 'audio' | 'video';
  rid: string | null;
  frameWidth: number | null;
  frameHeight: number | null;
  framesPerSecond: number | null;
  bytesSent: number;
  timestamp: number;
  active: boolean;
  qualityLimitationReason: string | null;
  mid: string | null;
  targetBitrate: number | null;
  retransmittedBytesSent: number;
  scalabilityMode: string | null;
}

/** Every outbound-rtp stream of the page's peer connections. */
export function outboundStreams(page: Page): Promise<OutboundStream[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __adalPcs?: RTCPeerConnection[] }).__adalPcs ?? [];
    const out: OutboundStream[] = [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      for (const s of stats.values()) {
        if (s.type !== 'outbound-rtp') continue;
        out.push({
          kind: s.kind,
          rid: s.rid ?? null,
          frameWidth: s.frameWidth ?? null,
          frameHeight: s.frameHeight ?? null,
          framesPerSecond: s.framesPerSecond ?? null,
          bytesSent: s.bytesSent ?? 0,
          timestamp: s.timestamp,
          active: s.active ?? true,
          qualityLimitationReason: s.qualityLimitationReason ?? null,
          mid: s.mid ?? null,
          targetBitrate: s.targetBitrate ?? null,
          retransmittedBytesSent: s.retransmittedBytesSent ?? 0,
          scalabilityMode: s.scalabilityMode ?? null,
        });
      }
    }
    return out;
  });
}

/** kbit/s per outbound stream over `ms`, keyed by kind, mid and rid. */
export async function outboundBitrates(page: Page, ms = 4000) {
  const before = await outboundStreams(page);
  await page.waitForTimeout(ms);
  const after = await outboundStreams(page);
  return after.map((a) => {
    const b = before.find((x) => x.kind === a.kind && x.rid === a.rid && x.mid === a.mid);
    const kbps = b ? ((a.bytesSent - b.bytesSent) * 8) / (a.timestamp - b.timestamp) : 0;
    return { ...a, kbps: Math.round(kbps) };
  });
}

/** Packets received for the audio track an <audio> element plays, or null while it has none. */
export function inboundAudioPackets(audio: Locator): Promise<number | null> {
  return audio.evaluate(async (element) => {
    const track = ((element as HTMLAudioElement).srcObject as MediaStream | null)?.getAudioTracks()[0];
    if (!track) return null;
    const pcs = (window as unknown as { __adalPcs?: RTCPeerConnection[] }).__adalPcs ?? [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      for (const s of (await pc.getStats()).values())
        if (s.type === 'inbound-rtp' && s.kind === 'audio' && s.trackIdentifier === track.id)
          return s.packetsReceived ?? 0;
    }
    return null;
  });
}
