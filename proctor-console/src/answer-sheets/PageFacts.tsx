import type { AnswerSheet } from '@adal/shared';
import { formatTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

/** A page's status as a badge whose words say it too (colour is never the only sign). */
export function SheetStatusBadge({ sheet }: { sheet: AnswerSheet }) {
  const { t } = useTranslation();
  return (
    <span className="sheet-status" data-status={sheet.status} data-testid="sheet-status">
      {t(`sheetsConsole.sheets.status.${sheet.status}`)}
    </span>
  );
}

/** What the proctor judges a photo by: status, sharpness, the blurred flag, when it came, who checked it. */
export function PageFacts({ sheet }: { sheet: AnswerSheet }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="sheet-facts">
      <p className="sheet-badges">
        <SheetStatusBadge sheet={sheet} />
        {sheet.blurred && (
          <span className="sheet-blurred" data-testid="blurred">
            {t('sheetsConsole.sheets.page.blurred')}
          </span>
        )}
      </p>
      {sheet.blurred && <p className="sheets-hint">{t('sheetsConsole.sheets.page.blurredHint')}</p>}
      <p className="muted">
        <span data-testid="sharpness">
          {t('sheetsConsole.sheets.page.sharpness', { value: Math.round(sheet.sharpness) })}
        </span>
        {' · '}
        {t('sheetsConsole.sheets.page.size', { width: sheet.width, height: sheet.height })}
        {sheet.converted && ` · ${t('sheetsConsole.sheets.page.converted')}`}
      </p>
      <p className="muted">
        <time dateTime={sheet.uploadedAt}>
          {t('sheetsConsole.sheets.page.uploaded', { time: formatTime(sheet.uploadedAt, language) })}
        </time>
      </p>
      {sheet.status === 'rejected' && sheet.rejectReason && (
        <p className="sheet-reject-reason">
          {t('sheetsConsole.sheets.page.reason', {
            reason: t(`sheetsConsole.sheets.review.reasons.${sheet.rejectReason}`),
          })}
          {sheet.rejectNote ? ` — ${sheet.rejectNote}` : ''}
        </p>
      )}
      {sheet.reviewedAt && sheet.reviewedByName && (
        <p className="muted">
          {t('sheetsConsole.sheets.page.reviewed', {
            name: sheet.reviewedByName,
            time: formatTime(sheet.reviewedAt, language),
          })}
        </p>
      )}
    </div>
  );
}
