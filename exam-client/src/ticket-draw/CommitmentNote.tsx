import { useTranslation } from 'react-i18next';
import { shortCommitment } from './commitment.js';

/**
 * The commitment published before the first draw, short enough to compare by eye, with what it
 * is for: the order was fixed before the draw and will be published so anyone can check it.
 */
export function CommitmentNote({ commitment }: { commitment: string }) {
  const { t } = useTranslation();
  const short = shortCommitment(commitment);
  return (
    <div className="draw-commitment">
      <p>
        <span className="muted">{t('writtenExam.draw.commitment')}</span>{' '}
        <code
          data-testid="draw-commitment"
          data-commitment={commitment}
          aria-label={t('writtenExam.draw.commitmentLabel', { hash: short })}
        >
          {short}
        </code>
      </p>
      <details>
        <summary>{t('writtenExam.draw.whatIsThis')}</summary>
        <p>{t('writtenExam.draw.commitmentExplained')}</p>
        <p>
          {t('writtenExam.draw.fullHash')}: <code className="draw-hash">{commitment}</code>
        </p>
      </details>
    </div>
  );
}
