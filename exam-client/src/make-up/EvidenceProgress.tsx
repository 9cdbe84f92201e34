import { useTranslation } from 'react-i18next';

export type SendPhase = 'reading' | 'uploading' | 'checking';

/** Reading the file, then sending it: a labelled bar; then a line while the server checks it. */
export function EvidenceProgress({ phase, sent, total }: { phase: SendPhase; sent: number; total: number }) {
  const { t } = useTranslation();
  if (phase === 'checking')
    return (
      <p className="muted" role="status">
        {t('makeUp.student.form.checking')}
      </p>
    );
  const percent = total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0;
  const label = phase === 'reading' ? t('makeUp.student.form.reading') : t('makeUp.student.form.progress');
  return (
    <div className="evidence-progress">
      <span>{label}</span>
      <div
        className="evidence-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
        data-testid="evidence-progress"
      >
        <span className="evidence-progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
