import { useTranslation } from 'react-i18next';

/** A page's upload progress: a labelled progress bar with the percent as its value. */
export function UploadProgress({
  pageNumber,
  sent,
  total,
}: {
  pageNumber: number;
  sent: number;
  total: number;
}) {
  const { t } = useTranslation();
  const percent = total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0;
  return (
    <div
      className="upload-progress"
      role="progressbar"
      aria-label={t('writtenExam.sheets.progress', { number: pageNumber })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent} %`}
      data-testid="upload-progress"
    >
      <span className="upload-progress-bar" style={{ width: `${percent}%` }} />
    </div>
  );
}
