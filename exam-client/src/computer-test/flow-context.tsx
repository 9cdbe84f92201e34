import type { TestInfo } from '@adal/shared';
import { type AdalSocket, type Resource, useAuth, useResource, useServerEvent } from '@adal/shared/web';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { type ExtensionCheck, useExtension } from '../extension/use-extension.js';
import { useSchedule } from '../schedule/schedule-context.js';
import { applySourceEvent, type OwnSources, sourcesReady } from './own-sources.js';

interface TestFlowValue {
  sittingId: string;
  info: Resource<TestInfo>;
  socket: AdalSocket | null;
  /** Whether the socket is connected (answers travel over it). */
  live: boolean;
  /** The student's webcam and microphone both reach the proctor. */
  devicesReady: boolean;
  /** "I agree" ticked on the rules page during this visit. */
  rulesAgreed: boolean;
  setRulesAgreed(agreed: boolean): void;
  /** The proctoring extension, checked once for every step and the test (issue 8). */
  extension: ExtensionCheck;
}

const TestFlowContext = createContext<TestFlowValue | null>(null);

/** What every step of one sitting's computer test shares: the info page's data, devices, the tick. */
export function TestFlowProvider({ sittingId, children }: { sittingId: string; children: ReactNode }) {
  const { callApi, user } = useAuth();
  const { socket, live } = useSchedule();
  const info = useResource(
    (signal) => callApi('testInfo', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  // Admission (blockedBy) and attempts change on the server: load the info again when they do.
  useServerEvent(socket, 'admission:changed', (event) => {
    if (event.sittingId === sittingId && event.studentId === user?.id) info.reload();
  });
  useServerEvent(socket, 'attempt:changed', (event) => {
    if (event.sittingId === sittingId) info.reload();
  });
  const [sources, setSources] = useState<OwnSources>({});
  useServerEvent(socket, 'media:sourceChanged', (event) =>
    setSources((current) => applySourceEvent(current, event, sittingId, user?.id)),
  );
  const [rulesAgreed, setRulesAgreed] = useState(false);
  const devicesReady = sourcesReady(sources);
  const extension = useExtension(sittingId);
  // A handshake the server just recorded may lift blockedBy "extension_missing".
  const connected = extension.state.status === 'connected';
  const { reload } = info;
  useEffect(() => {
    if (connected) reload();
  }, [connected, reload]);

  const value = useMemo<TestFlowValue>(
    () => ({ sittingId, info, socket, live, devicesReady, rulesAgreed, setRulesAgreed, extension }),
    [sittingId, info, socket, live, devicesReady, rulesAgreed, extension],
  );
  return <TestFlowContext.Provider value={value}>{children}</TestFlowContext.Provider>;
}

export function useTestFlow(): TestFlowValue {
  const value = useContext(TestFlowContext);
  if (!value) throw new Error('useTestFlow must be used inside <TestFlowProvider>');
  return value;
}
