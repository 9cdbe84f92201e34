import type { ExtensionStatus } from '@adal/shared';
import { createI18n } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ChecksStepView } from '../computer-test/ChecksStep.js';
import { ExtensionCheck } from './ExtensionCheck.js';
import { type ExtensionCheckState, ExtensionRefused } from './extension-check.js';
import { LockdownBar } from './LockdownBar.js';
import { LOCKDOWN_OFF } from './lockdown-session.js';
import type { ExtensionCheck as Check } from './use-extension.js';

/** Rendered on the server side of React: no effects run, so nothing is asked of anyone. */
const render = (node: ReactNode, language: 'en' | 'kk' | 'ru' = 'en') =>
  renderToStaticMarkup(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>);

const status: ExtensionStatus = {
  version: '0.1.0',
  extensionId: 'pmfddhefenggdfpdboglileoahdjohga',
  handshakeAt: '2025-06-01T09:00:00.000Z',
  lastHeartbeatAt: null,
  lockdownActive: false,
  silent: false,
  environment: null,
};
const check = (state: ExtensionCheckState): Check => ({ state, recheck: () => {} });
const connected = check({ status: 'connected', version: '0.1.0', extension: status });
const missing = check({ status: 'missing', reloadNeeded: false });

const checks = (
  extension: Check,
  extensionRequired: boolean | null,
  devicesReady = true,
  policiesLoading = false,
) =>
  render(
    <ChecksStepView
      devicesReady={devicesReady}
      extension={extension}
      extensionRequired={extensionRequired}
      policiesLoading={policiesLoading}
      onNext={() => {}}
    />,
  );
const nextDisabled = (html: string) => /<button type="button" class="button-primary" disabled=""/.test(html);

describe('the checks step with the extension', () => {
  it('keeps Next disabled with the reason when the extension is required and missing', () => {
    const html = checks(missing, true);
    expect(nextDisabled(html)).toBe(true);
    expect(html).toContain('The proctoring extension is required for this test.');
    expect(html).toContain('The proctoring extension is not installed or is turned off in this browser.');
    expect(html).toContain('Open chrome://extensions and turn on Developer mode.');
    expect(html).toContain('Click Load unpacked and choose the extension/dist folder.');
    expect(html).toContain('ask your IT office');
    expect(html).toContain('>Check again</button>');
  });

  it('enables Next once the required extension is connected', () => {
    const html = checks(connected, true);
    expect(nextDisabled(html)).toBe(false);
    expect(html).toContain('The proctoring extension is connected (version 0.1.0).');
    expect(html).not.toContain('required for this test');
    // The camera and microphone still gate it.
    expect(nextDisabled(checks(connected, true, false))).toBe(true);
  });

  it('shows nothing of the extension when the test does not require it and there is none', () => {
    for (const state of [missing, check({ status: 'unsupported' }), check({ status: 'checking' })]) {
      const html = checks(state, false);
      expect(html).not.toContain('extension');
      expect(nextDisabled(html)).toBe(false);
    }
  });

  it('shows a present extension for information when it is not required', () => {
    const html = checks(connected, false);
    expect(html).toContain('This test does not require the extension');
    expect(nextDisabled(html)).toBe(false);
  });

  it('waits for the schedule to say whether the extension is required', () => {
    expect(nextDisabled(checks(missing, null, true, true))).toBe(true);
  });
});

describe('ExtensionCheck', () => {
  it('says which browser to use where the extension cannot be installed', () => {
    const html = render(<ExtensionCheck check={check({ status: 'unsupported' })} required />);
    expect(html).toContain('Use Google Chrome or Chromium on a computer.');
    expect(html).not.toContain('Check again');
  });

  it('asks for a reload when Chrome gave the page no runtime, and names the outdated version', () => {
    const reload = render(
      <ExtensionCheck check={check({ status: 'missing', reloadNeeded: true })} required />,
    );
    expect(reload).toContain('Then reload this page.');
    expect(reload).toContain('>Reload the page</button>');
    const outdated = render(
      <ExtensionCheck check={check({ status: 'outdated', version: '0.0.9', protocol: 1 })} required />,
    );
    expect(outdated).toContain('out of date (version 0.0.9). Update it to version 0.1.0 or later.');
  });

  it("shows the extension's or the server's error", () => {
    const refused = render(
      <ExtensionCheck
        check={check({ status: 'failed', error: new ExtensionRefused('forbidden_origin', 'no') })}
        required
      />,
    );
    expect(refused).toContain('The extension answered with an error: forbidden_origin.');
  });

  it('is translated', () => {
    expect(render(<ExtensionCheck check={missing} required />, 'ru')).toContain(
      'Расширение прокторинга не установлено',
    );
    expect(render(<ExtensionCheck check={missing} required />, 'kk')).toContain('Прокторинг кеңейтімі');
  });
});

describe('LockdownBar', () => {
  it('is empty while the lockdown is off', () => {
    expect(render(<LockdownBar lockdown={LOCKDOWN_OFF} />)).toBe('');
  });

  it('asks to share the tab until it is shared', () => {
    const on = render(<LockdownBar lockdown={{ ...LOCKDOWN_OFF, on: true }} />);
    expect(on).toContain(
      'Exam mode is on: other tabs are closed, copying and leaving the page are blocked and logged.',
    );
    expect(on).toContain(
      'Click the Adal Proctor button in your browser&#x27;s toolbar to share this exam tab with the proctor.',
    );
    const shared = render(<LockdownBar lockdown={{ ...LOCKDOWN_OFF, on: true, tabShared: true }} />);
    expect(shared).toContain('This tab is shared with the proctor.');
    expect(shared).not.toContain('Click the Adal Proctor button');
  });

  it('tells why the tab or the lockdown failed', () => {
    const failed = render(
      <LockdownBar
        lockdown={{ ...LOCKDOWN_OFF, on: true, captureError: 'Extension has not been invoked' }}
      />,
    );
    expect(failed).toContain('This tab could not be shared (Extension has not been invoked).');
    expect(render(<LockdownBar lockdown={{ ...LOCKDOWN_OFF, startError: 'no_tab' }} />)).toContain(
      'Exam mode could not be turned on (no_tab). Tell the proctor.',
    );
  });
});
