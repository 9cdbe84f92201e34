import { hasTicketDraw } from '@adal/shared';
import { ErrorNotice, useAuth, useResource } from '@adal/shared/web';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countSheets } from './sheet-rows.js';

interface StudentSheetsSectionProps {
  sittingId: string;
  studentId: string;
  studentName: string;
  /** How many answer-sheet entries the student's log holds (null while it loads): more reloads the counts. */
  changes: number | null;
}

/**
 * On the student's page: their answer-sheet counts and the way to the gallery with them chosen.
 * Only oral, written and state exams have sheets; for other sittings this shows nothing.
 */
export function StudentSheetsSection({
  sittingId,
  studentId,
  studentName,
  changes,
}: StudentSheetsSectionProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const titleId = useId();
  const sheets = useResource(
    async (signal) => {
      const sitting = await callApi('getSitting', { params: { sittingId }, signal });
      if (!hasTicketDraw(sitting.kind)) return null;
      return callApi('studentSheetsForStaff', { params: { sittingId, studentId }, signal });
    },
    [callApi, sittingId, studentId],
  );
  const { reload } = sheets;
  // The first count is what the log held when it loaded; only entries added after that reload.
  const seen = useRef(changes);
  useEffect(() => {
    if (changes !== null && seen.current !== null && changes > seen.current) reload();
    seen.current = changes;
  }, [changes, reload]);

  const { state } = sheets;
  // Nothing while it is unknown whether the sitting has sheets at all: no card that then vanishes.
  if (state.status === 'loading' || (state.status === 'ready' && state.data === null)) return null;
  return (
    <section className="card sd-sheets" aria-labelledby={titleId} data-testid="student-sheets">
      <h2 id={titleId}>{t('sheetsConsole.studentSection.title')}</h2>
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data && (
        <>
          <p className="muted">
            {state.data.pages.length === 0
              ? t('sheetsConsole.studentSection.none')
              : t('sheetsConsole.sheets.student.summary', { ...countSheets(state.data.pages) })}
          </p>
          <p>
            <Link
              className="button-link-secondary"
              to={`/sittings/${sittingId}/sheets?student=${encodeURIComponent(studentId)}`}
              aria-label={t('sheetsConsole.studentSection.openLabel', { name: studentName })}
            >
              {t('sheetsConsole.studentSection.open')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
