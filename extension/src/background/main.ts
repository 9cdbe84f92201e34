import browser, { type Runtime } from 'webextension-polyfill';
import { Background } from './background';
import { onActionClicked } from './capture';
import type { ChromeApis } from './chrome-apis';
import { handleContentMessage } from './content-link';
import { checkEnvironment } from './environment/check';
import { ENVIRONMENT_ALARM, ENVIRONMENT_PERIOD_MINUTES, showLocked } from './lockdown';
import { acceptPort } from './port';
import { handleExternalRequest } from './requests';
import {
  onBeforeNavigate,
  onBoundsChanged,
  onCommitted,
  onFocusChanged,
  onNavigationError,
  onTabCreated,
  onTabRemoved,
  onWindowCreated,
} from './watchers';

/**
 * Registers every listener synchronously (an MV3 worker woken by an event only gets it if the
 * listener is added in the first turn), then restores the lockdown from storage.session. The
 * handlers do nothing when no lockdown is active.
 */
export function startBackground(chrome: ChromeApis): Background {
  const bg = new Background(chrome);
  const serially = (task: () => Promise<unknown>) => void bg.serial(task);

  browser.runtime.onMessageExternal.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handleExternalRequest(bg, message, sender),
  );
  browser.runtime.onConnectExternal.addListener((port) => serially(() => acceptPort(bg, port)));
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handleContentMessage(bg, message, sender),
  );

  browser.tabs.onCreated.addListener((tab) => serially(() => onTabCreated(bg, tab)));
  browser.tabs.onRemoved.addListener((tabId) => serially(() => onTabRemoved(bg, tabId)));
  browser.windows.onCreated.addListener((window) => serially(() => onWindowCreated(bg, window)));
  browser.windows.onFocusChanged.addListener((windowId) => serially(() => onFocusChanged(bg, windowId)));
  chrome.onWindowBoundsChanged.addListener((window) => serially(() => onBoundsChanged(bg, window.id)));
  browser.webNavigation.onBeforeNavigate.addListener((details) =>
    serially(() => onBeforeNavigate(bg, details)),
  );
  browser.webNavigation.onCommitted.addListener((details) => serially(() => onCommitted(bg, details)));
  browser.webNavigation.onErrorOccurred.addListener((details) =>
    serially(() => onNavigationError(bg, details)),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ENVIRONMENT_ALARM) return;
    serially(async () => {
      if (bg.lockdown) await checkEnvironment(bg);
      else await browser.alarms.clear(ENVIRONMENT_ALARM);
    });
  });
  browser.action.onClicked.addListener(() => serially(() => onActionClicked(bg)));

  serially(() => resume(bg));
  return bg;
}

/** After a worker restart: the lockdown's alarm and badge are back; the page reconnects its port. */
async function resume(bg: Background): Promise<void> {
  if (!bg.lockdown) return;
  const alarm = await browser.alarms.get(ENVIRONMENT_ALARM);
  if (!alarm) await browser.alarms.create(ENVIRONMENT_ALARM, { periodInMinutes: ENVIRONMENT_PERIOD_MINUTES });
  await showLocked(true);
}
