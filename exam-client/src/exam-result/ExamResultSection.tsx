import { type AdalSocket, ErrorNotice, Loading } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { ExamResultView } from './ExamResultView.js';
import { useExamResult } from './use-exam-result.js';
import './exam-result.css';

/** The result on the sitting page (oral: announced and entered; written: published within a day). */
export function ExamResultSection({ sittingId, socket }: { sittingId: string; socket: AdalSocket | null }) {
  const { t } = useTranslation();
  const result = useExamResult(sittingId, socket);
  const { state } = result;
  return (
    <section
      className="card exam-result"
      aria-labelledby="exam-result-title"
      aria-live="polite"
      data-testid="exam-result"
      data-published={state.status === 'ready' && state.data.published}
    >
      <h2 id="exam-result-title">{t('writtenExam.result.title')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={result.reload} />}
      {state.status === 'ready' && <ExamResultView result={state.data} />}
    </section>
  );
}
