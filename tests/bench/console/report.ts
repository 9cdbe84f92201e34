/** The benchmark's markdown section of BENCHMARKS.md: what ran, the tables, and the goal verdict. */
import {
  BENCHMARKS_MD,
  writeSection as writeBenchmarksSection,
} from '../../../server/bench/load/benchmarks-file.js';
import type { FarmSettings } from './farm-page.js';
import type { FlagSample } from './flags.js';
import type { LogVerifyResult } from './log-verify.js';
import type { Options } from './options.js';
import type { WindowCpu } from './sampler.js';
import { KEEP_UP, PLAYING_FPS, type TileWindow } from './tiles.js';

export { BENCHMARKS_MD };

/** Issue 5: a flag visible less than a second after it is raised. */
const FLAG_GOAL_MS = 1000;
/** Other work above this (% of one core) in the window makes the numbers suspect. */
const BUSY_OTHER_PERCENT = 50;

type Latency = { p50: number; p95: number; max: number; missed: number };

/** The grid on one ordinary screen: tiles off it pause, so only those on it play. */
export interface ScreenWindow {
  size: { width: number; height: number };
  onScreen: number;
  cpu: WindowCpu;
  tiles: TileWindow;
}

export interface Report {
  date: string;
  cores: number;
  cpuModel: string;
  node: string;
  chromium: string;
  postgres: string;
  command: string;
  options: Options;
  viewport: { width: number; height: number };
  setupSeconds: number;
  allPlayingAfter: number;
  /** Tiles playing when the wait for all of them ended. */
  playingAtStart: number;
  farmSettings: FarmSettings;
  farmUpstreamKbps: number;
  farmFps: number;
  farmLimited: Record<string, number>;
  farmProducing: number;
  cpu: WindowCpu;
  consoleKinds: Record<string, number>;
  tiles: TileWindow;
  gridMetrics: { heapUsedMb: number; heapTotalMb: number; nodes: number };
  detailMetrics: { heapUsedMb: number; heapTotalMb: number; nodes: number };
  longTasks: { count: number; totalMs: number; maxMs: number };
  /** Animation frames/s of the grid page for 3 s after the window, and the longest gap. */
  gridFrames: { fps: number; maxGapMs: number };
  flagCpu: WindowCpu;
  flagTiles: TileWindow;
  screen: ScreenWindow | null;
  samples: FlagSample[];
  /** Durations of the grid's proctoring overview refetches during the flags, ms. */
  overviewMs: number[];
  /** Warnings and errors the console's pages logged. */
  warnings: string[];
  /** Until the first animation frame after the DOM change (the goal's measure). */
  grid: Latency;
  detail: Latency;
  /** Until the DOM had it. */
  gridDom: Latency;
  detailDom: Latency;
  log: LogVerifyResult;
  complaints: [string, number][];
}

const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'not seen');
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (l: Latency) =>
  `${f(l.p50)} / ${f(l.p95)} / ${f(l.max)}${l.missed ? ` (${l.missed} not seen in 10 s)` : ''}`;
const loads = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0;
};

function byKind(cpu: Record<string, number>): string {
  const renderer = cpu.renderer ?? 0;
  const gpu = cpu['gpu-process'] ?? 0;
  const browser = cpu.browser ?? 0;
  const rest = Object.values(cpu).reduce((a, b) => a + b, 0) - renderer - gpu - browser;
  return `${f(renderer)} / ${f(gpu)} / ${f(browser)} / ${f(rest)}`;
}

/** Long tasks above this share of the window: the grid's main thread no longer keeps up. */
const MAX_LONG_TASK_SHARE = 0.05;

