import { EXAM_PORT } from '@adal/shared/extension';
import type { Runtime } from 'webextension-polyfill';
import type { Background } from './background';
import { checkEnvironment } from './environment/check';
import { onExamPageGone } from './watchers';

/**
 * The exam page's long-lived port. While it is open Chrome keeps this worker alive; on connect the
 * page gets a heartbeat at once and everything queued while it was away.
 */
export async function acceptPort(bg: Background, port: Runtime.Port): Promise<void> {
  const tabId = port.sender?.tab?.id;
  if (port.name !== EXAM_PORT || tabId === undefined) {
    port.disconnect();
    return;
  }
  bg.ports.get(tabId)?.disconnect();
  bg.ports.set(tabId, port);
  port.onDisconnect.addListener(() => {
    if (bg.ports.get(tabId) !== port) return;
    bg.ports.delete(tabId);
    bg.syncHeartbeat();
    void bg.serial(() => onExamPageGone(bg, tabId));
  });
  if (!bg.lockdown) await checkEnvironment(bg);
  if (bg.examPort() === port) {
    await bg.flushQueue();
    port.postMessage(bg.heartbeatMessage());
  }
  bg.syncHeartbeat();
}
