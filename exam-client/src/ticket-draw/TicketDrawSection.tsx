import { ErrorNotice, isApiError, Loading } from '@adal/shared/web';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardTable } from './CardTable.js';
import { CommitmentNote } from './CommitmentNote.js';
import { DrawBlockedNotice } from './DrawBlockedNotice.js';
import { DrawCheckPanel } from './DrawCheckPanel.js';
import { DrawnTicketCard } from './DrawnTicketCard.js';
import { ExamDialog } from './ExamDialog.js';
import type { TicketBoardView } from './use-ticket-board.js';
import './ticket-draw.css';

/**
 * The closed-ticket table (exam-procedures.md: "the student picks one face-down ticket; its
 * number and questions then show"): commitment, cards, a confirm step, then the ticket.
 */
export function TicketDrawSection({ sittingId, view }: { sittingId: string; view: TicketBoardView }) {
  const { t } = useTranslation();
  const { board } = view;
  const [picked, setPicked] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [drawError, setDrawError] = useState<unknown>(null);
  const [justDrawn, setJustDrawn] = useState(false);
  // Two clicks in one frame both see `sending` false: the ref stops the second (the server is idempotent too).
  const sendingNow = useRef(false);

  if (!board) {
    return (
      <section className="card ticket-draw" aria-labelledby="ticket-draw-title">
        <h2 id="ticket-draw-title">{t('writtenExam.draw.title')}</h2>
        {view.error ? <ErrorNotice error={view.error} onRetry={() => void view.reload()} /> : <Loading />}
      </section>
    );
  }

  const confirm = async () => {
    if (picked === null || sendingNow.current) return;
    sendingNow.current = true;
    setSending(true);
    setDrawError(null);
    try {
      await view.draw(picked);
      setJustDrawn(true);
    } catch (error) {
      setDrawError(error);
      // The table changed under the student (a card taken, admission revoked): show it as it is.
      void view.reload();
    } finally {
      sendingNow.current = false;
      setSending(false);
      setPicked(null);
    }
  };

  const ticket = board.myTicket;
  const taken = isApiError(drawError) && drawError.code === 'conflict' && !board.blockedBy;
  return (
    <section className="card ticket-draw" aria-labelledby="ticket-draw-title">
      <h2 id="ticket-draw-title">{t('writtenExam.draw.title')}</h2>
      <CommitmentNote commitment={board.commitment} />
      {ticket ? (
        <DrawnTicketCard ticket={ticket} focus={justDrawn} />
      ) : (
        <>
          <p>{t('writtenExam.draw.intro')}</p>
          {board.blockedBy ? (
            <DrawBlockedNotice reason={board.blockedBy} />
          ) : (
            <CardTable
              faceDown={board.faceDown}
              round={board.round}
              rounds={board.rounds}
              disabled={sending}
              onPick={(card) => {
                setDrawError(null);
                setPicked(card);
              }}
            />
          )}
          {taken ? (
            <p className="notice notice-error" role="alert">
              {t('writtenExam.draw.taken')}
            </p>
          ) : (
            drawError !== null && !board.blockedBy && <ErrorNotice error={drawError} />
          )}
        </>
      )}
      {(ticket || board.revealed) && (
        <DrawCheckPanel
          sittingId={sittingId}
          commitment={board.commitment}
          myTicket={ticket}
          revealed={board.revealed}
        />
      )}
      {picked !== null && !ticket && (
        <ExamDialog
          title={t('writtenExam.draw.confirmTitle', { number: picked + 1 })}
          confirmLabel={t('writtenExam.draw.confirm')}
          cancelLabel={t('writtenExam.draw.cancel')}
          busy={sending}
          busyLabel={t('writtenExam.draw.drawing')}
          onConfirm={() => void confirm()}
          onCancel={() => setPicked(null)}
          testId="draw-confirm"
        >
          <p>{t('writtenExam.draw.confirmBody')}</p>
        </ExamDialog>
      )}
    </section>
  );
}
