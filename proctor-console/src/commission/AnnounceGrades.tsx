import type { AnnounceCommissionResult } from '@adal/shared';
import { errorMessage, useAuth } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { useConfirmDialog } from '../dialogs/use-confirm-dialog.js';

/**
 * The chair's "Announce grades": a confirmation that says how many final grades go out and how
 * many students have none fixed yet; then every fixed grade reaches its student at once.
 */
export function AnnounceGrades({
  sittingId,
  toAnnounce,
  unfixed,
  onAnnounced,
}: {
  sittingId: string;
  toAnnounce: number;
  unfixed: number;
  onAnnounced: (result: AnnounceCommissionResult) => void;
}) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const { dialog, pending, error, open, confirm, close, onCancel } = useConfirmDialog(
    () => callApi('announceCommissionGrades', { params: { sittingId }, body: {} }),
    onAnnounced,
  );

  return (
    <>
      <button
        type="button"
        className="button-primary"
        onClick={open}
        disabled={toAnnounce === 0}
        data-testid="announce-grades"
      >
        {toAnnounce === 0 ? t('commission.announce.nothing') : t('commission.announce.open')}
      </button>
      <dialog
        ref={dialog}
        className="commission-dialog"
        aria-labelledby="announce-grades-title"
        aria-describedby="announce-grades-body"
        data-testid="announce-confirm"
        // Escape closes the dialog; not while announcing is under way.
        onCancel={onCancel}
      >
        <h2 id="announce-grades-title">{t('commission.announce.title')}</h2>
        <div id="announce-grades-body">
          <p data-testid="announce-count">
            <strong>{t('commission.announce.count', { count: toAnnounce })}</strong>
          </p>
          <p>{t('commission.announce.body')}</p>
          {unfixed > 0 && (
            <p className="notice notice-info" data-testid="announce-unfixed">
              {t('commission.announce.unfixed', { count: unfixed })}
            </p>
          )}
        </div>
        {error !== null && (
          <p className="inline-error" role="alert">
            {errorMessage(t, error)}
          </p>
        )}
        <div className="commission-dialog-actions">
          <button type="button" className="button-secondary" onClick={close} disabled={pending}>
            {t('commission.announce.cancel')}
          </button>
          <button type="button" className="button-primary" onClick={confirm} disabled={pending}>
            {pending ? t('commission.announce.announcing') : t('commission.announce.confirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}
