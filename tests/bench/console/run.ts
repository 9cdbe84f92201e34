/**
 * `npm run bench:console` (issue 5): one proctor console with N live students in headless
 * Chromium — the console's CPU and memory with every tile playing, how long a new flag takes to
 * show, and how fast a student's log is verified. See README.md beside this file.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchSitting } from '../../../server/bench/load/bench-sitting.js';
import { cleanUpAll, cleanUpOnSignals, onCleanup } from './cleanup.js';
import {
  CONSOLE_MARKER,
  type ConsoleBrowser,
  openConsole,
  signInProctor,
  waitForPlayingTiles,
} from './console.js';
import { FARM_MARKER, type Farm, startFarm, WEBCAM, waitUntilProducing } from './farm.js';
import type { FarmStats } from './farm-page.js';
import { detailFlag, type FlagSample, gridFlag } from './flags.js';
import { measureLogVerification } from './log-verify.js';
import { parseOptions } from './options.js';
import { createDatabase, ensureConsoleBuilt, postgresVersion, startServer } from './platform.js';
import { chromiumMain, cpuModel } from './proc.js';
import { type Report, render, type ScreenWindow, writeSection } from './report.js';
import { type Pids, processKinds, startSampler } from './sampler.js';
import { latency, tileWindow } from './tiles.js';

const options = parseOptions(process.argv.slice(2));
const RAW_RESULTS = join(tmpdir(), 'adal-bench-console.json');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const step = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);

/** Frames per second each student's producer encoded between two farm readings, by student id. */
function sentFps(students: { id: string }[], before: FarmStats, after: FarmStats, seconds: number) {
  return new Map(
    students.map((student, i) => [
      student.id,
      Math.max(0, (after.framesByStudent[i] ?? 0) - (before.framesByStudent[i] ?? 0)) / seconds,
    ]),
  );
}

/**
 * Sizes the viewport to the whole grid, so every tile is on screen (tiles grow once their video
 * plays: called again until every tile plays), or to what was asked.
 */
async function fitViewport(c: ConsoleBrowser): Promise<{ width: number; height: number }> {
  if (options.viewport) {
    await c.grid.setViewportSize(options.viewport);
    return options.viewport;
  }
  const bottom = await c.grid.evaluate(
    () => (document.querySelector('ul.live-grid')?.getBoundingClientRect().bottom ?? 0) + window.scrollY,
  );
  const size = { width: c.viewport.width, height: Math.max(c.viewport.height, Math.ceil(bottom + 32)) };
  const current = c.grid.viewportSize();
  if (current?.width !== size.width || current.height !== size.height) await c.grid.setViewportSize(size);
  return size;
}

/**
 * The grid on one ordinary screen: tiles off it pause, so only those on it play (a window half as
 * long as the main one).
 */
async function screenWindow(
  c: ConsoleBrowser,
  farm: Farm,
  students: { id: string }[],
  pids: Pids,
  size: { width: number; height: number },
): Promise<ScreenWindow> {
  step(`one ${size.width}×${size.height} screen: ${options.seconds / 2} s window`);
  await c.grid.setViewportSize(size);
  await c.grid.evaluate(() => window.scrollTo(0, 0));
  // Tiles that left the screen pause their consumer.
  await sleep(5000);
  const tilesBefore = await c.tileStats();
  const farmBefore = await farm.stats();
  const sampler = startSampler(pids);
  await sleep(options.seconds * 500);
  const cpu = sampler.stop();
  const tilesAfter = await c.tileStats();
  const tiles = tileWindow(
    tilesBefore,
    tilesAfter,
    cpu.seconds,
    sentFps(students, farmBefore, await farm.stats(), cpu.seconds),
  );
  return { size, onScreen: tilesAfter.filter((t) => t.onScreen).length, cpu, tiles };
}

/**
 * The flags, with one student's detail page open in a second tab: each round a grid flag for the
 * next student, then a detail flag for the detail page's student, about a second apart.
 */
