import type { StaffDrawRow } from '@adal/shared';
import { EmptyState, formatTime, useLanguage } from '@adal/shared/web';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TicketDialog } from './TicketDialog.js';

/** Who drew which ticket, in drawing order, each with "View ticket" (the viewing is logged). */
export function DrawTable({ sittingId, draws }: { sittingId: string; draws: readonly StaffDrawRow[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const hintId = useId();
  const [viewing, setViewing] = useState<StaffDrawRow | null>(null);

  return (
    <section className="card draw-table-card" aria-labelledby="draw-table-title">
      <h2 id="draw-table-title">{t('sheetsConsole.draw.table.caption')}</h2>
      {draws.length === 0 ? (
        <EmptyState>{t('sheetsConsole.draw.table.empty')}</EmptyState>
      ) : (
        <>
          <p id={hintId} className="muted draw-view-hint">
            {t('sheetsConsole.draw.table.viewLogged')}
          </p>
          <div className="table-wrap">
            <table className="draw-table" aria-labelledby="draw-table-title">
              <thead>
                <tr>
                  <th scope="col">{t('sheetsConsole.draw.table.seq')}</th>
                  <th scope="col">{t('sheetsConsole.draw.table.student')}</th>
                  <th scope="col">{t('sheetsConsole.draw.table.ticket')}</th>
                  <th scope="col">{t('sheetsConsole.draw.table.card')}</th>
                  <th scope="col">{t('sheetsConsole.draw.table.round')}</th>
                  <th scope="col">{t('sheetsConsole.draw.table.time')}</th>
                  <th scope="col">{t('sheetsConsole.draw.table.action')}</th>
                </tr>
              </thead>
              <tbody>
                {draws.map((draw, index) => (
                  <tr key={draw.studentId} data-student-id={draw.studentId}>
                    <td className="muted">{index + 1}</td>
                    <th scope="row">{draw.fullName}</th>
                    <td data-testid="ticket-number">{draw.ticketNumber}</td>
                    <td>
                      {t('sheetsConsole.draw.table.cardValue', {
                        card: draw.card + 1,
                        faceDown: draw.faceDown,
                      })}
                    </td>
                    <td>{draw.round}</td>
                    <td>
                      <time dateTime={draw.drawnAt}>{formatTime(draw.drawnAt, language)}</time>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button-secondary"
                        aria-label={t('sheetsConsole.draw.table.viewLabel', { name: draw.fullName })}
                        aria-describedby={hintId}
                        onClick={() => setViewing(draw)}
                      >
                        {t('sheetsConsole.draw.table.view')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {viewing && (
        <TicketDialog
          sittingId={sittingId}
          studentId={viewing.studentId}
          studentName={viewing.fullName}
          onClose={() => setViewing(null)}
        />
      )}
    </section>
  );
}
