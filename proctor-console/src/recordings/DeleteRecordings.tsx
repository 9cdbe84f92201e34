import type { RecordingsDeleted } from '@adal/shared';
import { errorMessage, useAuth, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { useConfirmDialog } from '../dialogs/use-confirm-dialog.js';
import { megabytes } from './recording-rows.js';

/**
 * Admins only: deletes the sitting's finished recordings on every media server after a
 * confirmation that says it is final and logged (the server writes the audit entry).
 */
export function DeleteRecordings({
  sittingId,
  discipline,
  onDeleted,
}: {
  sittingId: string;
  discipline: string;
  onDeleted: (result: RecordingsDeleted) => void;
}) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const { dialog, pending, error, open, confirm, close, onCancel } = useConfirmDialog(
    () => callApi('deleteRecordings', { params: { sittingId } }),
    onDeleted,
  );

  return (
    <>
      <button type="button" className="button-danger" onClick={open}>
        {t('media.recordings.delete.open')}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="delete-recordings-title"
        aria-describedby="delete-recordings-body"
        // Escape closes the dialog; not while the deletion is under way.
        onCancel={onCancel}
      >
        <h2 id="delete-recordings-title">{t('media.recordings.delete.title')}</h2>
        <div id="delete-recordings-body">
          <p>{t('media.recordings.delete.body', { discipline })}</p>
          <p>{t('media.recordings.delete.keepsOngoing')}</p>
        </div>
        {error !== null && (
          <p className="inline-error" role="alert">
            {errorMessage(t, error)}
          </p>
        )}
        <div className="dialog-actions">
          {/* First, so showModal() focuses it: the safe choice when nothing can be undone. */}
          <button type="button" className="button-secondary" onClick={close} disabled={pending}>
            {t('media.recordings.delete.cancel')}
          </button>
          <button type="button" className="button-danger" onClick={confirm} disabled={pending}>
            {pending ? t('media.recordings.delete.deleting') : t('media.recordings.delete.confirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}

/** What the deletion removed; media servers that did not answer still hold their part. */
export function DeletedNotice({ result }: { result: RecordingsDeleted }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div
      className={result.unreachableNodes > 0 ? 'notice notice-error' : 'notice notice-info'}
      role="status"
      data-testid="recordings-deleted"
    >
      <p>
        {t('media.recordings.delete.done', {
          count: result.deleted,
          size: megabytes(result.bytes, language),
        })}
        {result.unreachableNodes > 0 &&
          ` ${t('media.recordings.delete.unreachable', { count: result.unreachableNodes })}`}
      </p>
    </div>
  );
}
