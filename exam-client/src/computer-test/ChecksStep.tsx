import { useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTestFlow } from './flow-context.js';
import { InfoNotices } from './InfoNotices.js';
import { testPaths } from './paths.js';
import { stepAfter } from './steps.js';

/**
 * Pre-check: the camera and microphone must reach the proctor (the device check below does the
 * work; the SFU's `media:sourceChanged` says when both are live).
 */
export function ChecksStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sittingId, devicesReady } = useTestFlow();
  useDocumentTitle(t('test.checks.title'));
  return (
    <section className="card test-step" aria-labelledby="checks-title">
      <h1 id="checks-title">{t('test.checks.title')}</h1>
      <InfoNotices />
      <p>{t('test.checks.intro')}</p>
      <p className={devicesReady ? 'notice notice-info' : 'muted'} role="status" data-ready={devicesReady}>
        {devicesReady ? t('test.checks.ready') : t('test.checks.waiting')}
      </p>
      <div className="step-actions">
        <button
          type="button"
          className="button-primary"
          disabled={!devicesReady}
          onClick={() => navigate(testPaths.step(sittingId, stepAfter('checks') ?? 'rules'))}
        >
          {t('test.checks.next')}
        </button>
      </div>
    </section>
  );
}
