import type { AppealDecision, AppealStatus } from '@adal/shared';
import { useTranslation } from 'react-i18next';

/** An appeal's status in words; the colour follows data-status (shared components.css). */
export function AppealStatusBadge({ status }: { status: AppealStatus }) {
  const { t } = useTranslation();
  return (
    <span className="appeal-status" data-status={status}>
      {t(`appeals.status.${status}`)}
    </span>
  );
}

/** One appealed question's decision in words. */
export function DecisionBadge({ decision }: { decision: AppealDecision }) {
  const { t } = useTranslation();
  return (
    <span className="appeal-status" data-status={decision}>
      {t(`appeals.decision.${decision}`)}
    </span>
  );
}
