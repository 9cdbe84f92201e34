import { useAuth } from '@adal/shared/web';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { type CheckInput, ExtensionChecker, type ExtensionCheckState } from './extension-check.js';
import { extensionRuntime, isChromium } from './extension-runtime.js';
import { extensionServer } from './extension-server.js';

export interface ExtensionCheck {
  state: ExtensionCheckState;
  /** Asks the extension again (after installing or updating it). */
  recheck(): void;
}

/**
 * Whether our extension is installed and answering this exam page (issue 8), checked when the
 * sitting's pages open and on `recheck()`. Without `chrome.runtime` nothing is sent anywhere.
 */
export function useExtension(sittingId: string, input?: () => CheckInput): ExtensionCheck {
  const { callApi } = useAuth();
  const checker = useMemo(
    () =>
      new ExtensionChecker(
        input ??
          (() => ({
            // Read again on every check: the page may have gained `chrome.runtime` since.
            runtime: extensionRuntime(),
            chromium: isChromium(),
            server: extensionServer(callApi, sittingId),
          })),
      ),
    [callApi, sittingId, input],
  );
  useEffect(() => {
    void checker.recheck();
    return () => checker.dispose();
  }, [checker]);
  const state = useSyncExternalStore(checker.subscribe, checker.current, checker.current);
  return useMemo(() => ({ state, recheck: () => void checker.recheck() }), [state, checker]);
}
