import { SHEET_MAX_BYTES, SHEET_MAX_PAGES } from '@adal/shared';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoWarnings } from './PhotoWarnings.js';
import type { SheetDraft } from './sheet-drafts.js';
import { UploadProgress } from './UploadProgress.js';
import { useObjectUrl } from './use-object-url.js';
import { usePhotoCheck } from './use-photo-check.js';
import { useSheetUpload } from './use-sheet-upload.js';

/** Loaded when first opened: it brings the media kit's error texts. */
const WebcamCapture = lazy(() => import('./WebcamCapture.js').then((m) => ({ default: m.WebcamCapture })));

const MAX_MB = SHEET_MAX_BYTES / (1024 * 1024);

interface PageDraftProps {
  sittingId: string;
  draft: SheetDraft;
  pageNumber: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Just added for a rejected page: the photo input takes the focus. */
  focusOnMount: boolean;
  onMove(step: -1 | 1): void;
  onRemove(): void;
  /** The page number is fixed while its upload runs (null: free again after a failure). */
  onLocked(pageNumber: number | null): void;
  /** Stored as a page (its id, when the server says it). */
  onUploaded(sheetId: string | null): void;
}

/** One page before upload: a photo (file, phone camera or webcam), its checks, upload and progress. */
export function PageDraft(props: PageDraftProps) {
  const { sittingId, draft, pageNumber, onLocked, onUploaded } = props;
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [webcamOpen, setWebcamOpen] = useState(false);
  const check = usePhotoCheck(file);
  const preview = useObjectUrl(file);
  const upload = useSheetUpload(sittingId, {
    onDone: ({ sheetId, duplicate }) => {
      // A rejected page sent again as the very same photo: nothing new was stored.
      if (duplicate && draft.replaces) return 'samePhoto';
      onUploaded(sheetId);
      return null;
    },
    onFailed: () => onLocked(null),
  });
  const { phase } = upload.state;
  const busy = phase === 'uploading' || phase === 'done';

  useEffect(() => {
    if (props.focusOnMount) input.current?.focus();
  }, [props.focusOnMount]);

  const start = () => {
    if (!file) return;
    onLocked(pageNumber);
    upload.start(file, pageNumber);
  };

  return (
    <li
      className="page-draft"
      data-page={pageNumber}
      data-testid="page-draft"
      data-phase={phase}
      data-replaces={draft.replaces?.sheetId}
    >
      <h4>{t('writtenExam.sheets.page', { number: pageNumber })}</h4>
      {preview && (
        <img
          className="page-preview"
          src={preview}
          alt={t('writtenExam.sheets.preview', { number: pageNumber })}
        />
      )}
      <div className="page-draft-inputs">
        <label htmlFor={inputId}>{t('writtenExam.sheets.photo', { number: pageNumber })}</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept="image/*"
          capture="environment"
          disabled={busy}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <p className="hint">{t('writtenExam.sheets.photoHint')}</p>
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => setWebcamOpen(true)}
        >
          {t('writtenExam.sheets.webcam', { number: pageNumber })}
        </button>
      </div>
      {file && <PhotoWarnings state={check} />}
      <div className="page-draft-actions">
        <button
          type="button"
          className="button-primary"
          disabled={!file || busy || check === 'checking'}
          onClick={start}
        >
          {phase === 'uploading'
            ? t('writtenExam.sheets.uploading')
            : t('writtenExam.sheets.upload', { number: pageNumber })}
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-label={t('writtenExam.sheets.moveUp', { number: pageNumber })}
          disabled={busy || !props.canMoveUp}
          onClick={() => props.onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-label={t('writtenExam.sheets.moveDown', { number: pageNumber })}
          disabled={busy || !props.canMoveDown}
          onClick={() => props.onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-label={t('writtenExam.sheets.remove', { number: pageNumber })}
          disabled={busy}
          onClick={props.onRemove}
        >
          ×
        </button>
      </div>
      {upload.state.phase === 'uploading' && (
        <UploadProgress pageNumber={pageNumber} sent={upload.state.sent} total={upload.state.total} />
      )}
      {upload.state.phase === 'done' && <UploadProgress pageNumber={pageNumber} sent={1} total={1} />}
      {upload.state.phase === 'failed' && (
        <p
          className="form-error"
          role="alert"
          data-testid="upload-refused"
          data-refusal={upload.state.refusal}
        >
          {t(`writtenExam.sheets.refused.${upload.state.refusal}`, {
            mb: MAX_MB,
            count: SHEET_MAX_PAGES,
            number: pageNumber,
          })}
        </p>
      )}
      {webcamOpen && (
        <Suspense fallback={null}>
          <WebcamCapture
            pageNumber={pageNumber}
            onClose={() => setWebcamOpen(false)}
            onCapture={(photo) => {
              setFile(photo);
              setWebcamOpen(false);
            }}
          />
        </Suspense>
      )}
    </li>
  );
}
