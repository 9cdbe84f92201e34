/**
 * Builds page/ with Vite into a temp folder (the exam client's sources, its public models and
 * its on-device assets plugin: the same files at the same URLs as the built app) and serves it
 * with the real server's Content-Security-Policy, so WebAssembly runs under 'wasm-unsafe-eval'
 * and nothing else is allowed. No route is added to the product.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { onDeviceAssets } from '../../../exam-client/vite/on-device-assets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const examClient = path.resolve(here, '../../../exam-client');

/** server/src/app.ts's helmet policy, written out. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

export async function buildHarness(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(here, 'page'),
    publicDir: path.join(examClient, 'public'),
    plugins: [onDeviceAssets()],
    resolve: { dedupe: ['react', 'react-dom'] },
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 100_000 },
  });
}

export async function serveHarness(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const file = path.join(dir, urlPath === '/' ? 'index.html' : urlPath);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CSP,
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
