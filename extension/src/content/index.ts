// The content script: in every page of the exam origins, active only in the locked exam tab.
// No zod here (it would weigh 400 kB in every exam page): the one reply is checked by hand.
import browser from 'webextension-polyfill';
import type { ContentToBackground, LockStatus } from '../messages/internal';
import { createPageGuard } from './guard';

const toBackground = (message: ContentToBackground) => browser.runtime.sendMessage(message);

function isLockStatus(message: unknown): message is LockStatus {
  const candidate = message as Partial<LockStatus> | null;
  return candidate?.type === 'adal/lock' && typeof candidate.locked === 'boolean';
}

const guard = createPageGuard({
  target: window,
  document,
  send: (kind, detail) =>
    void toBackground({ type: 'adal/blocked', kind, ...(detail ? { detail } : {}) }).catch(() => undefined),
  clearClipboard: () => navigator.clipboard.writeText(''),
});

browser.runtime.onMessage.addListener((message: unknown) => {
  if (isLockStatus(message)) guard.setLocked(message.locked);
});

toBackground({ type: 'adal/lock-status' })
  .then((reply) => {
    if (isLockStatus(reply)) guard.setLocked(reply.locked);
  })
  .catch(() => undefined);
