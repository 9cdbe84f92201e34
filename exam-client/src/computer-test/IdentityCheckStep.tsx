import { useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IdentityCheck } from '../identity/IdentityCheck.js';
import { useTestFlow } from './flow-context.js';
import { testPaths } from './paths.js';
import { stepAfter } from './steps.js';

/**
 * Identity check before the rules (seed 001). "Next" is always there: the check is advice for
 * the proctor, who admits the student either way and sees "not checked" when none was sent.
 */
export function IdentityCheckStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sittingId, socket } = useTestFlow();
  useDocumentTitle(t('identityDocument.step.title'));
  return (
    <section className="card test-step" aria-labelledby="identity-title">
      <h1 id="identity-title">{t('identityDocument.step.title')}</h1>
      <IdentityCheck key={sittingId} sittingId={sittingId} socket={socket} />
      <p className="muted">{t('identityDocument.step.optional')}</p>
      <div className="step-actions">
        <button
          type="button"
          className="button-primary"
          onClick={() => navigate(testPaths.step(sittingId, stepAfter('identity') ?? 'rules'))}
        >
          {t('identityDocument.step.next')}
        </button>
      </div>
    </section>
  );
}
