import type { LogEntry, ReviewDecision } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { TextDialog } from './TextDialog.js';

interface ReviewDialogProps {
  sittingId: string;
  studentId: string;
  /** The flag (or lost source) being reviewed, and how it is described in the list. */
  entry: LogEntry;
  entryText: string;
  decision: ReviewDecision;
  onReviewed: (review: LogEntry) => void;
  onClose: () => void;
}

/** + or − on an automatic flag: always with a reason, which the student sees in their log. */
export function ReviewDialog({
  sittingId,
  studentId,
  entry,
  entryText,
  decision,
  onReviewed,
  onClose,
}: ReviewDialogProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const confirm = decision === 'confirmed';
  return (
    <TextDialog
      title={confirm ? t('studentDetail.review.confirmTitle') : t('studentDetail.review.dismissTitle')}
      explain={t('studentDetail.review.about', { seq: entry.seq, what: entryText })}
      fieldLabel={t('studentDetail.review.reason')}
      hint={t('studentDetail.review.hint')}
      submitLabel={t('studentDetail.review.submit')}
      minLength={3}
      onSubmit={async (reason) => {
        const review = await callApi('reviewFlag', {
          params: { sittingId, studentId, seq: String(entry.seq) },
          body: { decision, reason: reason.trim() },
        });
        onReviewed(review);
      }}
      onClose={onClose}
    />
  );
}
