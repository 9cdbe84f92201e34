import type { SittingKind } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasGradeSheet } from './grade-draft.js';
import './grading-link.css';

/**
 * The way from an oral, written or state exam's card to its grade sheet. Shown to every staff
 * member who sees the card: examiners grade there, the others read.
 */
export function GradingLink({
  sittingId,
  discipline,
  kind,
}: {
  sittingId: string;
  discipline: string;
  kind: SittingKind;
}) {
  const { t } = useTranslation();
  if (!hasGradeSheet(kind)) return null;
  return (
    <p className="grading-link-row">
      <Link
        className="button-link-secondary grading-link"
        to={`/sittings/${sittingId}/grading`}
        aria-label={t('grading.linkLabel', { discipline })}
        data-testid="grading-link"
      >
        {t('grading.link')}
      </Link>
    </p>
  );
}
