import { ErrorNotice, formatTime, Loading, useAuth, useLanguage, useResource } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Modal } from '../student-detail/Modal.js';
import '../student-detail/student-detail.css';

interface TicketDialogProps {
  sittingId: string;
  studentId: string;
  studentName: string;
  onClose: () => void;
}

/**
 * One student's drawn ticket with its questions. Opening it is a request the server logs in the
 * student's Chat&log (who saw the ticket), so it is loaded only when the dialog opens.
 */
export function TicketDialog({ sittingId, studentId, studentName, onClose }: TicketDialogProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { callApi } = useAuth();
  const ticket = useResource(
    (signal) => callApi('studentTicket', { params: { sittingId, studentId }, signal }),
    [callApi, sittingId, studentId],
  );
  const { state } = ticket;

  return (
    <Modal
      title={
        state.status === 'ready'
          ? t('sheetsConsole.draw.ticket.title', {
              name: state.data.fullName,
              number: state.data.ticketNumber,
            })
          : studentName
      }
      onClose={onClose}
    >
      <div className="draw-ticket" data-testid="student-ticket">
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <ErrorNotice error={state.error} onRetry={ticket.reload} />}
        {state.status === 'ready' && (
          <>
            <p className="muted">
              {t('sheetsConsole.draw.ticket.drawn', {
                time: formatTime(state.data.drawnAt, language),
                round: state.data.round,
                card: state.data.card + 1,
                faceDown: state.data.faceDown,
              })}
            </p>
            <h3>{t('sheetsConsole.draw.ticket.questions')}</h3>
            <ol className="draw-questions">
              {state.data.questions.map((question, index) => (
                // Questions are plain text in ticket order (two may read the same): the position is the key.
                <li key={index}>{question}</li>
              ))}
            </ol>
            <p className="notice notice-info" role="note">
              {t('sheetsConsole.draw.ticket.logged')}
            </p>
          </>
        )}
        <div className="sd-dialog-buttons">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('sheetsConsole.draw.ticket.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
