import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { appealPaths } from './paths.js';
import './appeals.css';

/** The schedule's way to the "Passed tests" page (seed 002: «Оқу үдерісі — Апелляция»). */
export function PassedTestsLink() {
  const { t } = useTranslation();
  return (
    <Link className="passed-tests-link" to={appealPaths.passedTests}>
      {t('appeals.passed.link')}
    </Link>
  );
}
