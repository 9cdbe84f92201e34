import type { PublishGradesResult } from '@adal/shared';
import { errorMessage, formatDateTime, useAuth, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { useConfirmDialog } from '../dialogs/use-confirm-dialog.js';

/**
 * "Publish grades": a confirmation that says how many grades go out, the publish-by deadline and
 * any row whose changes are not saved yet; then every recorded grade reaches its student at once.
 */
export function PublishGrades({
  sittingId,
  unpublished,
  unsavedRows,
  publishBy,
  onPublished,
}: {
  sittingId: string;
  unpublished: number;
  unsavedRows: number;
  publishBy: string | null;
  onPublished: (result: PublishGradesResult) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { callApi } = useAuth();
  const { dialog, pending, error, open, confirm, close, onCancel } = useConfirmDialog(
    () => callApi('publishGrades', { params: { sittingId }, body: {} }),
    onPublished,
  );

  return (
    <>
      <button
        type="button"
        className="button-primary"
        onClick={open}
        disabled={unpublished === 0}
        data-testid="publish-grades"
      >
        {unpublished === 0 ? t('grading.publish.nothing') : t('grading.publish.open')}
      </button>
      <dialog
        ref={dialog}
        className="grading-dialog"
        aria-labelledby="publish-grades-title"
        aria-describedby="publish-grades-body"
        data-testid="publish-confirm"
        // Escape closes the dialog; not while publishing is under way.
        onCancel={onCancel}
      >
        <h2 id="publish-grades-title">{t('grading.publish.title')}</h2>
        <div id="publish-grades-body">
          <p data-testid="publish-count">
            <strong>{t('grading.publish.count', { count: unpublished })}</strong>
          </p>
          <p>{t('grading.publish.body')}</p>
          {publishBy && <p>{t('grading.publish.deadline', { time: formatDateTime(publishBy, language) })}</p>}
          {unsavedRows > 0 && (
            <p className="notice notice-error" data-testid="publish-unsaved">
              {t('grading.publish.unsaved', { count: unsavedRows })}
            </p>
          )}
        </div>
        {error !== null && (
          <p className="inline-error" role="alert">
            {errorMessage(t, error)}
          </p>
        )}
        <div className="grading-dialog-actions">
          <button type="button" className="button-secondary" onClick={close} disabled={pending}>
            {t('grading.publish.cancel')}
          </button>
          <button type="button" className="button-primary" onClick={confirm} disabled={pending}>
            {pending ? t('grading.publish.publishing') : t('grading.publish.confirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}
