import { useAuth } from '@adal/shared/web';
import type { Publisher } from '@adal/shared/web/media';
import { useEffect, useRef, useState } from 'react';
import { browserReportStorage, FlagSender } from '../monitoring/flag-sender.js';
import { type ExtensionRuntime, extensionRuntime } from './extension-runtime.js';
import { extensionServer } from './extension-server.js';
import { extensionFlagsKey, LOCKDOWN_OFF, LockdownSession, type LockdownState } from './lockdown-session.js';
import { tabSharer } from './tab-share.js';

export interface LockdownInput {
  sittingId: string;
  /** The attempt is running on this page (the same condition as on-device monitoring). */
  active: boolean;
  /** The extension check passed (use-extension's 'connected'). */
  connected: boolean;
  /** The device check's publisher: the exam tab is sent as the 'tab' source through it. */
  publisher: Publisher | null;
  /** Tests and other browsers: the runtime to use instead of `chrome.runtime`. */
  runtime?: ExtensionRuntime;
}

/** Loaded with the media code, which the device check has brought in by then. */
async function captureExamTab(streamId: string): Promise<MediaStreamTrack> {
  const media = await import('@adal/shared/web/media');
  return media.captureExamTab(streamId);
}

/**
 * The extension's lockdown of the exam tab while the attempt runs (issue 8). Its events become
 * flag reports (kept until the server has them, like the monitoring's), its heartbeats reach the
 * server, and the tab it captures on the toolbar button goes to the proctor.
 */
export function useLockdown({
  sittingId,
  active,
  connected,
  publisher,
  runtime,
}: LockdownInput): LockdownState {
  const { callApi } = useAuth();
  const [state, setState] = useState<LockdownState>(LOCKDOWN_OFF);
  const sender = useRef<FlagSender | null>(null);
  // The publisher may come later (the device check loads on demand) without restarting the lockdown.
  const publisherRef = useRef(publisher);
  publisherRef.current = publisher;

  // The sender outlives the lockdown, so the episodes' ends that arrive after stop still go out.
  useEffect(() => {
    const flags = new FlagSender(
      extensionFlagsKey(sittingId),
      async (reports) => void (await callApi('reportFlags', { params: { sittingId }, body: { reports } })),
      browserReportStorage(),
    );
    sender.current = flags;
    return () => flags.retire();
  }, [callApi, sittingId]);

  useEffect(() => {
    if (!active || !connected) return;
    const found = runtime ?? extensionRuntime();
    if (found === 'unsupported') return;
    const flags = sender.current;
    const server = extensionServer(callApi, sittingId);
    let current = true;
    const session = new LockdownSession({
      runtime: found,
      sittingId,
      examOrigin: window.location.origin,
      heartbeat: (body) => server.heartbeat(body),
      report: (report) => flags?.add(report),
      ...tabSharer(captureExamTab, () => publisherRef.current),
      onChange: (next) => current && setState(next),
      now: () => Date.now(),
    });
    void session.start();
    return () => {
      current = false;
      setState(LOCKDOWN_OFF);
      void session.stop();
    };
  }, [active, connected, runtime, callApi, sittingId]);

  return state;
}
