import { EXAM_PORT, HEARTBEAT_SECONDS, type LockdownEvent, type PortMessage } from '@adal/shared/extension';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EXAM_ORIGIN,
  EXAM_TAB,
  examSender,
  FakePort,
  idle,
  restartWorker,
  SITTING_ID,
  startWorker,
} from './testing';
import { CLOSE_DELAY_MS } from './watchers';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('@webext-core/fake-browser')).fakeBrowser,
}));

type Worker = Awaited<ReturnType<typeof startWorker>>;
let w: Worker;

beforeEach(async () => {
  vi.useFakeTimers();
  w = await startWorker();
});
afterEach(() => {
  w.bg.dispose();
  vi.useRealTimers();
});

async function request(message: unknown, sender: object = examSender) {
  const [reply] = await w.browser.onMessageExternal.trigger(message, sender);
  await idle(w.bg);
  return reply;
}

async function connect(tabId = EXAM_TAB.id) {
  const port = new FakePort(EXAM_PORT, tabId);
  await w.browser.onConnectExternal.trigger(port);
  await idle(w.bg);
  return port;
}

async function lock() {
  const port = await connect();
  const reply = await request({ type: 'start_lockdown', sittingId: SITTING_ID, examOrigin: EXAM_ORIGIN });
  return { port, reply };
}

const environmentAlarm = () =>
  ({ name: 'adal.environment', scheduledTime: Date.now(), persistAcrossSessions: false }) as const;
const kinds = (port: FakePort) => port.events().map((e) => e.kind);
const lastEvent = (port: FakePort): LockdownEvent | undefined => port.events().at(-1);

describe('hello', () => {
  it('answers with protocol, version, id and the nonce', async () => {
    const reply = await request({ type: 'hello', nonce: 'n0nce-0123456789' });
    expect(reply).toEqual({
      type: 'hello',
      protocol: 1,
      version: '0.1.0',
      extensionId: w.fake.runtime.id,
      nonce: 'n0nce-0123456789',
    });
  });

  it('names the bad fields of an invalid request', async () => {
    const reply = await request({ type: 'start_lockdown', sittingId: 'not-a-uuid' });
    expect(reply).toMatchObject({ type: 'error', code: 'bad_request' });
    expect((reply as { message: string }).message).toContain('sittingId');
    expect((reply as { message: string }).message).toContain('examOrigin');
  });
});

describe('start_lockdown', () => {
  it('locks the sender tab: fullscreen, session rules for that tab, badge', async () => {
    const { reply } = await lock();
    expect(reply).toEqual({ type: 'lockdown', active: true, environment: { displays: 1, extensions: [] } });
    expect(w.browser.updateWindow).toHaveBeenCalledWith(EXAM_TAB.windowId, {
      state: 'fullscreen',
      focused: true,
    });
    expect(w.browser.windowStates.get(EXAM_TAB.windowId)).toBe('fullscreen');
    expect(w.chrome.rules).toHaveLength(2);
    expect(w.chrome.rules.every((r) => r.condition.tabIds.includes(EXAM_TAB.id))).toBe(true);
    expect(w.chrome.rules.find((r) => r.action.type === 'allow')?.condition.urlFilter).toBe(
      `|${EXAM_ORIGIN}/`,
    );
    expect(await w.fake.action.getTitle({})).toContain('Exam in progress');
    expect(w.browser.sendToTab).toHaveBeenCalledWith(EXAM_TAB.id, { type: 'adal/lock', locked: true });
  });

  it('refuses a sender of another origin', async () => {
    const reply = await request(
      { type: 'start_lockdown', sittingId: SITTING_ID, examOrigin: EXAM_ORIGIN },
      { ...examSender, origin: 'http://127.0.0.1:9999', url: 'http://127.0.0.1:9999/x' },
    );
    expect(reply).toMatchObject({ type: 'error', code: 'forbidden_origin' });
    expect(w.chrome.rules).toEqual([]);
  });
});

