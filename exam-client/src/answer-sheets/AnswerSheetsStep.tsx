import { SHEET_MAX_PAGES } from '@adal/shared';
import { type AdalSocket, ErrorNotice, Loading } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageDraft } from './PageDraft.js';
import { SheetPageList } from './SheetPageList.js';
import {
  canMove,
  draftNumbers,
  draftsInPageOrder,
  moveDraft,
  newDraft,
  patchDraft,
  replacementDraft,
  type SheetDraft,
  settled,
} from './sheet-drafts.js';
import { useAnswerSheets } from './use-answer-sheets.js';
import './answer-sheets.css';

/**
 * The answer sheets (exam-procedures.md: "the student photographs every answer sheet and uploads
 * them on the ticket page — mandatory"): pages to upload, then the pages the server holds with
 * the proctor's verdict, until every page is accepted and the proctor lets the student go.
 */
export function AnswerSheetsStep({ sittingId, socket }: { sittingId: string; socket: AdalSocket | null }) {
  const { t } = useTranslation();
  const sheets = useAnswerSheets(sittingId, socket);
  const [drafts, setDrafts] = useState<SheetDraft[]>([]);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const lastKey = useRef(0);
  const started = useRef(false);
  const nextKey = () => `page-draft-${++lastKey.current}`;
  const set = sheets.state.status === 'ready' ? sheets.state.data : null;

  // Nothing uploaded yet: the first page is ready to be photographed.
  useEffect(() => {
    if (!set || started.current) return;
    started.current = true;
    if (set.open && set.pages.length === 0) setDrafts([newDraft(nextKey())]);
  }, [set]);
  // A page that shows in the list needs no draft any more.
  useEffect(() => {
    if (set)
      setDrafts((all) => (all.some((d) => settled(d, set)) ? all.filter((d) => !settled(d, set)) : all));
  }, [set]);

  const lock = useCallback(
    (key: string, page: number | null) => setDrafts((all) => patchDraft(all, key, { lockedPage: page })),
    [],
  );
  const uploaded = useCallback(
    (key: string, sheetId: string | null) => {
      setDrafts((all) => patchDraft(all, key, { done: true, storedSheetId: sheetId }));
      sheets.reload(); // in case the live event is lost with the connection
    },
    [sheets.reload],
  );

  if (!set) {
    return (
      <section className="card answer-sheets" aria-labelledby="answer-sheets-title">
        <h2 id="answer-sheets-title">{t('writtenExam.sheets.title')}</h2>
        {sheets.state.status === 'error' ? (
          <ErrorNotice error={sheets.state.error} onRetry={sheets.reload} />
        ) : (
          <Loading />
        )}
      </section>
    );
  }

  const live = drafts.filter((d) => !settled(d, set));
  const numbers = draftNumbers(
    set.pages.map((p) => p.pageNumber),
    live,
  );
  const newPages = live.filter((d) => !d.replaces).length;
  const canAdd = set.pages.length + newPages < SHEET_MAX_PAGES;
  const replacing = new Set(live.flatMap((d) => (d.replaces ? [d.replaces.pageNumber] : [])));

  const add = (draft: SheetDraft) => {
    setDrafts((all) => [...all, draft]);
    setFocusKey(draft.key);
  };

  return (
    <section
      className="card answer-sheets"
      aria-labelledby="answer-sheets-title"
      data-testid="answer-sheets"
      data-all-accepted={set.allAccepted}
      data-open={set.open}
    >
      <h2 id="answer-sheets-title">{t('writtenExam.sheets.title')}</h2>
      {set.allAccepted && (
        <p className="notice notice-info" role="status" data-testid="sheets-all-accepted">
          {t('writtenExam.sheets.allAccepted')}
        </p>
      )}
      {set.open ? (
        <p className="muted">{t('writtenExam.sheets.intro')}</p>
      ) : (
        <p className="notice notice-info">{t('writtenExam.sheets.closed')}</p>
      )}
      <h3>{t('writtenExam.sheets.uploaded')}</h3>
      <SheetPageList
        set={set}
        replacing={replacing}
        onUploadAgain={(sheetId, pageNumber) => add(replacementDraft(nextKey(), sheetId, pageNumber))}
      />
      {set.open && (
        <>
          {live.length > 0 && (
            <ol className="page-drafts">
              {draftsInPageOrder(live, numbers).map((draft) => (
                <PageDraft
                  key={draft.key}
                  sittingId={sittingId}
                  draft={draft}
                  pageNumber={numbers.get(draft.key) ?? 0}
                  canMoveUp={canMove(live, numbers, draft.key, -1)}
                  canMoveDown={canMove(live, numbers, draft.key, 1)}
                  focusOnMount={focusKey === draft.key}
                  onMove={(step) =>
                    setDrafts((all) =>
                      moveDraft(
                        all,
                        draftNumbers(
                          set.pages.map((p) => p.pageNumber),
                          all,
                        ),
                        draft.key,
                        step,
                      ),
                    )
                  }
                  onRemove={() => setDrafts((all) => all.filter((d) => d.key !== draft.key))}
                  onLocked={(page) => lock(draft.key, page)}
                  onUploaded={(sheetId) => uploaded(draft.key, sheetId)}
                />
              ))}
            </ol>
          )}
          <button
            type="button"
            className="button-secondary"
            disabled={!canAdd}
            onClick={() => add(newDraft(nextKey()))}
          >
            {t('writtenExam.sheets.addPage')}
          </button>
          {!canAdd && <p className="muted">{t('writtenExam.sheets.maxPages', { count: SHEET_MAX_PAGES })}</p>}
        </>
      )}
    </section>
  );
}
