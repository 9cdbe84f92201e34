#!/usr/bin/env node
import { spawn, spawnSync } from 'node:child_process';
/**
 * Builds the mediasoup worker binary once per mediasoup version into a cache outside
 * node_modules, so `npm ci` never has to run mediasoup's own install script (denied in the root
 * package.json `allowScripts`; it cannot build on today's toolchain without our fixes).
 *
 *   cache:  $ADAL_CACHE_DIR or ~/.cache/adal
 *   binary: <cache>/mediasoup-worker-<version>/mediasoup-worker
 *
 * Runs as the root `postinstall` and as `npm run sfu:build-worker`. A cached, runnable binary
 * makes it exit at once. Otherwise it copies node_modules/mediasoup/worker to a temp folder,
 * applies sfu/patches/mediasoup-<version>/*.patch, runs the worker's Makefile with python3 (plus
 * a sitecustomize.py so its bundled gyp runs on Python >= 3.10) and installs the binary into the
 * cache atomically. sfu/src/worker-bin.ts resolves the same path at run time.
 *
 * Environment:
 *   ADAL_CACHE_DIR              cache root (default ~/.cache/adal)
 *   ADAL_BUILD_JOBS             parallel compile jobs (default 2)
 *   ADAL_SKIP_MEDIASOUP_WORKER  =1: do nothing (machines that never run the SFU)
 *   ADAL_MEDIASOUP_VERBOSE      =1: stream the whole make output instead of progress lines
 *   MEDIASOUP_WORKER_BIN        set: you bring your own worker binary, nothing is built
 *
 * No dependencies: Node built-ins only.
 */
import { createHash } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const TAG = '[mediasoup-worker]';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const isPostinstall = process.env.npm_lifecycle_event === 'postinstall';

const log = (msg) => console.log(`${TAG} ${msg}`);
function fail(msg) {
  console.error(`${TAG} ERROR: ${msg}`);
  if (isPostinstall) {
    console.error(
      `${TAG} (this ran as the root postinstall; ADAL_SKIP_MEDIASOUP_WORKER=1 skips it on machines that never run the SFU)`,
    );
  }
  process.exit(1);
}
const elapsed = (t0) => {
  const s = Math.round((Date.now() - t0) / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

if (process.env.ADAL_SKIP_MEDIASOUP_WORKER === '1') {
  log('ADAL_SKIP_MEDIASOUP_WORKER=1: skipped');
  process.exit(0);
}
if (process.env.MEDIASOUP_WORKER_BIN) {
  log(
    `MEDIASOUP_WORKER_BIN is set (${process.env.MEDIASOUP_WORKER_BIN}): using that binary, nothing to build`,
  );
  process.exit(0);
}

// --- the installed mediasoup ------------------------------------------------------------------
let mediasoupPkgJson;
try {
  // Resolved from the sfu workspace: node_modules/mediasoup (hoisted) or sfu/node_modules/mediasoup.
  mediasoupPkgJson = createRequire(join(repoRoot, 'sfu', 'package.json')).resolve('mediasoup/package.json');
} catch {
  const msg = 'mediasoup is not installed (no node_modules/mediasoup/package.json)';
  if (isPostinstall) {
    // e.g. `npm ci --omit=…` or a partial workspace install: nothing to build for.
    log(`${msg}: nothing to build`);
    process.exit(0);
  }
  fail(`${msg}: run npm ci first`);
}
const mediasoupDir = dirname(mediasoupPkgJson);
const version = JSON.parse(readFileSync(mediasoupPkgJson, 'utf8')).version;
const cacheRoot = resolve(process.env.ADAL_CACHE_DIR || join(homedir(), '.cache', 'adal'));
const installDir = join(cacheRoot, `mediasoup-worker-${version}`);
const binPath = join(installDir, 'mediasoup-worker');
const infoPath = join(installDir, 'build-info.json');
const logPath = join(installDir, 'build.log');
const patchDir = join(repoRoot, 'sfu', 'patches', `mediasoup-${version}`);

const patches = existsSync(patchDir)
  ? readdirSync(patchDir)
      .filter((f) => f.endsWith('.patch'))
      .sort()
  : [];
const patchesHash = createHash('sha256');
for (const p of patches) patchesHash.update(`${p}\n`).update(readFileSync(join(patchDir, p)));
const patchesDigest = patchesHash.digest('hex').slice(0, 16);

/**
 * The 3.8.4 worker has no --version flag: it refuses to start unless MEDIASOUP_VERSION is set
 * (printing "you don't seem to be my real father!" and exiting 1). Running it without that
 * variable proves the file is an executable for this machine whose shared libraries resolve,
 * without opening any socket. Returns null when fine, else the reason.
 */
function checkWorker(file) {
  try {
    if (!statSync(file).isFile()) return 'not a regular file';
    accessSync(file, constants.X_OK);
  } catch (e) {
    return e.code === 'ENOENT' ? 'missing' : `not executable (${e.code})`;
  }
  const env = { ...process.env };
  delete env.MEDIASOUP_VERSION;
  const r = spawnSync(file, [], {
    env,
    timeout: 10_000,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error) return `does not run (${r.error.code ?? r.error.message})`;
  const out = `${r.stdout}${r.stderr}`;
  if (r.status === 1 && out.includes("you don't seem to be my real father")) return null;
  return `unexpected answer (exit ${r.status ?? r.signal}): ${out.trim().slice(0, 200)}`;
}

// --- fast path: cached ------------------------------------------------------------------------
const cachedProblem = checkWorker(binPath);
if (cachedProblem === null) {
  let staleReason = null;
  if (existsSync(infoPath)) {
    try {
      const info = JSON.parse(readFileSync(infoPath, 'utf8'));
      if (info.patchesDigest !== patchesDigest) staleReason = `built with other patches (${info.patches})`;
    } catch {
      // an unreadable build-info is not a reason to rebuild a working binary
    }
  }
  if (!staleReason) {
    log(`mediasoup worker ${version}: cached at ${binPath}`);
    process.exit(0);
  }
  log(`cached worker at ${binPath} was ${staleReason}: rebuilding`);
} else if (cachedProblem !== 'missing') {
  log(`cached worker at ${binPath} is unusable (${cachedProblem}): rebuilding`);
}

// --- toolchain ------------------------------------------------------------------------------------
function findOnPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, cmd);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {}
  }
  return null;
}
/** Found on PATH and answering; a pyenv shim for an absent version is found but does not answer. */
function runs(cmd, args) {
  if (!findOnPath(cmd)) return false;
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 20_000 });
  return !r.error && r.status === 0;
}
const missing = [];
if (!runs('python3', ['-c', 'import sys; sys.exit(0 if sys.version_info >= (3, 6) else 1)'])) {
  missing.push('python3');
}
if (!runs('make', ['--version'])) missing.push('make');
if (!runs('cc', ['--version'])) missing.push('cc (gcc)');
if (!runs('g++', ['--version'])) missing.push('g++');
if (!runs('ar', ['--version'])) missing.push('ar (binutils)');
const patchTool = findOnPath('patch') ? 'patch' : findOnPath('git') ? 'git' : null;
if (patches.length > 0 && !patchTool) missing.push('patch (or git)');
if (missing.length > 0) {
  fail(
    `cannot build the mediasoup ${version} worker: missing ${missing.join(', ')}.\n` +
      `${TAG} On Debian/Ubuntu: apt-get install -y python3 make gcc g++ patch`,
  );
}
if (patches.length === 0) {
  log(`warning: no patches in ${relative(repoRoot, patchDir)}/ — building mediasoup ${version} unpatched`);
}