async function measureFlags(
  c: ConsoleBrowser,
  farm: Farm,
  students: { id: string; sessionToken: string }[],
  pids: Pids,
  baseUrl: string,
  sittingId: string,
  proctorCookie: string,
) {
  step(`flags: detail page of one student in a second tab, then ${options.flags} × (grid flag, detail flag)`);
  const detailStudent = students[0] as (typeof students)[number];
  const detail = await c.openDetail(sittingId, detailStudent.id);
  await sleep(3000);
  const tilesBefore = await c.tileStats();
  const farmBefore = await farm.stats();
  const started = performance.timeOrigin + performance.now();
  const sampler = startSampler(pids);
  const samples: FlagSample[] = [];
  const flagged = students.slice(1);
  for (let i = 0; i < options.flags; i++) {
    const student = flagged[i];
    if (student) samples.push(await gridFlag(c.grid, baseUrl, sittingId, student));
    await sleep(700 + Math.random() * 600);
    samples.push(await detailFlag(detail, baseUrl, sittingId, detailStudent.id, proctorCookie, i));
    await sleep(700 + Math.random() * 600);
  }
  const flagCpu = sampler.stop();
  const flagTiles = tileWindow(
    tilesBefore,
    await c.tileStats(),
    flagCpu.seconds,
    sentFps(students, farmBefore, await farm.stats(), flagCpu.seconds),
  );
  const detailMetrics = await c.pageMetrics(await c.context.newCDPSession(detail));
  const overviewMs = (
    await c.grid.evaluate((since) => window.__bench.requests('/proctoring', since), started)
  ).map(([start, end]) => end - start);
  await detail.close();
  const bad = samples.filter((s) => s.status >= 300);
  if (bad.length) console.warn(`${bad.length} flag calls failed: ${bad.map((s) => s.status).join(', ')}`);
  return { samples, flagCpu, flagTiles, detailMetrics, overviewMs };
}

