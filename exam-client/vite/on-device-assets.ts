import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The files the on-device checks load at run time — the TF.js WASM binaries, tesseract's worker,
 * core and language data, face-api's weights — served by the exam client itself from the npm
 * packages that ship them (nothing is fetched from the internet). Dev serves them from
 * node_modules; a build copies them into dist under the same URLs.
 */
const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

interface AssetDir {
  /** URL prefix, e.g. /vendor/tfjs-wasm/ */
  url: string;
  dir: string;
  keep: (file: string) => boolean;
}

export const ON_DEVICE_ASSETS: AssetDir[] = [
  {
    url: '/vendor/tfjs-wasm/',
    dir: path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist'),
    keep: (f) => f.endsWith('.wasm'),
  },
  {
    url: '/vendor/tesseract/',
    dir: path.join(packageDir('tesseract.js'), 'dist'),
    keep: (f) => f === 'worker.min.js',
  },
  {
    url: '/vendor/tesseract-core/',
    dir: packageDir('tesseract.js-core'),
    keep: (f) => /^tesseract-core.*\.(js|wasm)$/.test(f),
  },
  // "4.0.0" holds the legacy engine's data too (the MRZ pass uses it), not only the LSTM.
  {
    url: '/vendor/tessdata/',
    dir: path.join(packageDir('@tesseract.js-data/eng'), '4.0.0'),
    keep: () => true,
  },
  {
    url: '/vendor/tessdata/',
    dir: path.join(packageDir('@tesseract.js-data/kaz'), '4.0.0'),
    keep: () => true,
  },
  {
    url: '/models/face-api/',
    dir: path.join(packageDir('@vladmandic/face-api'), 'model'),
    keep: (f) => /^(face_recognition|tiny_face_detector|face_landmark_68)_model/.test(f),
  },
];

const TYPES: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.gz': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

export function onDeviceAssets(): Plugin {
  const files = new Map<string, string>();
  for (const a of ON_DEVICE_ASSETS)
    for (const f of readdirSync(a.dir)) if (a.keep(f)) files.set(`${a.url}${f}`, path.join(a.dir, f));
  return {
    name: 'adal-on-device-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = files.get((req.url ?? '').split('?')[0] ?? '');
        if (!file) return next();
        res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [url, file] of files)
        this.emitFile({ type: 'asset', fileName: url.slice(1), source: readFileSync(file) });
    },
  };
}