// --- build ----------------------------------------------------------------------------------------
const t0 = Date.now();
const jobs = Number.parseInt(process.env.ADAL_BUILD_JOBS ?? '', 10) > 0 ? process.env.ADAL_BUILD_JOBS : '2';
const buildRoot = mkdtempSync(join(tmpdir(), `adal-mediasoup-${version}-`));
const workDir = join(buildRoot, 'worker');
const pyDir = join(buildRoot, 'python');
let child = null;
const cleanup = () => rmSync(buildRoot, { recursive: true, force: true });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    child?.kill(sig);
    cleanup();
    console.error(`${TAG} interrupted (${sig}); removed ${buildRoot}`);
    process.exit(130);
  });
}

log(`building mediasoup ${version} worker (cold build: ~1,000 compile units, 3–4 min on 2 cores)`);
log(`build folder ${buildRoot}`);
try {
  cpSync(join(mediasoupDir, 'worker'), workDir, {
    recursive: true,
    // a worker built in place by mediasoup's own script must not leak into ours
    filter: (src) => relative(join(mediasoupDir, 'worker'), src) !== 'out',
  });
} catch (e) {
  cleanup();
  fail(`could not copy ${join(mediasoupDir, 'worker')} to ${workDir}: ${e.message}`);
}

for (const p of patches) {
  const file = join(patchDir, p);
  const r =
    patchTool === 'patch'
      ? spawnSync('patch', ['-p1', '--forward', '--batch', '-i', file], { cwd: workDir, encoding: 'utf8' })
      : spawnSync('git', ['apply', '-p1', file], { cwd: workDir, encoding: 'utf8' });
  if (r.status !== 0) {
    cleanup();
    fail(`patch ${relative(repoRoot, file)} does not apply to mediasoup ${version}:\n${r.stdout}${r.stderr}`);
  }
  log(`applied ${relative(repoRoot, file)}`);
}

