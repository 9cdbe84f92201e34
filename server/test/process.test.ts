import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCode, startServerProcess } from './server-process.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'adal-process-'));
const startServer = (env: Record<string, string> = {}) => startServerProcess(dataDir, env);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the server process on the embedded default', () => {
  it('seeds an empty database, prints the logins, and shuts down cleanly on SIGTERM', async () => {
    const s = await startServer();
    expect(s.output()).toContain('Demo logins (password for all: adal2026)');
    expect(s.output()).toMatch(/proctor1 +proctor/);
    const health = await fetch(`${s.baseUrl}/api/health`);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      database: { kind: 'pglite' },
      queue: { kind: 'in-process' },
    });
    const login = await fetch(`${s.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'registrar', password: 'adal2026' }),
    });
    expect(login.status).toBe(200);
    const exited = exitCode(s.child);
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('keeps its data under DATA_DIR across restarts and does not seed twice', async () => {
    const s = await startServer();
    expect(s.output()).not.toContain('Demo logins');
    const login = await fetch(`${s.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'registrar', password: 'adal2026' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const audit = await fetch(`${s.baseUrl}/api/sittings`, { headers: { cookie } });
    expect(((await audit.json()) as unknown[]).length).toBe(5);
    const exited = exitCode(s.child);
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses to start with a bad variable, naming it', async () => {
    await expect(startServer({ PORT: 'eighty' })).rejects.toThrow(/exited with 1[\s\S]*PORT/);
  });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function sfuHealth(url: string, timeoutMs = 30_000): Promise<{ pid: number; workers: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return (await res.json()) as { pid: number; workers: number };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`SFU at ${url} did not answer`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the embedded SFU', () => {
  it('runs as a supervised child: restarted when it dies, stopped with the server', async () => {
    const sfuUrl = `http://127.0.0.1:${await freePort()}`;
    const s = await startServer({
      SFU_MODE: 'embedded',
      SFU_PUBLIC_URL: sfuUrl,
      SFU_WORKERS: '1',
      SFU_RTC_MIN_PORT: '43000',
      SFU_RTC_MAX_PORT: '43099',
    });
    expect(s.output()).toContain(`SFU (media):     ${sfuUrl} (embedded)`);
    const first = await sfuHealth(sfuUrl);
    expect(first.workers).toBe(1);
    process.kill(first.pid, 'SIGKILL');
    let second = await sfuHealth(sfuUrl);
    while (second.pid === first.pid) second = await sfuHealth(sfuUrl);
    expect(s.output()).toMatch(/embedded SFU exited; restarting/);
    const exited = exitCode(s.child);
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(alive(second.pid)).toBe(false);
  });
});
