import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me } from '../api/auth.js';
import { ApiError, type CallApi, callApi as defaultCallApi } from './api-client.js';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: Me }
  | { status: 'error'; error: ApiError };

export interface Auth {
  state: AuthState;
  user: Me | null;
  /** Signs in; throws ApiError (e.g. unauthenticated for a wrong password). */
  login(login: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Ends every session of this user (other browsers, the phone) and this one. */
  logoutEverywhere(): Promise<void>;
  /** Replaces the profile after the server changed it (e.g. PATCH /api/auth/me). */
  replaceUser(user: Me): void;
  /** The server said the session is gone (401 on some call): back to the login screen. */
  sessionEnded(): void;
  /** Asks GET /api/auth/me again (after an error). */
  refresh(): void;
  callApi: CallApi;
}

const AuthContext = createContext<Auth | null>(null);

const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('internal', String(error), 0, [], error);

/** Loads the session with GET /api/auth/me; a 401 there simply means "show the login form". */
export function AuthProvider({ children, api = defaultCallApi }: { children: ReactNode; api?: CallApi }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // `attempt` re-runs this effect when refresh() is called.
    void attempt;
    const controller = new AbortController();
    setState({ status: 'loading' });
    api('me', { signal: controller.signal }).then(
      (user) => setState({ status: 'authenticated', user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        setState(
          apiError.code === 'unauthenticated'
            ? { status: 'anonymous' }
            : { status: 'error', error: apiError },
        );
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const login = useCallback(
    async (login: string, password: string) => {
      const user = await api('login', { body: { login, password } });
      setState({ status: 'authenticated', user });
      return user;
    },
    [api],
  );

  const endSession = useCallback(
    async (route: 'logout' | 'logoutEverywhere') => {
      try {
        await api(route, { body: {} });
      } catch (error) {
        // An ended session is the goal of logging out; anything else is reported and the user stays signed in.
        if (!(error instanceof ApiError && error.code === 'unauthenticated')) throw error;
      }
      setState({ status: 'anonymous' });
    },
    [api],
  );
  const logout = useCallback(() => endSession('logout'), [endSession]);
  const logoutEverywhere = useCallback(() => endSession('logoutEverywhere'), [endSession]);

  const replaceUser = useCallback((user: Me) => setState({ status: 'authenticated', user }), []);
  const sessionEnded = useCallback(() => setState({ status: 'anonymous' }), []);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo<Auth>(
    () => ({
      state,
      user: state.status === 'authenticated' ? state.user : null,
      login,
      logout,
      logoutEverywhere,
      replaceUser,
      sessionEnded,
      refresh,
      callApi: api,
    }),
    [state, login, logout, logoutEverywhere, replaceUser, sessionEnded, refresh, api],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