export function verdict(r: Report): { tiles: string; flags: boolean; text: string } {
  const n = r.options.students;
  const t = r.tiles;
  const longShare = r.longTasks.totalMs / 1000 / r.cpu.seconds;
  const keepsUp = t.keepingUp === n && longShare < MAX_LONG_TASK_SHARE;
  const tiles =
    keepsUp && t.playing === n
      ? 'met'
      : keepsUp
        ? 'met by the console, not by this rig (the students sent fewer frames, see below)'
        : 'not met';
  const flags =
    r.grid.p95 < FLAG_GOAL_MS && r.detail.p95 < FLAG_GOAL_MS && r.grid.missed === 0 && r.detail.missed === 0;
  const worst = Math.max(r.grid.p95, r.detail.p95);
  const edge = Math.abs(worst - FLAG_GOAL_MS) < 0.15 * FLAG_GOAL_MS;
  const why =
    keepsUp && t.playing < n
      ? ` The console decoded what arrived (${t.keepingUp} of ${n} tiles ≥ ${f(KEEP_UP * 100)} % of the frames their student sent); the shortfall is on the sending side: the students' Chromium, starved of CPU on the same 2 cores, sent only ${f(t.sentFps, 1)} fps per student (median) of the ${r.farmSettings.fps} it was asked for.`
      : keepsUp
        ? ''
        : ` The console fell behind: ${t.keepingUp} of ${n} tiles decoded ≥ ${f(KEEP_UP * 100)} % of the frames their student sent (students sent ${f(t.sentFps, 1)} fps, median).`;
  const lines = [
    `**Goal** (issue 5: ${n} live tiles usable on this 2-core machine; a flag visible < 1 s after it is raised):`,
    `- ${n} tiles: **${tiles}** — ${t.playing} of ${t.tiles} tiles decoded ≥ ${PLAYING_FPS} fps (median ${f(t.decodedFps.median, 1)}, slowest ${f(t.decodedFps.min, 1)}), ${t.keepingUp} kept up with what their student sent, frozen ${f(t.frozenShare * 100, 1)} % of the time; the console used ${f(r.cpu.console)} % of one core (p95 of 1 s samples ${f(p95(r.cpu.consoleSeries))} %), its grid page's main thread was in long tasks ${f(longShare * 100, 1)} % of the window (longest ${f(r.longTasks.maxMs)} ms).${why}`,
    `- flags: **${flags ? 'met' : 'not met'}**${edge ? ' (at the edge)' : ''} — p95 ${f(r.grid.p95, 1)} ms on the grid, ${f(r.detail.p95, 1)} ms on the detail page (goal < ${FLAG_GOAL_MS} ms; ${p95Rank(r.samples.filter((x) => x.where === 'grid').length)}).${gridPath(r)}${frameNote(r, flags)}`,
  ];
  if (r.cpu.other > BUSY_OTHER_PERCENT || r.cpu.machine > 180)
    lines.push(
      `- Caution: the machine was ${f(r.cpu.machine)} % busy of 200 % in the window, other work on it (not this benchmark) using ${f(r.cpu.other)} % of a core (load average ${loads(r.cpu.loadStart)} → ${loads(r.cpu.loadEnd)}); console, students, server and SFU competed for the same 2 cores.`,
    );
  return { tiles, flags, text: lines.join('\n') };
}

/** Where a grid flag's time goes: event → refetch starts → refetch answered → on screen (medians). */
function gridPath(r: Report): string {
  const grid = r.samples.filter((s) => s.where === 'grid');
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? Number.NaN;
  };
  const refetched = grid.filter((s) => s.refetch !== null);
  if (refetched.length === 0) return '';
  const started = med(refetched.map((s) => (s.refetch as [number, number])[0]));
  const answered = med(refetched.map((s) => (s.refetch as [number, number])[1]));
  const dom = med(grid.filter((s) => s.domMs !== null).map((s) => s.domMs as number));
  const detailDom = med(
    r.samples.filter((s) => s.where === 'detail' && s.domMs !== null).map((s) => s.domMs as number),
  );
  return ` Where the time goes (medians): on the grid the API call answered after ${f(med(grid.map((s) => s.apiMs)))} ms, the console started refetching the proctoring overview after ${f(started)} ms and had it after ${f(answered)} ms, the tile's DOM said "needs attention" after ${f(dom)} ms, and the page's next animation frame came at ${f(r.grid.p50)} ms${frameWaits(r)}. On the detail page the DOM had the note after ${f(detailDom)} ms.`;
}

