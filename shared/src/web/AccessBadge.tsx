import { useTranslation } from 'react-i18next';
import type { AccessStatus } from '../domain/sitting-kinds.js';

/** Red until admitted, green after; the text says it too, so colour is never the only signal. */
export function AccessBadge({ access }: { access: AccessStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${access}`} data-access={access}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`access.${access}`)}
    </span>
  );
}