describe('while locked', () => {
  it('closes a new tab after a short delay and reports its host', async () => {
    const { port } = await lock();
    await w.fake.tabs.onCreated.trigger({
      id: 20,
      windowId: EXAM_TAB.windowId,
      pendingUrl: 'https://chatgpt.com/',
    } as never);
    await idle(w.bg);
    expect(w.browser.removeTab).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(CLOSE_DELAY_MS);
    expect(w.browser.removeTab).toHaveBeenCalledWith(20);
    expect(lastEvent(port)).toMatchObject({ kind: 'new_tab_closed', detail: 'chatgpt.com' });
  });

  it('closes a new window', async () => {
    await lock();
    await w.fake.windows.onCreated.trigger({ id: 44 } as never);
    await idle(w.bg);
    await vi.advanceTimersByTimeAsync(CLOSE_DELAY_MS);
    expect(w.browser.removeWindow).toHaveBeenCalledWith(44);
    expect(w.browser.removeWindow).not.toHaveBeenCalledWith(EXAM_TAB.windowId);
  });

  it('reports focus lost and its end under one event id', async () => {
    const { port } = await lock();
    await w.fake.windows.onFocusChanged.trigger(-1);
    await idle(w.bg);
    await w.fake.windows.onFocusChanged.trigger(-1);
    await vi.advanceTimersByTimeAsync(5000);
    await w.fake.windows.onFocusChanged.trigger(EXAM_TAB.windowId);
    await idle(w.bg);
    const focus = port.events().filter((e) => e.kind === 'focus_lost');
    expect(focus).toHaveLength(2);
    expect(focus[0]?.eventId).toBe(focus[1]?.eventId);
    expect(focus[0]?.endedAt).toBeNull();
    expect(Date.parse(focus[1]?.endedAt ?? '') - Date.parse(focus[0]?.startedAt ?? '')).toBe(5000);
  });

  it('reports leaving fullscreen, asks for it again, and ends the episode when back', async () => {
    const { port } = await lock();
    w.browser.windowStates.set(EXAM_TAB.windowId, 'normal');
    w.browser.updateWindow.mockImplementationOnce(async (id: number) => ({ id, state: 'normal' }));
    await w.chrome.boundsChanged.trigger({ id: EXAM_TAB.windowId });
    await idle(w.bg);
    expect(lastEvent(port)).toMatchObject({ kind: 'fullscreen_exit', endedAt: null, detail: 'normal' });
    expect(w.browser.updateWindow).toHaveBeenLastCalledWith(EXAM_TAB.windowId, {
      state: 'fullscreen',
      focused: true,
    });
    w.browser.windowStates.set(EXAM_TAB.windowId, 'fullscreen');
    await w.chrome.boundsChanged.trigger({ id: EXAM_TAB.windowId });
    await idle(w.bg);
    const exits = port.events().filter((e) => e.kind === 'fullscreen_exit');
    expect(exits).toHaveLength(2);
    expect(exits[1]?.eventId).toBe(exits[0]?.eventId);
    expect(exits[1]?.endedAt).not.toBeNull();
  });

  it('does not count the way into fullscreen as an exit', async () => {
    w.browser.updateWindow.mockImplementation(async (id: number) => ({ id, state: 'normal' }));
    const { port } = await lock();
    await w.chrome.boundsChanged.trigger({ id: EXAM_TAB.windowId });
    await idle(w.bg);
    expect(kinds(port)).not.toContain('fullscreen_exit');
  });

  it('logs a navigation to another origin with its host; same-origin passes', async () => {
    const { port } = await lock();
    const nav = (url: string, frameId = 0) =>
      w.fake.webNavigation.onBeforeNavigate.trigger({ tabId: EXAM_TAB.id, frameId, url } as never);
    await nav(`${EXAM_ORIGIN}/next-question`);
    await nav('https://www.google.com/search?q=answer');
    await idle(w.bg);
    expect(port.events().filter((e) => e.kind === 'navigation_blocked')).toEqual([
      expect.objectContaining({ detail: 'www.google.com' }),
    ]);
  });

  it('brings the exam back after a blocked top-level navigation, and stays locked', async () => {
    await lock();
    await w.fake.webNavigation.onBeforeNavigate.trigger({
      tabId: EXAM_TAB.id,
      frameId: 0,
      url: 'https://x.kz/',
    } as never);
    await w.fake.webNavigation.onErrorOccurred.trigger({
      tabId: EXAM_TAB.id,
      frameId: 0,
      url: 'https://x.kz/',
      error: 'net::ERR_BLOCKED_BY_CLIENT',
    } as never);
    await idle(w.bg);
    expect(w.browser.updateTab).toHaveBeenCalledWith(EXAM_TAB.id, { url: EXAM_TAB.url });
    expect(w.bg.lockdown).not.toBeNull();
  });

  it('reports a second display as an episode that ends when it is unplugged', async () => {
    const { port } = await lock();
    w.chrome.displays = 2;
    await w.fake.alarms.onAlarm.trigger(environmentAlarm());
    await idle(w.bg);
    expect(lastEvent(port)).toMatchObject({ kind: 'second_display', endedAt: null, detail: '2 displays' });
    w.chrome.displays = 1;
    await w.fake.alarms.onAlarm.trigger(environmentAlarm());
    await idle(w.bg);
    const episode = port.events().filter((e) => e.kind === 'second_display');
    expect(episode).toHaveLength(2);
    expect(episode[1]).toMatchObject({ eventId: episode[0]?.eventId, endedAt: expect.any(String) });
  });

  it('checks the environment every minute with an alarm', async () => {
    await lock();
    expect(await w.fake.alarms.get('adal.environment')).toMatchObject({ periodInMinutes: 1 });
  });

  it('reports risky extensions once each: deny-list and broad permissions, not benign ones', async () => {
    const extension = (
      id: string,
      name: string,
      permissions: string[] = [],
      hostPermissions: string[] = [],
    ) => ({
      id,
      name,
      version: '1.0',
      enabled: true,
      type: 'extension',
      permissions,
      hostPermissions,
    });
    w.chrome.extensions = [
      extension('a'.repeat(32), 'ChatGPT Quiz Helper'),
      extension('b'.repeat(32), 'Page Tweaker', ['scripting', 'storage'], ['<all_urls>']),
      extension('c'.repeat(32), 'Dark Reader', ['storage'], []),
      { ...extension('d'.repeat(32), 'Screenshot Pro'), enabled: false },
    ];
    const { port, reply } = await lock();
    await w.fake.alarms.onAlarm.trigger(environmentAlarm());
    await idle(w.bg);
    const risky = port.events().filter((e) => e.kind === 'risky_extension');
    expect(risky.map((e) => e.detail)).toEqual([
      expect.stringContaining('ChatGPT Quiz Helper'),
      expect.stringContaining('Page Tweaker'),
    ]);
    const environment = (reply as { environment: { extensions: { name: string; risks: string[] }[] } })
      .environment;
    expect(environment.extensions.map((e) => e.name)).toEqual([
      'ChatGPT Quiz Helper',
      'Page Tweaker',
      'Dark Reader',
    ]);
    expect(environment.extensions[1]?.risks).toEqual(['all sites + scripting']);
    expect(environment.extensions[2]?.risks).toEqual([]);
  });

  it('forwards what the content script blocked, only from the exam tab', async () => {
    const { port } = await lock();
    await w.fake.runtime.onMessage.trigger(
      { type: 'adal/blocked', kind: 'paste_blocked' },
      { tab: EXAM_TAB } as never,
      () => {},
    );
    await w.fake.runtime.onMessage.trigger(
      { type: 'adal/blocked', kind: 'copy_blocked' },
      { tab: { id: 99 } } as never,
      () => {},
    );
    await idle(w.bg);
    expect(kinds(port)).toEqual(['paste_blocked']);
    const [status] = await w.fake.runtime.onMessage.trigger(
      { type: 'adal/lock-status' },
      { tab: EXAM_TAB } as never,
      () => {},
    );
    expect(status).toEqual({ type: 'adal/lock', locked: true });
  });
});

