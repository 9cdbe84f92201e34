import { useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTestFlow } from './flow-context.js';
import { testPaths } from './paths.js';

/** exam-procedures.md, "Rules during every exam". */
const RULES = ['camera', 'microphone', 'desk', 'aids', 'recorded'] as const;

/** The rules page: read to the end, tick "I agree" (seed 001). */
export function RulesStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sittingId, rulesAgreed, setRulesAgreed } = useTestFlow();
  useDocumentTitle(t('test.rules.title'));
  return (
    <section className="card test-step" aria-labelledby="rules-title">
      <h1 id="rules-title">{t('test.rules.title')}</h1>
      <p className="muted">{t('test.rules.intro')}</p>
      <ul className="rules-list">
        {RULES.map((rule) => (
          <li key={rule}>{t(`test.rules.items.${rule}`)}</li>
        ))}
      </ul>
      <label className="tick">
        <input
          type="checkbox"
          checked={rulesAgreed}
          onChange={(event) => setRulesAgreed(event.target.checked)}
        />
        <span>{t('test.rules.agree')}</span>
      </label>
      <div className="step-actions">
        <button
          type="button"
          className="button-primary"
          disabled={!rulesAgreed}
          onClick={() => navigate(testPaths.step(sittingId, 'info'))}
        >
          {t('test.rules.next')}
        </button>
      </div>
    </section>
  );
}
