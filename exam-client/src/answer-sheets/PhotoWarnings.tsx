import { useTranslation } from 'react-i18next';
import { photoWarnings } from './photo-checks.js';
import type { PhotoCheckState } from './use-photo-check.js';

/** What the browser's checks found in the chosen photo: warnings only, the upload stays possible. */
export function PhotoWarnings({ state }: { state: PhotoCheckState }) {
  const { t } = useTranslation();
  if (state === 'checking')
    return (
      <p className="muted" role="status">
        {t('writtenExam.sheets.checking')}
      </p>
    );
  if (state === null)
    return (
      <p className="muted" data-testid="photo-unchecked">
        {t('writtenExam.sheets.warnings.unchecked')}
      </p>
    );
  const warnings = photoWarnings(state);
  if (warnings.length === 0) return null;
  const sides = (state.cutSides ?? []).map((side) => t(`writtenExam.sheets.sides.${side}`)).join(', ');
  return (
    <div
      className="photo-warnings"
      role="status"
      data-testid="photo-warnings"
      data-warnings={warnings.join(' ')}
    >
      <p>
        <strong>{t('writtenExam.sheets.warnings.title')}</strong>
      </p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning} data-warning={warning}>
            {warning === 'edges'
              ? t('writtenExam.sheets.warnings.edges', { sides })
              : t(`writtenExam.sheets.warnings.${warning}`)}
          </li>
        ))}
      </ul>
      <p>{t('writtenExam.sheets.warnings.uploadAnyway')}</p>
    </div>
  );
}
