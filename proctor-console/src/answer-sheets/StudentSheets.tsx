import type { AnswerSheet, AnswerSheetSet } from '@adal/shared';
import { formatTime, useLanguage } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageFacts } from './PageFacts.js';
import { PermitLeave } from './PermitLeave.js';
import { ReviewControls } from './ReviewControls.js';
import { SheetViewer } from './SheetViewer.js';
import { countSheets } from './sheet-rows.js';

interface StudentSheetsProps {
  sittingId: string;
  studentName: string;
  set: AnswerSheetSet;
  canReview: boolean;
  canPermitLeave: boolean;
  onReviewed: (sheet: AnswerSheet) => void;
  onLeft: () => void;
}

/** Held by page number (a new upload of the page stays open) or, for earlier versions, by id. */
type Viewing = { list: 'pages'; page: number } | { list: 'replaced'; id: string };

/** One student's pages in order as thumbnails, the earlier versions, and "Permit leave". */
export function StudentSheets({
  sittingId,
  studentName,
  set,
  canReview,
  canPermitLeave,
  onReviewed,
  onLeft,
}: StudentSheetsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [viewing, setViewing] = useState<Viewing | null>(null);
  const counts = countSheets(set.pages);
  const { studentId } = set;
  const viewed = viewing?.list === 'pages' ? set.pages : set.replaced;
  const viewedIndex = !viewing
    ? -1
    : viewing.list === 'pages'
      ? set.pages.findIndex((s) => s.pageNumber === viewing.page)
      : set.replaced.findIndex((s) => s.id === viewing.id);

  return (
    <section className="sheets-student" aria-labelledby="sheets-student-title" data-student-id={studentId}>
      <h2 id="sheets-student-title">{t('sheetsConsole.sheets.student.title', { name: studentName })}</h2>
      <p className="muted" data-testid="sheet-summary">
        {t('sheetsConsole.sheets.student.summary', { ...counts })}
      </p>
      {set.allAccepted && (
        <p className="notice notice-info" data-testid="all-accepted">
          {t('sheetsConsole.sheets.student.allAccepted')}
        </p>
      )}
      {set.pages.length === 0 ? (
        <p className="status status-empty">{t('sheetsConsole.sheets.student.none')}</p>
      ) : (
        <ol className="sheet-grid" aria-label={t('sheetsConsole.sheets.student.pages')}>
          {set.pages.map((sheet) => (
            <li
              key={sheet.id}
              className="sheet-card"
              data-sheet-id={sheet.id}
              data-page={sheet.pageNumber}
              data-status={sheet.status}
              aria-labelledby={`sheet-${sheet.id}-title`}
            >
              <h3 id={`sheet-${sheet.id}-title`}>
                {t('sheetsConsole.sheets.page.label', { page: sheet.pageNumber })}
              </h3>
              <button
                type="button"
                className="sheet-thumb"
                aria-label={t('sheetsConsole.sheets.page.open', { page: sheet.pageNumber })}
                onClick={() => setViewing({ list: 'pages', page: sheet.pageNumber })}
              >
                <img
                  src={sheet.thumbnailUrl}
                  alt=""
                  loading="lazy"
                  width={Math.round((sheet.width / Math.max(sheet.width, sheet.height)) * 240)}
                  height={Math.round((sheet.height / Math.max(sheet.width, sheet.height)) * 240)}
                />
              </button>
              <PageFacts sheet={sheet} />
              {canReview && (
                <ReviewControls
                  sittingId={sittingId}
                  studentId={studentId}
                  sheet={sheet}
                  onReviewed={onReviewed}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {set.replaced.length > 0 && (
        <details className="sheets-replaced" data-testid="replaced">
          <summary>{t('sheetsConsole.sheets.replaced.summary', { count: set.replaced.length })}</summary>
          <p className="muted">{t('sheetsConsole.sheets.replaced.hint')}</p>
          <ul className="sheet-grid sheet-grid-small">
            {set.replaced.map((sheet) => (
              <li key={sheet.id} className="sheet-card" data-sheet-id={sheet.id} data-status={sheet.status}>
                <button
                  type="button"
                  className="sheet-thumb"
                  aria-label={t('sheetsConsole.sheets.replaced.open', {
                    page: sheet.pageNumber,
                    time: formatTime(sheet.uploadedAt, language),
                  })}
                  onClick={() => setViewing({ list: 'replaced', id: sheet.id })}
                >
                  <img src={sheet.thumbnailUrl} alt="" loading="lazy" />
                </button>
                <p>
                  {t('sheetsConsole.sheets.replaced.item', {
                    page: sheet.pageNumber,
                    time: formatTime(sheet.uploadedAt, language),
                  })}
                </p>
                <PageFacts sheet={sheet} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {canPermitLeave && (
        <PermitLeave
          sittingId={sittingId}
          studentId={studentId}
          studentName={studentName}
          pages={set.pages}
          open={set.open}
          onLeft={onLeft}
        />
      )}
      {!canPermitLeave && (
        <p className="notice notice-info" data-testid="leave-read-only">
          {set.open ? t('sheetsConsole.sheets.leaveReadOnly') : t('sheetsConsole.sheets.student.closed')}
        </p>
      )}
      {viewing && viewedIndex >= 0 && (
        <SheetViewer
          sittingId={sittingId}
          studentId={studentId}
          studentName={studentName}
          sheets={viewed}
          index={viewedIndex}
          replaced={viewing.list === 'replaced'}
          canReview={canReview}
          onIndex={(index) => {
            const sheet = viewed[index];
            if (!sheet) return;
            setViewing(
              viewing.list === 'pages'
                ? { list: 'pages', page: sheet.pageNumber }
                : { list: 'replaced', id: sheet.id },
            );
          }}
          onReviewed={onReviewed}
          onClose={() => setViewing(null)}
        />
      )}
    </section>
  );
}
