import { MIN_EXTENSION_VERSION } from '@adal/shared/extension';
import { errorMessage } from '@adal/shared/web';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type ExtensionCheckState, ExtensionRefused } from './extension-check.js';
import type { ExtensionCheck as Check } from './use-extension.js';
import './extension.css';

/** Whether the checks step may go on: a required extension must be connected. */
export const extensionSatisfied = (required: boolean, state: ExtensionCheckState): boolean =>
  !required || state.status === 'connected';

/**
 * The extension's line in the computer test's checks: its state and, when it is missing or out of
 * date, how to install it. A test that does not require it shows it only when it answered.
 */
export function ExtensionCheck({ check, required }: { check: Check; required: boolean }) {
  const { t } = useTranslation();
  const { state } = check;
  if (!required && state.status !== 'connected' && state.status !== 'outdated') return null;
  const reloadNeeded = state.status === 'missing' && state.reloadNeeded;
  return (
    <section className="extension-check" aria-labelledby="extension-check-title" data-state={state.status}>
      <h2 id="extension-check-title">{t('extension.title')}</h2>
      {!required && <p className="muted">{t('extension.optional')}</p>}
      <p className="extension-state" role="status" data-state={state.status}>
        {statusLine(t, state)}
      </p>
      {state.status === 'failed' && (
        <p className="form-error" role="alert">
          {state.error instanceof ExtensionRefused
            ? t('extension.refused', { code: state.error.code })
            : errorMessage(t, state.error)}
        </p>
      )}
      {state.status === 'unsupported' && <p>{t('extension.unsupportedHelp')}</p>}
      {(state.status === 'missing' || state.status === 'outdated') && (
        <InstallHelp reloadNeeded={reloadNeeded} />
      )}
      {(state.status === 'missing' || state.status === 'outdated' || state.status === 'failed') && (
        <div className="step-actions">
          <button
            type="button"
            className="button-secondary"
            // Chrome gives a page `chrome.runtime` only when it loads after the install.
            onClick={reloadNeeded ? () => window.location.reload() : check.recheck}
          >
            {reloadNeeded ? t('extension.reload') : t('extension.recheck')}
          </button>
        </div>
      )}
    </section>
  );
}

function statusLine(t: TFunction, state: ExtensionCheckState): string {
  switch (state.status) {
    case 'outdated':
      return t('extension.status.outdated', { version: state.version, minimum: MIN_EXTENSION_VERSION });
    case 'connected':
      return t('extension.status.connected', { version: state.version });
    default:
      return t(`extension.status.${state.status}`);
  }
}

function InstallHelp({ reloadNeeded }: { reloadNeeded: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="extension-install">
      <h3>{t('extension.install.title')}</h3>
      <p>{t('extension.install.university')}</p>
      <p>{t('extension.install.testing')}</p>
      <ol>
        <li>{t('extension.install.build')}</li>
        <li>{t('extension.install.developerMode')}</li>
        <li>{t('extension.install.loadUnpacked')}</li>
      </ol>
      {reloadNeeded && <p>{t('extension.install.reloadHint')}</p>}
    </div>
  );
}