describe('the exam port', () => {
  it('sends a heartbeat every HEARTBEAT_SECONDS while locked', async () => {
    const { port } = await lock();
    const before = port.received.filter((m) => m.type === 'heartbeat').length;
    await vi.advanceTimersByTimeAsync(HEARTBEAT_SECONDS * 1000 * 3);
    const beats = port.received.filter(
      (m): m is Extract<PortMessage, { type: 'heartbeat' }> => m.type === 'heartbeat',
    );
    expect(beats.length - before).toBe(3);
    expect(beats.at(-1)).toMatchObject({ active: true, environment: { displays: 1, extensions: [] } });
  });

  it('queues events while the page is away and flushes them in order when it reconnects', async () => {
    const { port } = await lock();
    await port.pageGone();
    await idle(w.bg);
    expect(w.bg.lockdown).not.toBeNull(); // a reload: the tab still shows the exam
    await w.fake.windows.onFocusChanged.trigger(-1);
    await w.fake.tabs.onCreated.trigger({ id: 21, windowId: 1, url: 'https://a.kz/' } as never);
    await idle(w.bg);
    const again = await connect();
    expect(again.events().map((e) => e.kind)).toEqual(['focus_lost', 'new_tab_closed']);
    expect(w.bg.queue).toEqual([]);
  });

  it('hands over a tab-capture stream id when the student clicks the button', async () => {
    const { port } = await lock();
    await w.fake.action.onClicked.trigger(EXAM_TAB as never);
    await idle(w.bg);
    expect(port.received.at(-1)).toEqual({ type: 'tab_capture', streamId: 'stream-id-1' });
    w.chrome.captureResult = async () => {
      throw new Error('Extension has not been invoked for the current page');
    };
    await w.fake.action.onClicked.trigger(EXAM_TAB as never);
    await idle(w.bg);
    expect(port.received.at(-1)).toEqual({
      type: 'tab_capture_failed',
      message: 'Extension has not been invoked for the current page',
    });
  });
});

