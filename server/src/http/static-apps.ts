import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Serves a built single-page app under a base path, with index.html for its client routes. */
function spa(dir: string): Router {
  const router = express.Router();
  router.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  router.get(/.*/, (_req, res) =>
    res.set('Cache-Control', 'no-cache').sendFile(path.join(dir, 'index.html')),
  );
  return router;
}

function noCacheForHtml(res: express.Response, file: string) {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}

/** The student app at `/`, the proctor console at `/proctor/`; missing builds are reported, not fatal. */
export function staticApps(): { router: Router; missing: string[] } {
  const router = express.Router();
  const missing: string[] = [];
  const apps = [
    { base: '/proctor', dir: path.join(repoRoot, 'proctor-console', 'dist') },
    { base: '/', dir: path.join(repoRoot, 'exam-client', 'dist') },
  ];
  for (const app of apps) {
    if (existsSync(path.join(app.dir, 'index.html'))) router.use(app.base, spa(app.dir));
    else missing.push(app.dir);
  }
  return { router, missing };
}
