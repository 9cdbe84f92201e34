import type { FaceMatchResult } from '@adal/shared';
import { useTranslation } from 'react-i18next';

/** The face match as a sentence with its distance and threshold; advice, the proctor decides. */
export function FaceMatchLine({ faceMatch }: { faceMatch: FaceMatchResult }) {
  const { t } = useTranslation();
  return (
    <p className="face-match" data-verdict={faceMatch.verdict}>
      {t(`identityDocument.faceMatch.${faceMatch.verdict}`, {
        distance: faceMatch.distance?.toFixed(2),
        threshold: faceMatch.threshold.toFixed(2),
      })}{' '}
      <span className="muted">{t('identityDocument.faceMatch.advice')}</span>
    </p>
  );
}
