// The service worker's entry: listeners at top level, state restored from storage.session.
import { config } from 'zod';
import { onActionClicked } from './capture';
import { chromeApis } from './chrome-apis';
import { startBackground } from './main';

// Extension pages forbid eval: keep zod from probing for it (a CSP error in the console).
config({ jitless: true });

const background = startBackground(chromeApis());

/**
 * The toolbar button's action, reachable from the worker's own console (support staff with
 * chrome://inspect, and the browser e2e test, which cannot click the toolbar). No web page or
 * other extension can reach the service worker's global scope.
 */
Object.assign(globalThis, {
  adalProctor: { shareExamTab: () => background.serial(() => onActionClicked(background)) },
});
