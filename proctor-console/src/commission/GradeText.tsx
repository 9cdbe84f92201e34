import type { GradeValue } from '@adal/shared';
import { useTranslation } from 'react-i18next';

/** A final grade in the four transcript columns: percent, letter, points, traditional grade. */
export function GradeText({ grade }: { grade: GradeValue }) {
  const { t } = useTranslation();
  return (
    <span className="commission-grade" data-letter={grade.letter}>
      <strong>{grade.percent} %</strong>{' '}
      {t('grading.preview', {
        letter: grade.letter,
        points: grade.gpaPoints.toFixed(2),
        traditional: t(`appeals.traditionalGrades.${grade.traditional}`),
      })}
    </span>
  );
}