// mediasoup 3.8.4 bundles a gyp that still uses collections.MutableSet & co (gone in Python 3.10).
mkdirSync(pyDir);
writeFileSync(
  join(pyDir, 'sitecustomize.py'),
  [
    '# Written by scripts/build-mediasoup-worker.mjs: lets the gyp bundled with mediasoup 3.8.4 run',
    '# on Python >= 3.10, where these aliases of collections.abc were removed.',
    'import collections',
    'import collections.abc',
    "for _name in ('MutableSet', 'Mapping', 'MutableMapping', 'Sequence', 'Iterable', 'Callable'):",
    '    if not hasattr(collections, _name):',
    '        setattr(collections, _name, getattr(collections.abc, _name))',
    '',
  ].join('\n'),
);

const env = { ...process.env, PYTHON: 'python3', PYTHONDONTWRITEBYTECODE: '1' };
env.PYTHONPATH = env.PYTHONPATH ? `${pyDir}${delimiter}${env.PYTHONPATH}` : pyDir;
// The worker Makefile skips the build when MEDIASOUP_WORKER_BIN is set; keep make's own
// state and output-dir overrides of a calling environment out of it too.
for (const k of [
  'MEDIASOUP_WORKER_BIN',
  'MEDIASOUP_OUT_DIR',
  'MEDIASOUP_BUILDTYPE',
  'MAKEFLAGS',
  'MFLAGS',
  'MAKELEVEL',
]) {
  delete env[k];
}

mkdirSync(installDir, { recursive: true });
const logStream = createWriteStream(logPath);
const verbose = process.env.ADAL_MEDIASOUP_VERBOSE === '1';
const makeArgs = ['-C', workDir, 'PYTHON=python3', `CORES=${jobs}`, 'MEDIASOUP_BUILDTYPE=Release'];
log(`make ${makeArgs.join(' ')}  (full log: ${logPath})`);

/** Number of object files gyp planned, read from the generated makefiles once they exist. */
function plannedUnits() {
  let n = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.target.mk')) {
        n += readFileSync(p, 'utf8').match(/^\s*\$\(obj\)\.target\/\$\(TARGET\)\/\S+\.o\b/gm)?.length ?? 0;
      }
    }
  };
  try {
    walk(join(workDir, 'out'));
  } catch {
    return 0;
  }
  return n;
}

const tail = [];
let units = 0;
let total = 0;
let lastReport = Date.now();
const code = await new Promise((resolveExit) => {
  child = spawn('make', makeArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const onLine = (line) => {
    logStream.write(`${line}\n`);
    tail.push(line);
    if (tail.length > 60) tail.shift();
    if (verbose) {
      console.log(line);
      return;
    }
    if (/^\s*(CC|CXX)\(target\)/.test(line)) {
      units += 1;
      if (total === 0) total = plannedUnits();
      if (units % 50 === 0 || Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        log(`${units}${total ? `/${total}` : ''} compile units, ${elapsed(t0)}`);
      }
    } else if (/^\s*(AR|LINK)\(target\)|\berror:|\*\*\*/.test(line)) {
      log(`${line.trim()}  (${elapsed(t0)})`);
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  child.on('error', (e) => {
    onLine(`spawn make: ${e.message}`);
    resolveExit(1);
  });
  child.on('close', (c) => resolveExit(c ?? 1));
});
await new Promise((r) => logStream.end(r));

const built = join(workDir, 'out', 'Release', 'mediasoup-worker');
if (code !== 0 || !existsSync(built)) {
  if (!verbose) console.error(tail.join('\n'));
  cleanup();
  fail(`make failed (exit ${code}) after ${elapsed(t0)}; full log: ${logPath}`);
}
const builtProblem = checkWorker(built);
if (builtProblem !== null) {
  cleanup();
  fail(`the freshly built worker does not run: ${builtProblem}`);
}

// --- install atomically ---------------------------------------------------------------------------
const tmpBin = join(installDir, `.${basename(binPath)}.tmp-${process.pid}`);
try {
  copyFileSync(built, tmpBin);
  chmodSync(tmpBin, 0o755);
  renameSync(tmpBin, binPath);
} catch (e) {
  try {
    unlinkSync(tmpBin);
  } catch {}
  cleanup();
  fail(`could not install the worker into ${installDir}: ${e.message}`);
}
const buildSeconds = Math.round((Date.now() - t0) / 1000);
writeFileSync(
  infoPath,
  `${JSON.stringify(
    {
      mediasoup: version,
      patches: patches.join(', ') || '(none)',
      patchesDigest,
      jobs: Number(jobs),
      buildSeconds,
      builtAt: new Date().toISOString(),
      compiler: spawnSync('g++', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? '',
    },
    null,
    2,
  )}\n`,
);
cleanup();
const mb = (statSync(binPath).size / 1024 / 1024).toFixed(1);
log(`mediasoup worker ${version}: built in ${elapsed(t0)}, installed at ${binPath} (${mb} MB)`);
