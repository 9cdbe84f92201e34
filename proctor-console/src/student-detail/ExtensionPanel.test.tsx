import type { ExtensionStatus, Language } from '@adal/shared';
import {
  AuthProvider,
  type CallApi,
  createI18n,
  LanguageProvider,
  type ResourceState,
} from '@adal/shared/web';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExtensionPanelView } from './ExtensionPanel.js';
import { ago, extensionState } from './extension-status.js';

const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

const NOW = Date.parse('2026-06-01T09:20:00.000Z');
const connected: ExtensionStatus = {
  version: '0.2.1',
  extensionId: 'pmfddhefenggdfpdboglileoahdjohga',
  handshakeAt: '2026-06-01T09:02:00.000Z',
  lastHeartbeatAt: '2026-06-01T09:19:48.000Z',
  lockdownActive: true,
  silent: false,
  environment: {
    displays: 1,
    extensions: [
      { id: 'a'.repeat(32), name: 'Grammarly', version: '14.1', enabled: true, risks: [] },
      {
        id: 'b'.repeat(32),
        name: 'Quick Answers',
        version: '2.0',
        enabled: true,
        risks: ['deny-list', 'reads every page'],
      },
    ],
  },
};
const never: ExtensionStatus = {
  version: null,
  extensionId: null,
  handshakeAt: null,
  lastHeartbeatAt: null,
  lockdownActive: false,
  silent: false,
  environment: null,
};

function render(state: ResourceState<ExtensionStatus>, language: Language = 'en') {
  return renderToString(
    <AuthProvider api={neverCalled}>
      <LanguageProvider i18n={createI18n(language)}>
        <ExtensionPanelView state={state} now={NOW} onRetry={() => {}} />
      </LanguageProvider>
    </AuthProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('the extension panel', () => {
  it('shows the version, when it connected, the last heartbeat, the lockdown and the other extensions with their risks', () => {
    const html = render({ status: 'ready', data: connected });
    expect(html).not.toMatch(/extensionConsole\./);
    const shown = text(html);
    expect(shown).toContain('Connected');
    expect(shown).toContain('Version 0.2.1');
    expect(shown).toContain('Last heartbeat 12 s ago');
    expect(shown).toContain('Lockdown On');
    expect(shown).toContain('Displays 1');
    expect(shown).toContain('Grammarly 14.1');
    expect(shown).toContain('Quick Answers 2.0 · Risk: deny-list, reads every page');
    expect(html).not.toContain('data-testid="extension-silent"');
    expect(html).not.toContain('data-testid="extension-displays"');
  });

  it('warns when the extension is silent and when more than one display is connected', () => {
    const silent: ExtensionStatus = {
      ...connected,
      silent: true,
      lastHeartbeatAt: '2026-06-01T09:16:30.000Z',
      environment: { displays: 2, extensions: [] },
    };
    const html = render({ status: 'ready', data: silent });
    const shown = text(html);
    expect(html).toContain('data-status="silent"');
    expect(html).toContain('data-testid="extension-silent"');
    expect(shown).toContain('Last heartbeat 3 min ago');
    expect(html).toContain('data-testid="extension-displays"');
    expect(shown).toContain('More than one display is connected.');
    expect(shown).toContain('Other extensions None');
  });

  it('says plainly when the extension never connected, in every language', () => {
    expect(text(render({ status: 'ready', data: never }))).toContain('has not connected in this sitting yet');
    expect(render({ status: 'ready', data: never })).not.toContain('Version');
    expect(text(render({ status: 'ready', data: never }, 'kk'))).toContain('Қосылмаған');
    expect(text(render({ status: 'ready', data: never }, 'ru'))).toContain('Не подключено');
    expect(render({ status: 'ready', data: connected }, 'kk')).not.toMatch(/extensionConsole\./);
    expect(text(render({ status: 'ready', data: connected }, 'ru'))).toContain('12 с назад');
  });

  it('derives the state and the time since a heartbeat', () => {
    expect(extensionState(null)).toBe('none');
    expect(extensionState(never)).toBe('none');
    expect(extensionState(connected)).toBe('connected');
    expect(extensionState({ ...connected, silent: true })).toBe('silent');
    expect(ago('2026-06-01T09:19:59.000Z', NOW)).toEqual({ unit: 'seconds', count: 1 });
    expect(ago('2026-06-01T09:20:05.000Z', NOW)).toEqual({ unit: 'seconds', count: 0 });
    expect(ago('2026-06-01T09:10:00.000Z', NOW)).toEqual({ unit: 'minutes', count: 10 });
  });
});
