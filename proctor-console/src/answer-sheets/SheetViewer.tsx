import type { AnswerSheet } from '@adal/shared';
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReactZoomPanPinchContentRef, TransformComponent, TransformWrapper } from 'react-zoom-pan-pinch';
import { PageFacts } from './PageFacts.js';
import { ReviewControls } from './ReviewControls.js';
import { stepPage, type ViewerKey, viewerKeyAction } from './sheet-rows.js';

interface SheetViewerProps {
  sittingId: string;
  studentId: string;
  studentName: string;
  /** The pages to page through (the current pages, or the earlier versions). */
  sheets: readonly AnswerSheet[];
  index: number;
  /** Earlier versions are shown, not reviewed. */
  replaced: boolean;
  canReview: boolean;
  onIndex: (index: number) => void;
  onReviewed: (sheet: AnswerSheet) => void;
  onClose: () => void;
}

/** The page fills the frame, which fills the stage (the library sizes both to their content). */
const FRAME_STYLE = { width: '100%', height: 'min(80vh, 60rem)' } as const;
const CONTENT_STYLE = { width: '100%', height: '100%' } as const;

/** Zoom per button or key press (the wheel and pinch zoom smoothly on their own). */
const ZOOM_STEP = 0.5;

/**
 * One page, full size, in a modal dialog: zoom with the buttons, the wheel, a pinch or + − 0;
 * drag to move; the arrow keys go to the previous or next page. Accept and reject are at hand.
 */
export function SheetViewer({
  sittingId,
  studentId,
  studentName,
  sheets,
  index,
  replaced,
  canReview,
  onIndex,
  onReviewed,
  onClose,
}: SheetViewerProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const zoom = useRef<ReactZoomPanPinchContentRef>(null);
  const titleId = useId();
  const keysId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const sheet = sheets[index];
  if (!sheet) return null;
  const previous = stepPage(index, sheets.length, 'previous');
  const next = stepPage(index, sheets.length, 'next');

  const act = (action: ViewerKey) => {
    const controls = zoom.current;
    if (action === 'previous' && previous !== null) onIndex(previous);
    else if (action === 'next' && next !== null) onIndex(next);
    else if (action === 'zoomIn') controls?.zoomIn(ZOOM_STEP);
    else if (action === 'zoomOut') controls?.zoomOut(ZOOM_STEP);
    else if (action === 'reset') controls?.resetTransform();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // Typing a note or choosing a reason keeps its keys.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof Element && event.target.closest('input, textarea, select')) return;
    const action = viewerKeyAction(event.key);
    if (!action) return;
    event.preventDefault();
    act(action);
  };

  const title = replaced
    ? t('sheetsConsole.sheets.viewer.titleReplaced', { name: studentName, page: sheet.pageNumber })
    : t('sheetsConsole.sheets.viewer.title', {
        name: studentName,
        page: sheet.pageNumber,
        position: index + 1,
        count: sheets.length,
      });

  return (
    <dialog
      ref={dialogRef}
      className="sheet-viewer"
      aria-labelledby={titleId}
      aria-describedby={keysId}
      data-sheet-id={sheet.id}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="sheet-viewer-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('sheetsConsole.sheets.viewer.close')}
        </button>
      </div>
      <div className="sheet-viewer-body">
        <div className="sheet-viewer-stage">
          {/* A new page starts unzoomed: the wrapper is keyed by the sheet. */}
          <TransformWrapper
            key={sheet.id}
            ref={zoom}
            minScale={0.5}
            maxScale={8}
            centerOnInit
            doubleClick={{ mode: 'toggle', step: 1 }}
          >
            <TransformComponent
              wrapperClass="sheet-viewer-frame"
              contentClass="sheet-viewer-content"
              wrapperStyle={FRAME_STYLE}
              contentStyle={CONTENT_STYLE}
            >
              <img
                src={sheet.imageUrl}
                alt={t('sheetsConsole.sheets.page.imageAlt', { page: sheet.pageNumber, name: studentName })}
                width={sheet.width}
                height={sheet.height}
                draggable={false}
              />
            </TransformComponent>
          </TransformWrapper>
        </div>
        <div className="sheet-viewer-side">
          <div
            className="sheet-viewer-tools"
            role="group"
            aria-label={t('sheetsConsole.sheets.viewer.toolbar')}
          >
            <button
              type="button"
              className="button-secondary"
              disabled={previous === null}
              onClick={() => act('previous')}
            >
              {t('sheetsConsole.sheets.viewer.previous')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={next === null}
              onClick={() => act('next')}
            >
              {t('sheetsConsole.sheets.viewer.next')}
            </button>
            <button type="button" className="button-secondary" onClick={() => act('zoomOut')}>
              {t('sheetsConsole.sheets.viewer.zoomOut')}
            </button>
            <button type="button" className="button-secondary" onClick={() => act('zoomIn')}>
              {t('sheetsConsole.sheets.viewer.zoomIn')}
            </button>
            <button type="button" className="button-secondary" onClick={() => act('reset')}>
              {t('sheetsConsole.sheets.viewer.reset')}
            </button>
          </div>
          <p id={keysId} className="sheets-hint">
            {t('sheetsConsole.sheets.viewer.keys')}
          </p>
          <h3>{t('sheetsConsole.sheets.page.label', { page: sheet.pageNumber })}</h3>
          <PageFacts sheet={sheet} />
          {canReview && !replaced && (
            <ReviewControls
              key={sheet.id}
              sittingId={sittingId}
              studentId={studentId}
              sheet={sheet}
              onReviewed={onReviewed}
            />
          )}
          <p>
            <a
              href={sheet.imageUrl}
              download
              aria-label={t('sheetsConsole.sheets.page.downloadLabel', { page: sheet.pageNumber })}
            >
              {t('sheetsConsole.sheets.page.download')}
            </a>
          </p>
        </div>
      </div>
    </dialog>
  );
}
