import { ErrorNotice, Loading, useAuth, useResource } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

interface AnsweringTicketProps {
  sittingId: string;
  studentId: string;
  studentName: string;
}

/**
 * The ticket the answering student reads out, on every commission member's screen (state exams,
 * exam-procedures.md). Loading it is logged in the student's Chat&log as a ticket viewing, so the
 * record shows who saw which ticket when.
 */
export function AnsweringTicket({ sittingId, studentId, studentName }: AnsweringTicketProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const ticket = useResource(
    (signal) => callApi('studentTicket', { params: { sittingId, studentId }, signal }),
    [callApi, sittingId, studentId],
  );
  const { state } = ticket;
  return (
    <section
      className="card answering-ticket"
      aria-labelledby="answering-ticket-title"
      data-testid="answering-ticket"
    >
      <h2 id="answering-ticket-title">
        {state.status === 'ready'
          ? t('oralQueue.reading.title', { name: studentName, number: state.data.ticketNumber })
          : t('oralQueue.reading.loading', { name: studentName })}
      </h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={ticket.reload} />}
      {state.status === 'ready' && (
        <ol className="draw-questions">
          {state.data.questions.map((question, index) => (
            // Plain text in ticket order (two may read the same): the position is the key.
            <li key={index}>{question}</li>
          ))}
        </ol>
      )}
      <p className="muted">{t('oralQueue.reading.logged')}</p>
    </section>
  );
}
