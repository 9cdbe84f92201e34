import { useTranslation } from 'react-i18next';
import { TEST_STEPS, type TestStep } from './steps.js';

/** Where the student is on the way to the test: the steps, then the test itself. */
export function StepList({ current }: { current: TestStep }) {
  const { t } = useTranslation();
  const index = TEST_STEPS.indexOf(current);
  return (
    <nav aria-label={t('test.steps.label')}>
      <ol className="test-steps">
        {[...TEST_STEPS, 'test' as const].map((step, i) => (
          <li
            key={step}
            aria-current={step === current ? 'step' : undefined}
            data-done={i < index ? 'true' : undefined}
          >
            {t(`test.steps.${step}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
