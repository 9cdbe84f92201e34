import type { Runtime } from 'webextension-polyfill';
import { ContentToBackground, type LockStatus } from '../messages/internal';
import type { Background } from './background';

/** Messages from our content script: "am I the exam tab?" and "I blocked something". */
export function handleContentMessage(
  bg: Background,
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<LockStatus | undefined> {
  const parsed = ContentToBackground.safeParse(message);
  if (!parsed.success) return Promise.resolve(undefined);
  const request = parsed.data;
  const tabId = sender.tab?.id;
  return bg.serial(async () => {
    const isExamTab = bg.lockdown !== null && tabId === bg.lockdown.tabId;
    if (request.type === 'adal/lock-status') return { type: 'adal/lock', locked: isExamTab };
    if (isExamTab) await bg.report(request.kind, request.detail);
    return undefined;
  });
}
