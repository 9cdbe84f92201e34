import type { DrawnTicket } from '@adal/shared';
import { formatTime, useLanguage } from '@adal/shared/web';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The drawn ticket, large: its number and questions (the student writes them down). */
export function DrawnTicketCard({ ticket, focus = false }: { ticket: DrawnTicket; focus?: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  // Just drawn: the screen reader and the keyboard move to the ticket.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <article
      className="drawn-ticket"
      aria-labelledby="drawn-ticket-title"
      data-testid="drawn-ticket"
      data-ticket-number={ticket.ticketNumber}
    >
      <h3 id="drawn-ticket-title" ref={heading} tabIndex={-1}>
        {t('writtenExam.draw.ticket', { number: ticket.ticketNumber })}
      </h3>
      <h4 className="visually-hidden">{t('writtenExam.draw.questions')}</h4>
      <ol className="ticket-questions">
        {ticket.questions.map((question, i) => (
          // A ticket's questions are fixed and ordered: the position is the key.
          <li key={i}>{question}</li>
        ))}
      </ol>
      <p className="muted">
        {t('writtenExam.draw.drawnAt', {
          time: formatTime(ticket.drawnAt, language),
          card: ticket.card + 1,
          faceDown: ticket.faceDown,
          round: ticket.round,
        })}
      </p>
    </article>
  );
}
