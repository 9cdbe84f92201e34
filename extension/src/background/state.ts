import type { ExamEnvironment, LockdownEvent, PortMessage } from '@adal/shared/extension';
import type browser from 'webextension-polyfill';

/** Episodes that last (start reported, end reported later with the same event id). */
export type EpisodeKind = Extract<LockdownEvent['kind'], 'focus_lost' | 'fullscreen_exit' | 'second_display'>;
export interface OpenEpisode {
  eventId: string;
  startedAt: string;
  detail?: string;
}

/** The active lockdown. Lives in storage.session so a restarted service worker picks it up. */
export interface Lockdown {
  sittingId: string;
  examOrigin: string;
  tabId: number;
  windowId: number;
  startedAt: string;
  /** Fullscreen exits count only once the window has been fullscreen (not while it gets there). */
  fullscreenSeen: boolean;
  episodes: Partial<Record<EpisodeKind, OpenEpisode>>;
  /** Extension ids already reported as risky: once each. */
  reportedExtensions: string[];
  environment: ExamEnvironment;
  /** The last exam-origin URL the tab showed: where a blocked navigation brings it back. */
  lastExamUrl?: string;
  /** When a navigation in the exam tab was last blocked (ms): its error page is not "leaving". */
  lastBlockedAt?: number;
}

/** Messages waiting for the exam page's port. Bounded so storage.session cannot fill up. */
export const QUEUE_LIMIT = 1000;

const LOCKDOWN_KEY = 'adal.lockdown';
const QUEUE_KEY = 'adal.queue';

type Storage = typeof browser.storage.session;

export async function loadState(
  storage: Storage,
): Promise<{ lockdown: Lockdown | null; queue: PortMessage[] }> {
  const stored = await storage.get([LOCKDOWN_KEY, QUEUE_KEY]);
  return {
    lockdown: (stored[LOCKDOWN_KEY] as Lockdown | undefined) ?? null,
    queue: (stored[QUEUE_KEY] as PortMessage[] | undefined) ?? [],
  };
}

export async function saveLockdown(storage: Storage, lockdown: Lockdown | null): Promise<void> {
  if (lockdown) await storage.set({ [LOCKDOWN_KEY]: lockdown });
  else await storage.remove(LOCKDOWN_KEY);
}

export async function saveQueue(storage: Storage, queue: PortMessage[]): Promise<void> {
  if (queue.length > 0) await storage.set({ [QUEUE_KEY]: queue });
  else await storage.remove(QUEUE_KEY);
}
