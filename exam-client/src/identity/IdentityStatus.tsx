import { useTranslation } from 'react-i18next';
import type { CheckStatus } from './identity-flow.js';

/** The proctor's decision on the latest check, or that it is waiting for one. */
export function IdentityStatus({ status }: { status: CheckStatus }) {
  const { t } = useTranslation();
  switch (status.status) {
    case 'not_sent':
      return null;
    case 'pending':
      return (
        <p className="notice notice-info" role="status">
          {t('identityDocument.step.status.pending')}
        </p>
      );
    case 'verified':
      return (
        <p className="notice notice-info identity-verified" role="status">
          ✓ {t('identityDocument.step.status.verified')}
        </p>
      );
    case 'retake':
      return (
        <p className="notice notice-error" role="alert">
          {t('identityDocument.step.status.retake', { note: status.note })}
        </p>
      );
    case 'rejected':
      return (
        <p className="notice notice-error" role="alert">
          {t('identityDocument.step.status.rejected', { note: status.note })}
        </p>
      );
  }
}
