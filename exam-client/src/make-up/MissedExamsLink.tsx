import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { makeUpPaths } from './paths.js';
import './make-up.css';

/** The schedule's way to the "Missed exams" page. */
export function MissedExamsLink() {
  const { t } = useTranslation();
  return (
    <Link className="missed-exams-link" to={makeUpPaths.missed}>
      {t('makeUp.student.link')}
    </Link>
  );
}
