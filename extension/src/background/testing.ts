/**
 * Test rig for the service worker: the polyfill is mocked to @webext-core/fake-browser (each test
 * file does `vi.mock('webextension-polyfill', …)`), plus fakes for what that lacks — external
 * messaging and ports, window states, tabs.sendMessage — and for the chrome-only adapters.
 */
import { type PortMessage, PortMessage as PortMessageSchema } from '@adal/shared/extension';
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import type { Background } from './background';
import type { ChromeApis, InstalledExtension, SessionRule } from './chrome-apis';
import { startBackground } from './main';

type Listener = (...args: never[]) => unknown;

/** A chrome event with a `trigger` that returns what the listeners returned. */
export class FakeEvent<L extends Listener> {
  private listeners: L[] = [];
  addListener(listener: L): void {
    this.listeners.push(listener);
  }
  removeListener(listener: L): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  hasListeners(): boolean {
    return this.listeners.length > 0;
  }
  removeAllListeners(): void {
    this.listeners = [];
  }
  async trigger(...args: Parameters<L>): Promise<unknown[]> {
    return Promise.all(this.listeners.map((l) => l(...args)));
  }
}

export const EXAM_ORIGIN = 'http://127.0.0.1:5173';
export const EXAM_TAB = { id: 7, windowId: 3, url: `${EXAM_ORIGIN}/sitting/abc` };
export const SITTING_ID = '5b0e6a2e-2d8a-4c55-9a52-5d8b3f0c2a11';
export const examSender = { tab: EXAM_TAB, url: EXAM_TAB.url, origin: EXAM_ORIGIN } as const;

/** The exam page's end of the port: it records what the extension posted. */
export class FakePort {
  readonly name: string;
  readonly sender: { tab: { id: number } };
  readonly received: PortMessage[] = [];
  connected = true;
  readonly onDisconnect = new FakeEvent<(port: FakePort) => void>();
  readonly onMessage = new FakeEvent<(message: unknown) => void>();

  constructor(name: string, tabId = EXAM_TAB.id) {
    this.name = name;
    this.sender = { tab: { id: tabId } };
  }
  postMessage(message: unknown): void {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    this.received.push(PortMessageSchema.parse(message));
  }
  disconnect(): void {
    this.connected = false;
  }
  /** The page went away (navigation, reload, closed tab). */
  async pageGone(): Promise<void> {
    this.connected = false;
    await this.onDisconnect.trigger(this);
  }
  events() {
    return this.received.flatMap((m) => (m.type === 'event' ? [m.event] : []));
  }
}

export interface FakeChrome extends ChromeApis {
  rules: SessionRule[];
  extensions: InstalledExtension[];
  displays: number;
  boundsChanged: FakeEvent<(window: { id?: number }) => void>;
  captureResult: () => Promise<string>;
}

export function fakeChrome(): FakeChrome {
  const boundsChanged = new FakeEvent<(window: { id?: number }) => void>();
  const fake: FakeChrome = {
    rules: [],
    extensions: [],
    displays: 1,
    boundsChanged,
    captureResult: async () => 'stream-id-1',
    sessionRules: {
      async update({ addRules = [], removeRuleIds = [] }) {
        fake.rules = [...fake.rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      },
      get: async () => fake.rules,
    },
    installedExtensions: async () => fake.extensions,
    displayCount: async () => fake.displays,
    tabCaptureStreamId: () => fake.captureResult(),
    onWindowBoundsChanged: boundsChanged,
  };
  return fake;
}

/** The fake browser with our patches; `windowStates` is what windows.get/update see. */
export interface BrowserWorld {
  windowStates: Map<number, string>;
  tabs: Map<number, { id: number; windowId: number; url?: string }>;
}

export function patchBrowser(kept?: BrowserWorld) {
  const windowStates = kept?.windowStates ?? new Map<number, string>([[EXAM_TAB.windowId, 'normal']]);
  const tabs =
    kept?.tabs ??
    new Map<number, { id: number; windowId: number; url?: string }>([[EXAM_TAB.id, { ...EXAM_TAB }]]);
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  const onMessageExternal = new FakeEvent<(message: unknown, sender: unknown) => unknown>();
  const onConnectExternal = new FakeEvent<(port: FakePort) => void>();
  runtime.onMessageExternal = onMessageExternal;
  runtime.onConnectExternal = onConnectExternal;
  runtime.getManifest = () => ({ version: '0.1.0' });
  const tabsApi = fakeBrowser.tabs as unknown as Record<string, unknown>;
  const sendToTab = vi.fn(async () => undefined);
  tabsApi.sendMessage = sendToTab;
  const removeTab = vi.fn(async (id: number) => void tabs.delete(id));
  tabsApi.remove = removeTab;
  tabsApi.get = async (id: number) => {
    const tab = tabs.get(id);
    if (!tab) throw new Error(`No tab with id: ${id}`);
    return tab;
  };
  const updateTab = vi.fn(async (id: number, info: { url?: string }) => ({ ...tabs.get(id), ...info }));
  tabsApi.update = updateTab;
  const windowsApi = fakeBrowser.windows as unknown as Record<string, unknown>;
  windowsApi.get = async (id: number) => {
    const state = windowStates.get(id);
    if (!state) throw new Error(`No window with id: ${id}`);
    return { id, state };
  };
  const updateWindow = vi.fn(async (id: number, info: { state?: string }) => {
    if (info.state) windowStates.set(id, info.state);
    return { id, state: windowStates.get(id) };
  });
  windowsApi.update = updateWindow;
  const removeWindow = vi.fn(async (id: number) => void windowStates.delete(id));
  windowsApi.remove = removeWindow;
  dropListeners(fakeBrowser.webNavigation);
  return {
    windowStates,
    tabs,
    onMessageExternal,
    onConnectExternal,
    sendToTab,
    removeTab,
    updateTab,
    updateWindow,
    removeWindow,
  };
}

function dropListeners(api: object): void {
  for (const value of Object.values(api)) {
    const event = value as { removeAllListeners?: unknown } | null;
    if (typeof event?.removeAllListeners === 'function') event.removeAllListeners();
  }
}

/** A fresh worker with a fresh browser (storage too). */
export async function startWorker() {
  fakeBrowser.reset();
  const browser = patchBrowser();
  const chrome = fakeChrome();
  const bg = startBackground(chrome);
  await idle(bg);
  return { browser, chrome, bg, fake: fakeBrowser };
}

/**
 * The worker was stopped and started again: memory and listeners gone, storage.session and the
 * browser (tabs, windows, session rules) kept.
 */
export async function restartWorker(old: Background, chrome: FakeChrome, kept: BrowserWorld) {
  old.dispose();
  for (const api of [
    fakeBrowser.tabs,
    fakeBrowser.windows,
    fakeBrowser.runtime,
    fakeBrowser.alarms,
    fakeBrowser.action,
  ]) {
    dropListeners(api);
  }
  chrome.boundsChanged.removeAllListeners();
  const browser = patchBrowser(kept);
  const bg = startBackground(chrome);
  await idle(bg);
  return { browser, bg };
}

/** Waits until every handler queued so far has run. */
export async function idle(bg: Background): Promise<void> {
  await bg.serial(async () => undefined);
}