async function main(): Promise<void> {
  const n = options.students;
  step(`bench:console — ${n} students, ${options.seconds} s window, ${options.flags} flags; load ${load()}`);
  const build = await ensureConsoleBuilt(options.build);
  step(`proctor console dist: ${build}`);

  const database = await createDatabase();
  onCleanup('drop database', () => database.drop());
  const setupStart = performance.now();
  const sitting = await createBenchSitting(database.url, n);
  const server = await startServer(database.url);
  onCleanup('stop server', () => server.stop());
  step(`server ${server.baseUrl} (pid ${server.pid}), SFU ${server.sfuUrl} (pid ${server.sfuPid()})`);

  const students = await Promise.all(
    sitting.tokens.map(async (sessionToken) => {
      const response = await fetch(`${server.baseUrl}/api/auth/me`, {
        headers: { cookie: `adal_session=${sessionToken}` },
      });
      if (!response.ok) throw new Error(`/api/auth/me for a bench student: ${response.status}`);
      return { id: ((await response.json()) as { id: string }).id, sessionToken };
    }),
  );

  step('student farm: starting');
  const farm = await startFarm(server.baseUrl, sitting.sittingId, students);
  const closeFarm = onCleanup('close student farm', () => farm.close());
  const farmReady = await waitUntilProducing(farm, n, 120_000);
  step(`student farm: ${farmReady.producing}/${n} producing`);
  if (farmReady.producing < n) console.warn(`only ${farmReady.producing} of ${n} students are sending`);

  const proctor = await signInProctor(server.baseUrl, 'proctor1');
  const consoleStart = performance.now();
  const c = await openConsole(server.baseUrl, proctor, sitting.sittingId, { width: 1280, height: 900 });
  const closeConsole = onCleanup('close console', () => c.close());
  const chromium = c.browser.version();
  await c.grid.waitForFunction((count) => document.querySelectorAll('li.live-tile').length >= count, n, {
    timeout: 60_000,
  });
  await fitViewport(c);
  const ready = await waitForPlayingTiles(c, n, 120_000, () => fitViewport(c));
  const viewport = await fitViewport(c);
  const allPlayingAfter = (performance.now() - consoleStart) / 1000;
  step(`console: ${ready.playing}/${n} tiles playing ${allPlayingAfter.toFixed(1)} s after it opened`);
  const setupSeconds = (performance.now() - setupStart) / 1000;

  const consoleMain = chromiumMain(CONSOLE_MARKER);
  const farmMain = chromiumMain(FARM_MARKER);
  if (consoleMain === undefined || farmMain === undefined) throw new Error('Chromium processes not found');
  const pids: Pids = {
    consoleMain,
    farmMain,
    server: server.pid,
    sfu: server.sfuPid(),
    worker: server.workerPid(),
  };

  step(`warm-up ${options.warmupSeconds} s`);
  await sleep(options.warmupSeconds * 1000);

  step(`window ${options.seconds} s; load ${load()}`);
  const tilesBefore = await c.tileStats();
  const farmBefore = await farm.stats();
  const longTasksBefore = await c.grid.evaluate(() => window.__bench.longTasks.length);
  const sampler = startSampler(pids);
  await sleep(options.seconds * 1000);
  const cpu = sampler.stop();
  const tilesAfter = await c.tileStats();
  const farmAfter = await farm.stats();
  const gridMetrics = await c.pageMetrics(c.gridCdp);
  const longTasks = (await c.grid.evaluate(() => window.__bench.longTasks)).slice(longTasksBefore);
  // After the window, not in it: a rAF loop makes the page draw every frame it can.
  const gridFrames = await c.grid.evaluate((ms) => window.__bench.frameRate(ms), 3000);
  const tiles = tileWindow(
    tilesBefore,
    tilesAfter,
    cpu.seconds,
    sentFps(students, farmBefore, farmAfter, cpu.seconds),
  );
  const consoleKinds = processKinds(consoleMain);
  step(
    `window: ${tiles.playing}/${tiles.tiles} tiles ≥ 12 fps, ${tiles.keepingUp} keeping up with the ${tiles.sentFps.toFixed(1)} fps sent, console ${cpu.console.toFixed(0)} % of a core, farm ${cpu.farm.toFixed(0)} %`,
  );

  const { samples, flagCpu, flagTiles, detailMetrics, overviewMs } = await measureFlags(
    c,
    farm,
    students,
    pids,
    server.baseUrl,
    sitting.sittingId,
    proctor.cookie,
  );
  const grid = latency(samples.filter((s) => s.where === 'grid').map((s) => s.frameMs));
  const detailLatency = latency(samples.filter((s) => s.where === 'detail').map((s) => s.frameMs));
  const gridDom = latency(samples.filter((s) => s.where === 'grid').map((s) => s.domMs));
  const detailDom = latency(samples.filter((s) => s.where === 'detail').map((s) => s.domMs));
  step(`flags: grid p95 ${grid.p95.toFixed(0)} ms, detail p95 ${detailLatency.p95.toFixed(0)} ms`);
  const screen = options.screen ? await screenWindow(c, farm, students, pids, options.screen) : null;
  await closeConsole();
  await closeFarm();

  step(`log: ${options.logEntries} entries appended to one student's log, then verified`);
  const logStudent = students[students.length - 1] as (typeof students)[number];
  const log = await measureLogVerification(
    database.url,
    server.baseUrl,
    proctor.cookie,
    sitting.sittingId,
    logStudent.id,
    options.logEntries,
  );
  step(
    `log: ${log.entries} entries, route ${log.routePerSecond.toFixed(0)}/s, verifyChain ${log.purePerSecond.toFixed(0)}/s`,
  );

  const report: Report = {
    date: new Date().toISOString().slice(0, 10),
    cores: availableParallelism(),
    cpuModel: cpuModel(),
    node: process.version,
    chromium,
    postgres: await postgresVersion(),
    command: `npm run bench:console${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    options,
    viewport,
    setupSeconds,
    allPlayingAfter,
    playingAtStart: ready.playing,
    farmSettings: WEBCAM,
    farmUpstreamKbps: ((farmAfter.bytesSent - farmBefore.bytesSent) * 8) / cpu.seconds / 1000 / n,
    farmFps: (farmAfter.framesEncoded - farmBefore.framesEncoded) / cpu.seconds / n,
    farmLimited: farmAfter.limited,
    farmProducing: farmAfter.producing,
    cpu,
    consoleKinds,
    tiles,
    gridMetrics,
    detailMetrics,
    gridFrames,
    longTasks: {
      count: longTasks.length,
      totalMs: longTasks.reduce((sum, [, d]) => sum + d, 0),
      maxMs: longTasks.reduce((max, [, d]) => Math.max(max, d), 0),
    },
    flagCpu,
    flagTiles,
    screen,
    samples,
    overviewMs,
    warnings: [...c.warnings],
    grid,
    detail: detailLatency,
    gridDom,
    detailDom,
    log,
    complaints: [...server.complaints],
  };
  await writeFile(RAW_RESULTS, JSON.stringify(report, null, 2));
  const markdown = render(report);
  console.log(`\n${markdown}\n`);
  if (options.write) {
    await writeSection(markdown);
    step('BENCHMARKS.md: section bench:console written');
  }
  step(`every figure, and each flag's timings: ${RAW_RESULTS}`);
}

cleanUpOnSignals();
try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUpAll();
}
