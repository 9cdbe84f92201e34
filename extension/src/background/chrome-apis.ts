/**
 * The chrome.* APIs that webextension-polyfill does not cover, behind small typed adapters so the
 * tests can hand in fakes. Only this file touches `chrome`.
 */

export interface SessionRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' };
  condition: { tabIds: number[]; resourceTypes: ('main_frame' | 'sub_frame')[]; urlFilter?: string };
}

/** What `management.getAll()` says of an extension, narrowed to what the risk check reads. */
export interface InstalledExtension {
  id: string;
  name: string;
  version: string;
  enabled: boolean;
  type: string;
  permissions: string[];
  hostPermissions: string[];
}

export interface WindowBoundsEvent {
  addListener(listener: (window: { id?: number }) => void): void;
}

export interface ChromeApis {
  sessionRules: {
    update(change: { addRules?: SessionRule[]; removeRuleIds?: number[] }): Promise<void>;
    get(): Promise<SessionRule[]>;
  };
  installedExtensions(): Promise<InstalledExtension[]>;
  displayCount(): Promise<number>;
  /** A stream id for getUserMedia of `targetTabId`, usable by `consumerTabId`. */
  tabCaptureStreamId(targetTabId: number, consumerTabId: number): Promise<string>;
  onWindowBoundsChanged: WindowBoundsEvent;
}

export function chromeApis(): ChromeApis {
  return {
    sessionRules: {
      update: (change) => chrome.declarativeNetRequest.updateSessionRules(change),
      get: async () => (await chrome.declarativeNetRequest.getSessionRules()) as SessionRule[],
    },
    installedExtensions: async () =>
      (await chrome.management.getAll()).map((e) => ({
        id: e.id,
        name: e.name,
        version: e.version,
        enabled: e.enabled,
        type: e.type,
        permissions: e.permissions ?? [],
        hostPermissions: e.hostPermissions ?? [],
      })),
    displayCount: async () => (await chrome.system.display.getInfo()).length,
    tabCaptureStreamId: (targetTabId, consumerTabId) =>
      new Promise((resolve, reject) => {
        chrome.tabCapture.getMediaStreamId({ targetTabId, consumerTabId }, (streamId) => {
          const error = chrome.runtime.lastError;
          if (error || !streamId) reject(new Error(error?.message ?? 'no stream id'));
          else resolve(streamId);
        });
      }),
    onWindowBoundsChanged: chrome.windows.onBoundsChanged,
  };
}
