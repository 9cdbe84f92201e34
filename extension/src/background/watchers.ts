import browser, { type Tabs, type WebNavigation, type Windows } from 'webextension-polyfill';
import type { Background } from './background';
import { liftLockdown, requestFullscreen } from './lockdown';

/** Closing a tab in the same tick as onCreated can take the opener window down; wait a little. */
export const CLOSE_DELAY_MS = 300;
/** A blocked navigation leaves an error page in the exam tab for a moment: that is not leaving. */
const BLOCKED_GRACE_MS = 5000;

export async function onTabCreated(bg: Background, tab: Tabs.Tab): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown || tab.id === undefined || tab.id === lockdown.tabId) return;
  const tabId = tab.id;
  setTimeout(() => void browser.tabs.remove(tabId).catch(() => undefined), CLOSE_DELAY_MS);
  await bg.report('new_tab_closed', hostOf(tab.pendingUrl ?? tab.url));
}

/** Its tab reports new_tab_closed; the window itself goes too. */
export async function onWindowCreated(bg: Background, window: Windows.Window): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown || window.id === undefined || window.id === lockdown.windowId) return;
  const windowId = window.id;
  setTimeout(() => void browser.windows.remove(windowId).catch(() => undefined), CLOSE_DELAY_MS);
}

export async function onTabRemoved(bg: Background, tabId: number): Promise<void> {
  if (bg.lockdown?.tabId === tabId) await liftLockdown(bg);
}

export async function onFocusChanged(bg: Background, windowId: number): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown) return;
  if (windowId === lockdown.windowId) {
    await bg.endEpisode('focus_lost');
    await checkFullscreen(bg);
  } else {
    await bg.beginEpisode('focus_lost');
  }
}

export async function onBoundsChanged(bg: Background, windowId: number | undefined): Promise<void> {
  if (bg.lockdown && windowId === bg.lockdown.windowId) await checkFullscreen(bg);
}

/** Leaving fullscreen starts an episode and asks for fullscreen again; being back ends it. */
export async function checkFullscreen(bg: Background): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown) return;
  const window = await browser.windows.get(lockdown.windowId).catch(() => undefined);
  if (!window) return;
  if (window.state === 'fullscreen') {
    if (!lockdown.fullscreenSeen) {
      lockdown.fullscreenSeen = true;
      await bg.persist();
    }
    await bg.endEpisode('fullscreen_exit');
  } else if (lockdown.fullscreenSeen) {
    await bg.beginEpisode('fullscreen_exit', window.state);
    await requestFullscreen(bg);
  }
}

/** The session rules block it; this only logs it. */
export async function onBeforeNavigate(
  bg: Background,
  details: WebNavigation.OnBeforeNavigateDetailsType,
): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown || details.tabId !== lockdown.tabId) return;
  const url = parseUrl(details.url);
  if (!url || !/^https?:$/.test(url.protocol) || url.origin === lockdown.examOrigin) return;
  lockdown.lastBlockedAt = Date.now();
  await bg.persist();
  await bg.report('navigation_blocked', url.host);
}

/**
 * Remembers the exam URL; a top-level page of another origin that got through (a browser page
 * the rules cannot block) means the exam page is gone: the lockdown ends.
 */
export async function onCommitted(
  bg: Background,
  details: WebNavigation.OnCommittedDetailsType,
): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown || details.tabId !== lockdown.tabId || details.frameId !== 0) return;
  const url = parseUrl(details.url);
  if (url?.origin === lockdown.examOrigin) {
    lockdown.lastExamUrl = details.url;
    await bg.persist();
  } else if (!recentlyBlocked(bg)) {
    await liftLockdown(bg);
  }
}

/** A blocked top-level navigation leaves Chrome's error page: bring the exam back. */
export async function onNavigationError(
  bg: Background,
  details: WebNavigation.OnErrorOccurredDetailsType,
): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown || details.tabId !== lockdown.tabId || details.frameId !== 0) return;
  // Chrome gives the net error; the polyfill's types (Firefox's) do not know the field.
  const netError = (details as typeof details & { error?: string }).error ?? '';
  if (!netError.includes('ERR_BLOCKED_BY_CLIENT') || !lockdown.lastExamUrl) return;
  await browser.tabs.update(lockdown.tabId, { url: lockdown.lastExamUrl }).catch(() => undefined);
}

/** The exam page's port closed: if the tab no longer shows the exam, the page has left. */
export async function onExamPageGone(bg: Background, tabId: number): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown || tabId !== lockdown.tabId) return;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) {
    await liftLockdown(bg);
    return;
  }
  const url = parseUrl(tab.pendingUrl ?? tab.url);
  if (url?.origin !== lockdown.examOrigin && !recentlyBlocked(bg)) await liftLockdown(bg);
}

function recentlyBlocked(bg: Background): boolean {
  const at = bg.lockdown?.lastBlockedAt;
  return at !== undefined && Date.now() - at < BLOCKED_GRACE_MS;
}

function parseUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function hostOf(url: string | undefined): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  return parsed.host || parsed.protocol.replace(/:$/, '');
}
