import type { AnswerSheet } from '@adal/shared';
import { http } from '@adal/shared';
import { urlFor } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

interface SheetPageItemProps {
  sheet: AnswerSheet;
  sittingId: string;
  studentId: string;
  /** Offered for a rejected page while uploads are open (and no new photo is under way). */
  onUploadAgain: (() => void) | null;
}

/** An uploaded page: its thumbnail, the proctor's verdict (with the reason), and "Upload again". */
export function SheetPageItem({ sheet, sittingId, studentId, onUploadAgain }: SheetPageItemProps) {
  const { t } = useTranslation();
  const params = { sittingId, studentId, sheetId: sheet.id };
  const number = sheet.pageNumber;
  return (
    <li className="sheet-page" data-page={number} data-sheet-id={sheet.id} data-status={sheet.status}>
      <a href={urlFor(http.sheetFile, params, { size: 'full' })} target="_blank" rel="noreferrer">
        <img
          className="sheet-thumbnail"
          src={urlFor(http.sheetFile, params, { size: 'thumbnail' })}
          alt={t('writtenExam.sheets.thumbnail', { number })}
          loading="lazy"
        />
        <span className="visually-hidden">{t('writtenExam.sheets.openFull', { number })}</span>
      </a>
      <div className="sheet-page-body">
        <h4>{t('writtenExam.sheets.page', { number })}</h4>
        <p>
          <span className="sheet-status" data-status={sheet.status} data-testid="sheet-status">
            {t('writtenExam.sheets.statusLabel', { status: t(`writtenExam.sheets.status.${sheet.status}`) })}
          </span>
        </p>
        {sheet.status === 'rejected' && sheet.rejectReason && (
          <p data-testid="sheet-reject-reason">
            {t('writtenExam.sheets.reason', {
              reason: t(`writtenExam.sheets.reasons.${sheet.rejectReason}`),
            })}
          </p>
        )}
        {sheet.status === 'rejected' && sheet.rejectNote && (
          <p data-testid="sheet-reject-note">{t('writtenExam.sheets.note', { note: sheet.rejectNote })}</p>
        )}
        {sheet.blurred && sheet.status === 'pending' && (
          <p className="muted">{t('writtenExam.sheets.serverBlurred')}</p>
        )}
        {sheet.converted && <p className="muted">{t('writtenExam.sheets.converted')}</p>}
        {onUploadAgain && (
          <button type="button" className="button-primary" onClick={onUploadAgain}>
            {t('writtenExam.sheets.uploadAgain', { number })}
          </button>
        )}
      </div>
    </li>
  );
}
