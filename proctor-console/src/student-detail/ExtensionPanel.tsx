import type { ExtensionStatus } from '@adal/shared';
import { ErrorNotice, Loading, type ResourceState } from '@adal/shared/web';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from './entries.js';
import { ago, extensionState } from './extension-status.js';
import { useExtensionStatus } from './use-extension-status.js';

/** "12 s ago" counts on between polls. */
const TICK_MS = 1000;

/** The student's exam extension (issue 8): version, heartbeats, lockdown, displays, other extensions. */
export function ExtensionPanel({ sittingId, studentId }: { sittingId: string; studentId: string }) {
  const status = useExtensionStatus(sittingId, studentId);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return <ExtensionPanelView state={status.state} now={now} onRetry={status.reload} />;
}

interface ExtensionPanelViewProps {
  state: ResourceState<ExtensionStatus>;
  now: number;
  onRetry: () => void;
}

/** The panel for a loaded (or loading) status; exported for its render test. */
export function ExtensionPanelView({ state, now, onRetry }: ExtensionPanelViewProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const status = state.status === 'ready' ? state.data : null;
  const shown = state.status === 'ready' ? extensionState(status) : null;
  return (
    <section className="card sd-extension" aria-labelledby={titleId} data-status={shown ?? 'loading'}>
      <div className="page-head">
        <h2 id={titleId}>{t('extensionConsole.title')}</h2>
        {shown && (
          <span className="badge sd-extension-status" data-status={shown}>
            {t(`extensionConsole.status.${shown}`)}
          </span>
        )}
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={onRetry} />}
      {shown === 'none' && <p className="muted">{t('extensionConsole.noneYet')}</p>}
      {status && shown !== 'none' && <ExtensionFacts status={status} now={now} />}
    </section>
  );
}

function ExtensionFacts({ status, now }: { status: ExtensionStatus; now: number }) {
  const { t } = useTranslation();
  const since = (iso: string) => {
    const { unit, count } = ago(iso, now);
    return t(unit === 'seconds' ? 'extensionConsole.secondsAgo' : 'extensionConsole.minutesAgo', { count });
  };
  const env = status.environment;
  return (
    <>
      {status.silent && (
        <p className="notice notice-error" role="alert" data-testid="extension-silent">
          {t('extensionConsole.silentWarning')}
        </p>
      )}
      <dl className="sd-extension-facts">
        <dt>{t('extensionConsole.version')}</dt>
        <dd>{status.version}</dd>
        <dt>{t('extensionConsole.connectedAt')}</dt>
        <dd>
          {status.handshakeAt && <time dateTime={status.handshakeAt}>{clockTime(status.handshakeAt)}</time>}
        </dd>
        <dt>{t('extensionConsole.lastHeartbeat')}</dt>
        <dd>
          {status.lastHeartbeatAt ? (
            <time dateTime={status.lastHeartbeatAt}>{since(status.lastHeartbeatAt)}</time>
          ) : (
            t('extensionConsole.noHeartbeat')
          )}
        </dd>
        <dt>{t('extensionConsole.lockdown')}</dt>
        <dd data-lockdown={status.lockdownActive}>
          {t(status.lockdownActive ? 'extensionConsole.lockdownOn' : 'extensionConsole.lockdownOff')}
        </dd>
        <dt>{t('extensionConsole.displays')}</dt>
        <dd>{env ? env.displays : t('extensionConsole.notReported')}</dd>
      </dl>
      {env && env.displays > 1 && (
        <p className="notice sd-extension-warning" data-testid="extension-displays">
          {t('extensionConsole.manyDisplays')}
        </p>
      )}
      {env && (
        <>
          <h3>{t('extensionConsole.extensions')}</h3>
          {env.extensions.length === 0 ? (
            <p className="muted">{t('extensionConsole.noExtensions')}</p>
          ) : (
            <ul className="sd-extension-list">
              {env.extensions.map((e) => (
                <li key={e.id} data-risky={e.risks.length > 0}>
                  {e.name} {e.version}
                  {!e.enabled && <span className="muted"> · {t('extensionConsole.disabled')}</span>}
                  {e.risks.length > 0 && (
                    <span className="sd-extension-risk">
                      {' '}
                      · {t('extensionConsole.risks', { risks: e.risks.join(', ') })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
