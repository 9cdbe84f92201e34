import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../http-client.js';
import { startTestApp, type TestApp } from '../test-app.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The Content-Security-Policy header as directive → sources. */
function parseCsp(header: string | null): Map<string, string[]> {
  const csp = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) csp.set(name, sources);
  }
  return csp;
}

/** A page's own markup: what the CSP would block before any script of ours runs. */
function blockedByCsp(html: string, csp: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
  const styleSrc = csp.get('style-src') ?? csp.get('default-src') ?? [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (!/\bsrc=/.test(attrs) && (m[2] ?? '').trim() && !scriptSrc.includes("'unsafe-inline'"))
      problems.push(`inline script: ${(m[2] ?? '').trim().slice(0, 60)}`);
  }
  if (/<style\b/i.test(html) && !styleSrc.includes("'unsafe-inline'")) problems.push('inline <style>');
  if (/\sstyle="/i.test(html) && !styleSrc.includes("'unsafe-inline'")) problems.push('style attribute');
  // Inline handlers need script-src-attr, which the policy sets to 'none'.
  for (const m of html.matchAll(/\s(on[a-z]+)=/gi)) problems.push(`inline handler ${m[1]}`);
  for (const m of html.matchAll(/\b(?:src|href)="((?:https?:)?\/\/[^"]+)"/gi))
    problems.push(`external resource ${m[1]}`);
  return problems;
}

/** The built page when there is a build, else the source page Vite builds it from. */
function appPages(): { name: string; built: boolean; html: string }[] {
  return ['exam-client', 'proctor-console'].map((app) => {
    const built = `${repo}${app}/dist/index.html`;
    const file = existsSync(built) ? built : `${repo}${app}/index.html`;
    return { name: app, built: file === built, html: readFileSync(file, 'utf8') };
  });
}

describe.each([
  ['development', false],
  ['production', true],
] as const)('security headers in %s mode', (mode, production) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: mode } });
  }, 180_000);
  afterAll(() => t?.close());

  // The API, an app page (served or not, the headers are the same middleware) and the console.
  it.each(['/api/health', '/', '/proctor/', '/api/no-such-route'])('sets them on %s', async (path) => {
    const res = await fetch(t.baseUrl + path);
    const csp = parseCsp(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toContain("'self'");
    expect(csp.has('upgrade-insecure-requests')).toBe(production);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // HSTS only where the site is served over HTTPS; a development server on http must not pin it.
    const hsts = res.headers.get('strict-transport-security');
    if (production) expect(hsts).toMatch(/max-age=\d{7,}/);
    else expect(hsts).toBeNull();
  });

  it('sets the session cookie HttpOnly and SameSite, and Secure only in production', async () => {
    const res = await new TestClient(t.baseUrl).call('login', {
      body: { login: 'student08', password: 'adal2026' },
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(/;\s*Secure/i.test(cookie)).toBe(production);
  });

  it("lets the apps' pages load under this policy (no inline script or handler, no other origin)", async () => {
    const csp = parseCsp((await fetch(`${t.baseUrl}/`)).headers.get('content-security-policy'));
    const pages = appPages();
    expect(pages).toHaveLength(2);
    for (const page of pages) expect([page.name, blockedByCsp(page.html, csp)]).toEqual([page.name, []]);
    // The check catches what it should.
    expect(
      blockedByCsp('<script>alert(1)</script><img src="https://cdn.example/x.png" onload="x()">', csp),
    ).toHaveLength(3);
  });
});
