import type { AnswerSheetSet } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { SheetPageItem } from './SheetPageItem.js';

interface SheetPageListProps {
  set: AnswerSheetSet;
  /** Pages with a new photo already under way get no second "Upload again". */
  replacing: ReadonlySet<number>;
  onUploadAgain(sheetId: string, pageNumber: number): void;
}

/** The pages the server holds, in page order, with their status (live: `sheet:changed`). */
export function SheetPageList({ set, replacing, onUploadAgain }: SheetPageListProps) {
  const { t } = useTranslation();
  if (set.pages.length === 0) return <p className="muted">{t('writtenExam.sheets.none')}</p>;
  return (
    <ol className="sheet-pages" aria-label={t('writtenExam.sheets.uploaded')}>
      {set.pages.map((sheet) => (
        <SheetPageItem
          key={sheet.id}
          sheet={sheet}
          sittingId={set.sittingId}
          studentId={set.studentId}
          onUploadAgain={
            set.open && sheet.status === 'rejected' && !replacing.has(sheet.pageNumber)
              ? () => onUploadAgain(sheet.id, sheet.pageNumber)
              : null
          }
        />
      ))}
    </ol>
  );
}
