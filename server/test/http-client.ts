import { http, pathFor, type RouteName } from '@adal/shared';

export interface CallResult {
  status: number;
  body: any;
  headers: Headers;
}

/** A logged-in (or anonymous) HTTP client that keeps the session cookie like a browser. */
export class TestClient {
  cookie: string | undefined;
  constructor(readonly baseUrl: string) {}

  async raw(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<CallResult> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    // Files (CSV, PDF, images) come back as text; everything else the API says is JSON.
    const json = res.headers.get('content-type')?.startsWith('application/json');
    return {
      status: res.status,
      body: text ? (json ? JSON.parse(text) : text) : undefined,
      headers: res.headers,
    };
  }

  call(name: RouteName, input: { params?: Record<string, string>; query?: string; body?: unknown } = {}) {
    const route = http[name];
    return this.raw(route.method, pathFor(route.path, input.params) + (input.query ?? ''), input.body);
  }

  async login(login: string, password = 'adal2026'): Promise<this> {
    const res = await this.call('login', { body: { login, password } });
    if (res.status !== 200)
      throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

export const loggedIn = (baseUrl: string, login: string) => new TestClient(baseUrl).login(login);
