import type { SittingSheetRow } from '@adal/shared';
import { EmptyState, formatTime, LOCALES, useLanguage } from '@adal/shared/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionOf, sortRows } from './sheet-rows.js';

interface StudentListProps {
  rows: readonly SittingSheetRow[];
  selected: string | null;
  onSelect: (studentId: string) => void;
}

/** The sitting's students with their page counts, pages to check first; choosing one opens their pages. */
export function StudentList({ rows, selected, onSelect }: StudentListProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const sorted = useMemo(() => sortRows(rows, LOCALES[language]), [rows, language]);
  const count = (n: number) => (n === 0 ? <span className="muted">0</span> : n);

  if (rows.length === 0) return <EmptyState>{t('sheetsConsole.sheets.list.empty')}</EmptyState>;
  return (
    <div className="table-wrap sheets-students">
      <table>
        <caption className="visually-hidden">{t('sheetsConsole.sheets.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sheetsConsole.sheets.list.student')}</th>
            <th scope="col">{t('sheetsConsole.sheets.list.pages')}</th>
            <th scope="col">{t('sheetsConsole.sheets.list.pending')}</th>
            <th scope="col">{t('sheetsConsole.sheets.list.accepted')}</th>
            <th scope="col">{t('sheetsConsole.sheets.list.rejected')}</th>
            <th scope="col">{t('sheetsConsole.sheets.list.blurred')}</th>
            <th scope="col">{t('sheetsConsole.sheets.list.lastUpload')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={row.studentId}
              data-student-id={row.studentId}
              data-attention={attentionOf(row)}
              aria-current={row.studentId === selected ? 'true' : undefined}
              className={row.studentId === selected ? 'sheets-row-selected' : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  className="sheets-student-button"
                  aria-label={t('sheetsConsole.sheets.list.select', { name: row.fullName })}
                  aria-pressed={row.studentId === selected}
                  onClick={() => onSelect(row.studentId)}
                >
                  {row.fullName}
                </button>
              </th>
              <td data-testid="pages">{row.pages}</td>
              <td data-testid="pending" className={row.pending > 0 ? 'sheets-count-pending' : undefined}>
                {count(row.pending)}
              </td>
              <td data-testid="accepted">{count(row.accepted)}</td>
              <td data-testid="rejected" className={row.rejected > 0 ? 'sheets-count-rejected' : undefined}>
                {count(row.rejected)}
              </td>
              <td data-testid="blurred">{count(row.blurred)}</td>
              <td>
                {row.lastUploadAt ? (
                  <time dateTime={row.lastUploadAt}>{formatTime(row.lastUploadAt, language)}</time>
                ) : (
                  <span className="muted">{t('sheetsConsole.sheets.list.none')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
