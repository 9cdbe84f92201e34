import { useTranslation } from 'react-i18next';
import type { DrawCheck } from './draw-check.js';

/** What the browser's own check of the draw found. The technical reason stays as verifyDraw says it. */
export function DrawCheckResult({ check }: { check: DrawCheck }) {
  const { t } = useTranslation();
  const ok = check.kind === 'ok';
  return (
    <div
      className={ok ? 'notice notice-info' : 'notice notice-error'}
      role="status"
      data-testid="draw-check"
      data-result={ok ? 'ok' : 'failed'}
    >
      <div>
        {check.kind === 'ok' && (
          <>
            <p>{t('writtenExam.check.ok', { count: check.draws })}</p>
            {check.mine && (
              <p>
                {t('writtenExam.check.mine', {
                  card: check.mine.card + 1,
                  faceDown: check.mine.faceDown,
                  round: check.mine.round,
                  number: check.mine.ticketNumber,
                })}
              </p>
            )}
          </>
        )}
        {check.kind === 'commitment_changed' && <p>{t('writtenExam.check.commitmentChanged')}</p>}
        {check.kind === 'mismatch' && (
          <p>
            {check.draw === null
              ? t('writtenExam.check.planMismatch', { reason: check.reason })
              : t('writtenExam.check.mismatch', { draw: check.draw, reason: check.reason })}
          </p>
        )}
        {check.kind === 'mine_missing' && (
          <p>{t('writtenExam.check.mineMissing', { number: check.ticketNumber })}</p>
        )}
        {!ok && <p>{t('writtenExam.check.tellProctor')}</p>}
      </div>
    </div>
  );
}
