import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/auth.js';
import { useAuth } from './auth.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { LoginForm } from './LoginForm.js';
import { ErrorNotice, Loading } from './StatusViews.js';

function UserBadge({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { logout, logoutEverywhere } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const onLogout = (end: () => Promise<void>) => () => {
    setPending(true);
    setError(null);
    end().then(
      () => setPending(false),
      (caught: unknown) => {
        setError(caught);
        setPending(false);
      },
    );
  };

  return (
    <div className="user-badge">
      <span className="user-name" data-testid="user-name">
        {user.fullName}
      </span>
      <span className="user-role">{t(`roles.${user.role}`)}</span>
      <button type="button" className="button-secondary" onClick={onLogout(logout)} disabled={pending}>
        {t('common.logout')}
      </button>
      <button type="button" className="button-link" onClick={onLogout(logoutEverywhere)} disabled={pending}>
        {t('common.logoutEverywhere')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}

/** Header (brand, language switch, who is signed in) and the main landmark. */
export function AppShell({ subtitle, children }: { subtitle: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sub">{subtitle}</span>
        </div>
        <LanguageSwitch />
        {user && <UserBadge user={user} />}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** Renders `children(user)` once signed in; the login form, a spinner or the error otherwise. */
export function AuthGate({ children }: { children: (user: Me) => ReactNode }) {
  const { state, refresh } = useAuth();
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'anonymous':
      return <LoginForm />;
    case 'error':
      return <ErrorNotice error={state.error} onRetry={refresh} />;
    case 'authenticated':
      return children(state.user);
  }
}
