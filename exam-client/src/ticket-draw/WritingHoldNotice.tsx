import { useTranslation } from 'react-i18next';
import type { WritingPhase } from './writing-clock.js';

/**
 * Why the writing time stands still: the proctor paused the exam, or the camera or the screen
 * stopped (a suspension: the clock stops or runs by the sitting's policy). Not a modal, so the
 * devices panel stays reachable.
 */
export function WritingHoldNotice({ phase, clockStopped }: { phase: WritingPhase; clockStopped: boolean }) {
  const { t } = useTranslation();
  if (phase === 'paused')
    return (
      <p className="notice notice-info" role="alert" data-testid="writing-paused">
        {t('writtenExam.writing.paused')}
      </p>
    );
  if (phase !== 'suspended') return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="writing-suspended">
      <div>
        <p>{t('writtenExam.writing.suspended')}</p>
        <p>
          <strong>
            {clockStopped ? t('writtenExam.writing.clockStopped') : t('writtenExam.writing.clockRuns')}
          </strong>
        </p>
      </div>
    </div>
  );
}