describe('stop_lockdown', () => {
  it('lifts everything: rules gone, alarm gone, listeners inert, new tabs stay open', async () => {
    const { port } = await lock();
    await w.fake.windows.onFocusChanged.trigger(-1);
    await idle(w.bg);
    const reply = await request({ type: 'stop_lockdown', sittingId: SITTING_ID });
    expect(reply).toEqual({ type: 'lockdown', active: false });
    expect(w.chrome.rules).toEqual([]);
    expect(await w.fake.alarms.get('adal.environment')).toBeUndefined();
    expect(await w.fake.action.getBadgeText({})).toBe('');
    expect(w.browser.sendToTab).toHaveBeenLastCalledWith(EXAM_TAB.id, { type: 'adal/lock', locked: false });
    // the open focus episode got its end
    expect(
      port
        .events()
        .filter((e) => e.kind === 'focus_lost')
        .at(-1)?.endedAt,
    ).not.toBeNull();

    const count = port.received.length;
    await w.fake.tabs.onCreated.trigger({ id: 30, windowId: EXAM_TAB.windowId } as never);
    await w.fake.windows.onFocusChanged.trigger(-1);
    await idle(w.bg);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_SECONDS * 1000 * 2);
    expect(w.browser.removeTab).not.toHaveBeenCalled();
    expect(port.received.length).toBe(count);
  });

  it('refuses another sitting', async () => {
    await lock();
    const reply = await request({ type: 'stop_lockdown', sittingId: '00000000-0000-4000-8000-000000000000' });
    expect(reply).toMatchObject({ type: 'error', code: 'wrong_sitting' });
    expect(w.bg.lockdown).not.toBeNull();
  });

  it('happens when the exam tab closes', async () => {
    await lock();
    await w.fake.tabs.onRemoved.trigger(EXAM_TAB.id, { windowId: EXAM_TAB.windowId, isWindowClosing: false });
    await idle(w.bg);
    expect(w.bg.lockdown).toBeNull();
    expect(w.chrome.rules).toEqual([]);
  });

  it('happens when the exam page navigated away from the exam origin', async () => {
    const { port } = await lock();
    w.browser.tabs.set(EXAM_TAB.id, { ...EXAM_TAB, url: 'chrome://newtab/' });
    await port.pageGone();
    await idle(w.bg);
    expect(w.bg.lockdown).toBeNull();
  });
});

describe('a restarted worker', () => {
  it('restores the lockdown from storage.session and keeps enforcing it', async () => {
    const { port } = await lock();
    await port.pageGone(); // a stopped worker loses its port
    w.browser.tabs.set(EXAM_TAB.id, { ...EXAM_TAB });
    await idle(w.bg);
    const { bg, browser } = await restartWorker(w.bg, w.chrome, w.browser);
    w = { ...w, bg, browser };
    expect(bg.lockdown).toMatchObject({ sittingId: SITTING_ID, tabId: EXAM_TAB.id });
    await w.fake.tabs.onCreated.trigger({ id: 40, windowId: EXAM_TAB.windowId } as never);
    await idle(bg);
    await vi.advanceTimersByTimeAsync(CLOSE_DELAY_MS);
    expect(browser.removeTab).toHaveBeenCalledWith(40);
    const again = await connect();
    expect(again.events().map((e) => e.kind)).toEqual(['new_tab_closed']);
    expect(await w.fake.action.getBadgeText({})).toBe('ON');
  });
});
