#!/usr/bin/env node
// `npm start`: build both apps, then run the server on the embedded default (PGlite under
// ./data, in-process jobs) unless DATABASE_URL / REDIS_URL say otherwise. The server seeds the
// demo university into an empty embedded database and prints the URLs and logins.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.env.SKIP_BUILD !== '1') {
  console.log('Building the student app and the proctor console…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const envFile = existsSync(`${root}.env`) ? ['--env-file=.env'] : [];
const server = spawn(process.execPath, [...envFile, '--import', 'tsx', 'server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  // The quick start serves plain HTTP, so cookies may not be Secure-only; set COOKIE_SECURE behind TLS.
  env: { NODE_ENV: 'production', HOST: '0.0.0.0', COOKIE_SECURE: 'false', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
