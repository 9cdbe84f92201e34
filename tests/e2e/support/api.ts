import { type CallApi, createApiClient } from '@adal/shared/web';
import { DEMO_PASSWORD } from './screens.js';

/** A demo account signed in through the API, without a browser. */
export interface ApiSession {
  id: string;
  fullName: string;
  /** The typed API client, sending the session cookie. */
  api: CallApi;
  /** The session cookie, e.g. for a socket's extraHeaders. */
  cookie: string;
}

/** Signs in as `login` through POST /api/auth/login. */
export async function apiAs(baseUrl: string, login: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new Error(`login ${login}: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { id, fullName } = (await response.json()) as { id: string; fullName: string };
  const api = createApiClient({
    baseUrl,
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init.headers as object), cookie } }),
  });
  return { id, fullName, api, cookie };
}
