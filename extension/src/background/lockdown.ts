import type { LockdownReply } from '@adal/shared/extension';
import browser from 'webextension-polyfill';
import type { LockStatus } from '../messages/internal';
import type { Background } from './background';
import type { SessionRule } from './chrome-apis';
import { checkEnvironment } from './environment/check';

export const BLOCK_RULE_ID = 1;
export const ALLOW_RULE_ID = 2;
export const ENVIRONMENT_ALARM = 'adal.environment';
export const ENVIRONMENT_PERIOD_MINUTES = 1;

/** The exam tab may load pages and frames of the exam origin only (session rules: gone with the browser). */
export function examTabRules(tabId: number, examOrigin: string): SessionRule[] {
  const resourceTypes: SessionRule['condition']['resourceTypes'] = ['main_frame', 'sub_frame'];
  return [
    {
      id: BLOCK_RULE_ID,
      priority: 1,
      action: { type: 'block' },
      condition: { tabIds: [tabId], resourceTypes },
    },
    {
      id: ALLOW_RULE_ID,
      priority: 2,
      action: { type: 'allow' },
      // `|` anchors at the start, so http://exam.kz.evil.com does not pass for http://exam.kz.
      condition: { tabIds: [tabId], resourceTypes, urlFilter: `|${examOrigin}/` },
    },
  ];
}

export interface ExamTab {
  id: number;
  windowId: number;
  url?: string;
}

export async function startLockdown(
  bg: Background,
  request: { sittingId: string; examOrigin: string },
  tab: ExamTab,
): Promise<LockdownReply> {
  const current = bg.lockdown;
  const same = current?.tabId === tab.id && current.sittingId === request.sittingId;
  if (current && !same) await liftLockdown(bg);
  bg.lockdown =
    same && current
      ? { ...current, examOrigin: request.examOrigin, windowId: tab.windowId }
      : {
          sittingId: request.sittingId,
          examOrigin: request.examOrigin,
          tabId: tab.id,
          windowId: tab.windowId,
          startedAt: new Date().toISOString(),
          fullscreenSeen: false,
          episodes: {},
          reportedExtensions: [],
          environment: bg.lastEnvironment,
          ...(tab.url ? { lastExamUrl: tab.url } : {}),
        };
  await bg.persist();

  await bg.chrome.sessionRules.update({
    removeRuleIds: [BLOCK_RULE_ID, ALLOW_RULE_ID],
    addRules: examTabRules(tab.id, request.examOrigin),
  });
  await requestFullscreen(bg);
  await browser.alarms.create(ENVIRONMENT_ALARM, { periodInMinutes: ENVIRONMENT_PERIOD_MINUTES });
  await showLocked(true);
  await tellContentScript(tab.id, true);
  const environment = await checkEnvironment(bg);
  await bg.flushQueue();
  bg.syncHeartbeat();
  return { type: 'lockdown', active: true, environment };
}

/** Ends the lockdown: open episodes get their end, rules and timers go, nothing keeps running. */
export async function liftLockdown(bg: Background): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown) return;
  for (const kind of ['focus_lost', 'fullscreen_exit', 'second_display'] as const) await bg.endEpisode(kind);
  bg.lockdown = null;
  await bg.persist();
  await bg.chrome.sessionRules
    .update({ removeRuleIds: [BLOCK_RULE_ID, ALLOW_RULE_ID] })
    .catch(() => undefined);
  await browser.alarms.clear(ENVIRONMENT_ALARM).catch(() => undefined);
  await showLocked(false);
  await tellContentScript(lockdown.tabId, false);
  bg.syncHeartbeat();
}

/** Puts the exam window in fullscreen; true when it is. */
export async function requestFullscreen(bg: Background): Promise<void> {
  const lockdown = bg.lockdown;
  if (!lockdown) return;
  const window = await browser.windows
    .update(lockdown.windowId, { state: 'fullscreen', focused: true })
    .catch(() => undefined);
  if (window?.state === 'fullscreen' && !lockdown.fullscreenSeen) {
    lockdown.fullscreenSeen = true;
    await bg.persist();
  }
}

export async function showLocked(locked: boolean): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: locked ? 'ON' : '' }),
    browser.action.setBadgeBackgroundColor({ color: '#b91c1c' }),
    browser.action.setTitle({
      title: locked ? 'Adal Proctor: Exam in progress (click to share the exam tab)' : 'Adal Proctor',
    }),
  ]).catch(() => undefined);
}

export async function tellContentScript(tabId: number, locked: boolean): Promise<void> {
  const message: LockStatus = { type: 'adal/lock', locked };
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