export function render(r: Report): string {
  const n = r.options.students;
  const o = r.options;
  const v = verdict(r);
  const c = r.cpu;
  const kinds = Object.entries(r.consoleKinds)
    .map(([k, count]) => `${count} ${k}`)
    .join(', ');
  const limited = Object.entries(r.farmLimited)
    .map(([k, count]) => `${count} limited by ${k}`)
    .join(', ');
  return [
    `## Proctor console with ${n} live students (issue 5, \`npm run bench:console\`) — ${r.date}`,
    '',
    `Machine: ${r.cores} cores (\`nproc\`), ${r.cpuModel}; Node ${r.node}; Chromium ${r.chromium} headless (\`--disable-gpu\`: software compositing, as in the e2e suite); PostgreSQL ${r.postgres}; mediasoup 3.8.4, one worker.`,
    `Command: \`${r.command}\` — a fresh PostgreSQL database with the demo university and one sitting of ${n} students (proctor1 assigned), one server process (\`server/src/main.ts\`, production mode, jobs in process) with the SFU as its embedded child (recording off), the built proctor console served by it. Set-up until every tile played: ${f(r.setupSeconds)} s.`,
    '',
    `**Students** (one more headless Chromium, not the console's): one page runs ${n} students, each with the exam client's own \`SfuConnection\` (its own media token, signalling socket, mediasoup-client Device and send transport) producing a webcam as one VP8 encoding of ${r.farmSettings.width}×${r.farmSettings.height} at ${r.farmSettings.fps} fps, ≤ ${r.farmSettings.maxBitrateBps / 1000} kbit/s — the grid layer, without the layers above it (which are not sent while nobody selects the student anyway). All clone one track (${r.farmSettings.source === 'camera' ? "Chromium's fake camera" : 'an animated canvas'}); each peer connection encodes its own copy. Sent in the window: ${f(r.farmFps, 1)} fps and ${f(r.farmUpstreamKbps)} kbit/s per student${limited ? ` (${limited})` : ''}. No microphone, screen or phone: the grid shows only webcams, so the tiles show those three as missing.`,
    `**Console**: its own headless Chromium, signed in as proctor1, on the sitting's live grid (\`/proctor/sittings/:id/live\`) in a ${r.viewport.width}×${r.viewport.height} viewport${o.viewport ? '' : ' (as tall as the grid: the page is at most 1200 px wide, so 5 tiles a row, and tiles off screen pause their video)'}. ${r.playingAtStart === n ? `All ${n} tiles played` : `Only ${r.playingAtStart} of ${n} tiles played (waited`} ${f(r.allPlayingAfter, 1)} s after the page opened${r.playingAtStart === n ? '' : ')'}; after ${o.warmupSeconds} s more, a ${f(c.seconds)} s window. Then the detail page of one student opened in a second tab, and ${o.flags} times: a student's browser reports an automatic flag going on (\`reportFlags\`, a different student each time) and the time until that student's tile turns "needs attention" is measured in the grid; then the proctor raises a violation with a unique note (\`raiseViolation\`) on the detail page's student, and the time until the note shows in that page's Chat&log. Both are taken from the moment the API call is sent to the first animation frame after a MutationObserver saw it in the page.`,
    '',
    '| students | tiles playing (≥ 12 fps) / keeping up with what was sent | console CPU % of a core, mean / p95 | console memory MB (PSS of all its processes) / grid JS heap MB | student farm CPU % | flag visible ms, p50 / p95 / max: grid · detail page (in the DOM: p95 grid · detail) | log verification, entries/s: route · verifyChain | load average (1 / 5 / 15 min), start → end |',
    '|---|---|---|---|---|---|---|---|',
    `| ${n} | **${r.tiles.playing} / ${r.tiles.keepingUp}** of ${r.tiles.tiles} | **${f(c.console)}** / ${f(p95(c.consoleSeries))} | ${f(c.consolePssMb)} / ${f(r.gridMetrics.heapUsedMb, 1)} | ${f(c.farm)} | **${ms(r.grid)}** · **${ms(r.detail)}** (${f(r.gridDom.p95)} · ${f(r.detailDom.p95)}) | ${thousands(r.log.routePerSecond)} · ${thousands(r.log.purePerSecond)} | ${loads(c.loadStart)} → ${loads(c.loadEnd)} |`,
    '',
    v.text,
    '',
    '| figure | value |',
    '|---|---|',
    `| students' webcams sent, fps per student (median) | ${f(r.tiles.sentFps, 1)} of ${r.farmSettings.fps} |`,
    `| decoded fps per tile, min / median / max | ${f(r.tiles.decodedFps.min, 1)} / ${f(r.tiles.decodedFps.median, 1)} / ${f(r.tiles.decodedFps.max, 1)} (${r.tiles.resolutions.join(', ')}) |`,
    `| frames shown per tile per second (median) | ${f(r.tiles.shownFps, 1)} |`,
    `| freezes, all tiles; share of tile time frozen | ${r.tiles.freezes}; ${f(r.tiles.frozenShare * 100, 2)} % |`,
    `| video received per tile (median) | ${f(r.tiles.kbpsPerTile)} kbit/s |`,
    `| console CPU % by process: renderers / GPU / browser / utilities | ${byKind(c.consoleByKind)} |`,
    `| console processes; RSS sum | ${kinds}; ${f(c.consoleRssMb)} MB (RSS counts shared pages once per process) |`,
    `| grid page: JS heap used / allocated; DOM nodes | ${f(r.gridMetrics.heapUsedMb, 1)} / ${f(r.gridMetrics.heapTotalMb, 1)} MB; ${thousands(r.gridMetrics.nodes)} |`,
    `| grid page: animation frames/s (rAF loop for 3 s after the window); longest gap | ${f(r.gridFrames.fps, 1)}; ${f(r.gridFrames.maxGapMs)} ms |`,
    `| grid page: long tasks in the window (count / total / longest) | ${r.longTasks.count} / ${f(r.longTasks.totalMs)} ms / ${f(r.longTasks.maxMs)} ms |`,
    `| server / SFU process / mediasoup worker CPU % | ${f(c.server, 1)} / ${f(c.sfu, 1)} / ${f(c.worker, 1)} |`,
    `| this benchmark's process / other work on the machine / stolen, CPU % | ${f(c.bench, 1)} / ${f(c.other)} / ${f(c.steal, 1)} |`,
    `| machine busy (of ${r.cores * 100} %) | ${f(c.machine)} % |`,
    `| during the flags (grid + detail tab, ${f(r.flagCpu.seconds)} s): console CPU %; tiles ≥ 12 fps | ${f(r.flagCpu.console)} %; ${r.flagTiles.playing} / ${r.flagTiles.tiles} |`,
    ...(r.screen ? [screenRow(r.screen)] : []),
    `| detail page: JS heap used; DOM nodes | ${f(r.detailMetrics.heapUsedMb, 1)} MB; ${thousands(r.detailMetrics.nodes)} |`,
    `| flag API call answered, p50 / max: grid · detail | ${apiMs(r.samples, 'grid')} · ${apiMs(r.samples, 'detail')} |`,
    `| grid's proctoring overview refetches during the flags: count; p50 / max | ${r.overviewMs.length}; ${spread(r.overviewMs)} |`,
    `| console warnings and errors (whole run) | ${warningsCell(r.warnings)} |`,
    `| log: entries verified; append rate (appendEntry, ${'500'} per transaction) | ${thousands(r.log.entries)}; ${thousands(r.log.appendPerSecond)} entries/s |`,
    `| log: route call / rows read in-process / verifyChain (median of 5) | ${f(r.log.routeMs)} / ${f(r.log.readMs)} / ${f(r.log.pureMs)} ms; chain ${r.log.ok ? 'intact' : 'BROKEN'} |`,
    `| server warnings | ${r.complaints.length ? r.complaints.map(([m, k]) => `${m} ×${k}`).join('; ') : 'none'} |`,
    '',
    'Columns and rows:',
    `- **tiles playing**: tiles that decoded ≥ ${PLAYING_FPS} frames/s over the window (inbound-rtp \`framesDecoded\` of each tile's track, from the page's own RTCPeerConnection); **keeping up**: tiles that decoded ≥ ${KEEP_UP * 100} % of the frames their student's producer encoded in the same window (outbound-rtp \`framesEncoded\` in the students' browser). **frames shown**: \`getVideoPlaybackQuality().totalVideoFrames\` of the tiles' video elements. **freezes**: inbound-rtp \`freezeCount\` / \`totalFreezesDuration\`.`,
    "- **console CPU**: every process of the console's Chromium (browser, renderers, GPU, network and audio utilities), user + system time from `/proc/<pid>/stat` over the window, % of one core (200 % = the machine); p95 over 1 s samples. **memory**: PSS (shared pages split between processes) summed over those processes, the largest seen in the window; JS heap from CDP `Performance.getMetrics`.",
    "- **student farm CPU**: every process of the students' Chromium — what 50 students' browsers would spend on their own machines; it is here only because everything shares this machine.",
    "- **flag visible**: Node's clock when the API call is sent → the page's clock (`performance.timeOrigin + performance.now()`) at the first animation frame after the change was in the DOM; not seen within 10 s counts as slower than all. **log verification**: entries in the log ÷ time; the route is the whole HTTP call (read the rows, verify, answer), verifyChain the pure function on rows already read.",
    '',
    'Not modelled: a GPU (real proctors have one; here the compositing is software), microphones, screens and phones, a proctor selecting a student (full layer), a second proctor, recording (bench:sfu measures it), other browser tabs.',
  ].join('\n');
}

/** Which sample the p95 of `k` is (nearest rank): with few samples, one late frame moves it. */
function p95Rank(k: number): string {
  const fromTop = k - Math.ceil(0.95 * k) + 1;
  const which = fromTop === 1 ? 'slowest' : fromTop === 2 ? 'second-slowest' : `${fromTop}th-slowest`;
  return `of ${k} flags per page the p95 is the ${which}, so one late frame moves it`;
}

/** When the DOM was in time but the frame was not. */
function frameNote(r: Report, flags: boolean): string {
  if (flags || r.gridDom.p95 >= FLAG_GOAL_MS || r.detailDom.p95 >= FLAG_GOAL_MS) return '';
  return ` In the DOM every flag was there in time (p95 ${f(r.gridDom.p95)} ms on the grid, ${f(r.detailDom.p95)} ms on the detail page): the goal is missed in the last step, the grid page's next frame. Such waits look like Chromium's display compositor holding back BeginFrames for a renderer that has fallen ≥ 10 frames behind (viz \`BeginFrameTracker\`) — 50 videos composited in software on 2 busy cores; not verified with a trace, and a machine with a GPU may not show it.`;
}

/** Grid flags whose frame came ≥ 0.5 s after the DOM change: how many, and their range. */
function frameWaits(r: Report): string {
  const waits = r.samples
    .filter((s) => s.where === 'grid' && s.domMs !== null && s.frameMs !== null)
    .map((s) => (s.frameMs as number) - (s.domMs as number))
    .filter((w) => w >= 500)
    .sort((a, b) => a - b);
  if (waits.length === 0) return '';
  return `; for ${waits.length} of ${r.samples.filter((s) => s.where === 'grid').length} grid flags that frame came ${f(waits[0] ?? 0)}–${f(waits[waits.length - 1] ?? 0)} ms after the DOM change, while in between the page draws ~${f(r.gridFrames.fps)} frames/s`;
}

function screenRow(s: ScreenWindow): string {
  return `| one ${s.size.width}×${s.size.height} screen (after the flags, detail tab closed, ${f(s.cpu.seconds)} s): tiles on screen at the end / decoding at all / playing ≥ ${PLAYING_FPS} fps; console CPU % (renderers / GPU); PSS | ${s.onScreen} / ${s.tiles.decoding} / ${s.tiles.playing}; ${f(s.cpu.console)} % (${f(s.cpu.consoleByKind.renderer ?? 0)} / ${f(s.cpu.consoleByKind['gpu-process'] ?? 0)}); ${f(s.cpu.consolePssMb)} MB |`;
}

function spread(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? `${f(s[Math.floor(s.length / 2)] ?? 0)} / ${f(s[s.length - 1] ?? 0)} ms` : '–';
}

/** How many, and the distinct messages (shortened). */
function warningsCell(warnings: string[]): string {
  if (warnings.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const w of warnings) {
    const key = w.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…').slice(0, 120);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const shown = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([m, k]) => `${k} × “${m.replace(/\|/g, '/')}”`);
  return `${warnings.length}: ${shown.join('; ')}${counts.size > 4 ? '; …' : ''}`;
}

function apiMs(samples: FlagSample[], where: FlagSample['where']): string {
  const xs = samples
    .filter((s) => s.where === where)
    .map((s) => s.apiMs)
    .sort((a, b) => a - b);
  return xs.length ? `${f(xs[Math.floor(xs.length / 2)] ?? 0)} / ${f(xs[xs.length - 1] ?? 0)} ms` : '–';
}

/** This benchmark's section of BENCHMARKS.md, through the shared writer. */
export const writeSection = (markdown: string, path = BENCHMARKS_MD) =>
  writeBenchmarksSection(markdown, path, 'bench:console');
