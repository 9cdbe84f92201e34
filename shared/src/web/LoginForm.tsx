import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { useAuth } from './auth.js';
import { errorMessage } from './error-message.js';

/** The sign-in card: login and password, a translated error under the fields. */
export function LoginForm({ subtitle }: { subtitle?: string }) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [form, setForm] = useState({ login: '', password: '' });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await login(form.login.trim(), form.password);
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  const wrongCredentials = error instanceof ApiError && error.code === 'unauthenticated';
  return (
    <form className="card login-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h1 id={`${id}-title`}>{t('login.title')}</h1>
      <p className="muted">{subtitle ?? t('login.subtitle')}</p>
      <label htmlFor={`${id}-login`}>{t('login.login')}</label>
      <input
        id={`${id}-login`}
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={form.login}
        onChange={(event) => setForm({ ...form, login: event.target.value })}
      />
      <label htmlFor={`${id}-password`}>{t('login.password')}</label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={form.password}
        onChange={(event) => setForm({ ...form, password: event.target.value })}
      />
      {error !== null && (
        <p className="form-error" role="alert">
          {wrongCredentials ? t('login.wrongCredentials') : errorMessage(t, error)}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={pending || !form.login || !form.password}>
        {pending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
