import { ErrorNotice, useAuth } from '@adal/shared/web';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExamDialog } from './ExamDialog.js';

/**
 * "I have finished writing", with a confirm step: it closes the writing time for good (the
 * computer test's Finish on the writing attempt, which has no questions).
 */
export function FinishWriting({ attemptId, onFinished }: { attemptId: string; onFinished(): void }) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sending = useRef(false);

  const finish = async () => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      await callApi('finishAttempt', { params: { attemptId }, body: { confirmAllAnswered: true } });
      setConfirming(false);
    } catch (cause) {
      setError(cause);
    } finally {
      sending.current = false;
      setBusy(false);
      // Finished or refused (time ran out meanwhile): the clock as the server has it decides.
      onFinished();
    }
  };

  return (
    <div className="finish-writing">
      <button type="button" className="button-primary" onClick={() => setConfirming(true)} disabled={busy}>
        {t('writtenExam.writing.finish')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
      {confirming && (
        <ExamDialog
          title={t('writtenExam.writing.confirmTitle')}
          confirmLabel={t('writtenExam.writing.confirm')}
          cancelLabel={t('writtenExam.writing.cancel')}
          busy={busy}
          busyLabel={t('writtenExam.writing.finishing')}
          onConfirm={() => void finish()}
          onCancel={() => setConfirming(false)}
          testId="finish-writing-confirm"
        >
          <p>{t('writtenExam.writing.confirmBody')}</p>
        </ExamDialog>
      )}
    </div>
  );
}
