import { useTranslation } from 'react-i18next';

const SENT = ['facePhoto', 'documentPhoto', 'fields', 'results', 'timings'] as const;

/** Exactly what the identity check sends (SubmitIdentityBody), and that no video goes this way. */
export function WhatLeavesDevice() {
  const { t } = useTranslation();
  return (
    <aside className="what-leaves" aria-labelledby="what-leaves-title">
      <h3 id="what-leaves-title">{t('identityDocument.leaves.title')}</h3>
      <p>{t('identityDocument.leaves.intro')}</p>
      <ul>
        {SENT.map((item) => (
          <li key={item}>{t(`identityDocument.leaves.${item}`)}</li>
        ))}
      </ul>
      <p>{t('identityDocument.leaves.noVideo')}</p>
    </aside>
  );
}
