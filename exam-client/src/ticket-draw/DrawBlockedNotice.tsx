import type { DrawBlock } from '@adal/shared';
import { useTranslation } from 'react-i18next';

/** Why the student cannot draw now, in their language (the server's reason code). */
export function DrawBlockedNotice({ reason }: { reason: DrawBlock }) {
  const { t } = useTranslation();
  return (
    <p
      className={reason === 'not_admitted' ? 'notice notice-info' : 'notice notice-error'}
      role="status"
      data-testid="draw-blocked"
      data-reason={reason}
    >
      {t(`writtenExam.draw.blocked.${reason}`)}
    </p>
  );
}
