import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> · Adal Proctor" in the current language, so tabs and screen readers name the screen. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}
