import type { Page } from 'playwright-core';
import { type OutboundStream, outboundStreams } from './support/rtc.js';

/** One outbound stream over a measuring window: what it is and what it sent meanwhile. */
export interface SentStream extends OutboundStream {
  /** Bytes sent during the window (0: the layer is not sent). */
  sentBytes: number;
  kbps: number;
}

/** Every outbound stream of the page, measured over `ms` (bytes sent, kbit/s, settings at the end). */
export async function upstream(page: Page, ms = 4000): Promise<SentStream[]> {
  const before = await outboundStreams(page);
  await page.waitForTimeout(ms);
  const after = await outboundStreams(page);
  return after.map((a) => {
    const b = before.find((x) => x.kind === a.kind && x.rid === a.rid && x.mid === a.mid);
    const sentBytes = a.bytesSent - (b?.bytesSent ?? 0);
    const kbps = b && a.timestamp > b.timestamp ? (sentBytes * 8) / (a.timestamp - b.timestamp) : 0;
    return { ...a, sentBytes, kbps: Math.round(kbps) };
  });
}

/** The webcam's simulcast layers (the only streams with a rid), lowest first. */
export const webcamLayers = (streams: SentStream[]) =>
  streams
    .filter((s) => s.kind === 'video' && s.rid !== null)
    .sort((a, b) => (a.rid ?? '').localeCompare(b.rid ?? ''));

/** Layers actually sending during the window. */
export const sendingLayers = (streams: SentStream[]) =>
  webcamLayers(streams)
    .filter((s) => s.sentBytes > 0)
    .map((s) => s.rid);

/** Layers the sender has switched on (RTCRtpEncodingParameters.active as reported by getStats). */
export const activeLayers = (streams: SentStream[]) =>
  webcamLayers(streams)
    .filter((s) => s.active)
    .map((s) => s.rid);

export const totalKbps = (streams: SentStream[]) => streams.reduce((sum, s) => sum + s.kbps, 0);

/** One line per stream and the total, for the test log and BENCHMARKS.md. */
export function describeUpstream(streams: SentStream[]): string {
  const line = (o: SentStream) =>
    `${o.kind}/${o.rid ?? '-'}${o.active ? '' : ' (inactive)'} ${o.frameWidth ?? '-'}×${o.frameHeight ?? '-'} ${o.framesPerSecond ?? '-'} fps ${o.kbps} kbit/s${o.qualityLimitationReason && o.qualityLimitationReason !== 'none' ? ` (limited: ${o.qualityLimitationReason})` : ''}`;
  return `  ${streams.map(line).join('\n  ')}\n  total ${totalKbps(streams)} kbit/s`;
}

/** The send transport's bandwidth estimate (candidate-pair availableOutgoingBitrate), kbit/s. */
export function availableOutgoingKbps(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __adalPcs?: RTCPeerConnection[] }).__adalPcs ?? [];
    for (const pc of pcs) {
      if (pc.connectionState !== 'connected') continue;
      for (const s of (await pc.getStats()).values())
        if (s.type === 'candidate-pair' && s.nominated && typeof s.availableOutgoingBitrate === 'number')
          return Math.round(s.availableOutgoingBitrate / 1000);
    }
    return null;
  });
}

/** Samples the page's upstream until each of `rids` has sent bytes: ms from now until each did. */
export async function whenLayersStart(
  page: Page,
  rids: string[],
  timeoutMs: number,
): Promise<Record<string, number | null>> {
  const started = Date.now();
  const at: Record<string, number | null> = Object.fromEntries(rids.map((rid) => [rid, null]));
  let before = await outboundStreams(page);
  while (rids.some((rid) => at[rid] === null) && Date.now() - started < timeoutMs) {
    await page.waitForTimeout(250);
    const after = await outboundStreams(page);
    for (const rid of rids) {
      const was = before.find((s) => s.rid === rid)?.bytesSent ?? 0;
      const now = after.find((s) => s.rid === rid)?.bytesSent ?? 0;
      if (at[rid] === null && now > was) at[rid] = Date.now() - started;
    }
    before = after;
  }
  return at;
}
