/**
 * Builds the extension: dist/ (manifest.json with the exam origins, background.js, content.js,
 * icons) and adal-proctor-extension.zip beside it. ADAL_EXAM_ORIGINS (comma separated origins or
 * match patterns) sets where the exam runs; default http://localhost/*,http://127.0.0.1/*.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { buildManifest, examMatchPatterns } from '../src/manifest/manifest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const zipPath = join(root, 'adal-proctor-extension.zip');

const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
const examPatterns = examMatchPatterns(process.env.ADAL_EXAM_ORIGINS);

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'icons'), { recursive: true });

const common = {
  bundle: true,
  platform: 'browser',
  target: 'chrome116',
  minify: false,
  legalComments: 'none',
} as const;
await build({
  ...common,
  entryPoints: [join(root, 'src/background/index.ts')],
  format: 'esm',
  outfile: join(dist, 'background.js'),
});
await build({
  ...common,
  entryPoints: [join(root, 'src/content/index.ts')],
  format: 'iife',
  outfile: join(dist, 'content.js'),
});

await writeFile(
  join(dist, 'manifest.json'),
  `${JSON.stringify(buildManifest({ version, examPatterns }), null, 2)}\n`,
);

// A plain shield with an "A": drawn here so no binary sits in the repo.
const icon = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <path d="M64 6 L116 26 V62 C116 94 92 114 64 122 C36 114 12 94 12 62 V26 Z" fill="#1d4ed8"/>
  <path d="M64 30 L88 96 H74 L69 81 H59 L54 96 H40 Z M64 50 L61 70 H67 Z" fill="#fff"/>
</svg>`);
for (const size of [16, 32, 48, 128]) {
  await sharp(icon)
    .resize(size, size)
    .png()
    .toFile(join(dist, 'icons', `${size}.png`));
}

const files: Record<string, Uint8Array> = {};
for (const name of [
  'manifest.json',
  'background.js',
  'content.js',
  ...[16, 32, 48, 128].map((s) => `icons/${s}.png`),
]) {
  files[name] = new Uint8Array(await readFile(join(dist, name)));
}
await writeFile(zipPath, zipSync(files, { level: 9 }));

console.log(
  `extension ${version} for ${examPatterns.join(', ')} → ${relative(process.cwd(), dist)}, ${relative(process.cwd(), zipPath)}`,
);
