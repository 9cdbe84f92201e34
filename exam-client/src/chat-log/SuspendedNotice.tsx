import { useTranslation } from 'react-i18next';
import type { Suspension } from './instructions.js';
import { useLogWords } from './use-log-words.js';
import './chat-log.css';

interface SuspendedNoticeProps {
  /** From the log's 'suspended' entry: what stopped (null until that entry is here). */
  suspension: Suspension | null;
  /** The attempt's clock stands still (the sitting's policy, or a proctor pause as well). */
  clockStopped: boolean;
  pausedByProctor: boolean;
}

/**
 * The webcam or the screen stopped (seed 004: a camera disconnect suspends the exam until the
 * student reconnects). Not a modal: the devices panel must stay reachable to turn it back on.
 */
export function SuspendedNotice({ suspension, clockStopped, pausedByProctor }: SuspendedNoticeProps) {
  const { t } = useTranslation();
  const words = useLogWords();
  const sources = suspension?.sources ?? [];
  // Unknown (entry not here yet): tell them about both.
  const webcam = sources.length === 0 || sources.includes('webcam');
  const screen = sources.length === 0 || sources.includes('screen');

  return (
    <section
      className="notice notice-error suspended-notice"
      role="alert"
      aria-labelledby="suspended-title"
      data-testid="suspended"
      data-clock={clockStopped ? 'stopped' : 'running'}
    >
      <div>
        <h2 id="suspended-title">{t('studentLog.suspended.title')}</h2>
        <p>
          {sources.length > 0
            ? t('studentLog.suspended.lost', { sources: words.sources(sources) })
            : t('studentLog.suspended.lostUnknown')}
        </p>
        <ul>
          {webcam && <li>{t('studentLog.suspended.webcam')}</li>}
          {screen && <li>{t('studentLog.suspended.screen', { button: t('media.devices.shareAgain') })}</li>}
        </ul>
        <p>{t('studentLog.suspended.continues')}</p>
        <p>{t('studentLog.suspended.locked')}</p>
        <p>
          <strong>
            {clockStopped ? t('studentLog.suspended.clockStopped') : t('studentLog.suspended.clockRuns')}
          </strong>
        </p>
        {pausedByProctor && <p>{t('studentLog.suspended.alsoPaused')}</p>}
      </div>
      <button type="button" className="button-secondary" onClick={showDevices}>
        {t('studentLog.suspended.showDevices')}
      </button>
    </section>
  );
}

/** Opens the test's devices panel (folded away under its summary once the pre-checks passed) and goes to it. */
function showDevices() {
  const panel = document.querySelector<HTMLDetailsElement>('details.test-devices');
  if (!panel) return;
  panel.open = true;
  panel.scrollIntoView({ block: 'start' });
  panel.querySelector<HTMLElement>('summary')?.focus();
}
