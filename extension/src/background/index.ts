// The service worker's entry: listeners at top level, state restored from storage.session.
import { config } from 'zod';
import { chromeApis } from './chrome-apis';
import { startBackground } from './main';

// Extension pages forbid eval: keep zod from probing for it (a CSP error in the console).
config({ jitless: true });

startBackground(chromeApis());
