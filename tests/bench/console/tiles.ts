/** Per-tile figures over a window, from two readings of the grid's tile stats. */
import type { TileStats } from './console-page.js';

export interface TileWindow {
  tiles: number;
  /** Tiles that decoded at least PLAYING_FPS frames per second in the window. */
  playing: number;
  /** Tiles that decoded any frame. */
  decoding: number;
  /** Tiles that decoded at least KEEP_UP of the frames their student sent in the window. */
  keepingUp: number;
  /** Frames per second the students sent (median over students). */
  sentFps: number;
  decodedFps: { min: number; median: number; max: number };
  /** Frames the video elements handed on to be shown, per tile per second (median). */
  shownFps: number;
  freezes: number;
  /** Seconds frozen over all tiles, as a share of tile-seconds. */
  frozenShare: number;
  framesDropped: number;
  /** Video kbit/s received per tile (median). */
  kbpsPerTile: number;
  resolutions: string[];
}

/** 12 of the 15 frames a second the students send. */
export const PLAYING_FPS = 12;
/** A tile keeps up when it decodes this share of what its student sent. */
export const KEEP_UP = 0.9;

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);

/**
 * `sent`: frames per second each student's producer encoded over the same window, by student id
 * (students missing from it count as keeping up when their tile decodes anything).
 */
export function tileWindow(
  before: TileStats[],
  after: TileStats[],
  seconds: number,
  sent: ReadonlyMap<string, number> = new Map(),
): TileWindow {
  const rows = after.map((a) => {
    const b = before.find((x) => x.studentId === a.studentId);
    const fps = (a.framesDecoded - (b?.framesDecoded ?? 0)) / seconds;
    return {
      fps,
      keepsUp: fps > 0 && fps >= KEEP_UP * (sent.get(a.studentId) ?? 0),
      shown: (a.shownFrames - (b?.shownFrames ?? 0)) / seconds,
      freezes: a.freezeCount - (b?.freezeCount ?? 0),
      frozen: a.totalFreezesDuration - (b?.totalFreezesDuration ?? 0),
      dropped: a.framesDropped - (b?.framesDropped ?? 0),
      kbps: ((a.bytesReceived - (b?.bytesReceived ?? 0)) * 8) / seconds / 1000,
      resolution: `${a.frameWidth}×${a.frameHeight}`,
    };
  });
  const fps = rows.map((r) => r.fps).sort((x, y) => x - y);
  return {
    tiles: rows.length,
    playing: rows.filter((r) => r.fps >= PLAYING_FPS).length,
    decoding: rows.filter((r) => r.fps > 0).length,
    keepingUp: rows.filter((r) => r.keepsUp).length,
    sentFps: quantile(
      [...sent.values()].sort((x, y) => x - y),
      0.5,
    ),
    decodedFps: { min: fps[0] ?? 0, median: quantile(fps, 0.5), max: fps[fps.length - 1] ?? 0 },
    shownFps: quantile(
      rows.map((r) => r.shown).sort((x, y) => x - y),
      0.5,
    ),
    freezes: rows.reduce((sum, r) => sum + r.freezes, 0),
    frozenShare: rows.length ? rows.reduce((sum, r) => sum + r.frozen, 0) / (rows.length * seconds) : 0,
    framesDropped: rows.reduce((sum, r) => sum + r.dropped, 0),
    kbpsPerTile: quantile(
      rows.map((r) => r.kbps).sort((x, y) => x - y),
      0.5,
    ),
    resolutions: [...new Set(rows.map((r) => r.resolution))],
  };
}

/** p50, p95 and max of a list (nearest rank); nulls (never seen) count as slower than all. */
export function latency(values: (number | null)[]): {
  p50: number;
  p95: number;
  max: number;
  missed: number;
} {
  const seen = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const missed = values.length - seen.length;
  const all = [...seen, ...Array<number>(missed).fill(Number.POSITIVE_INFINITY)];
  const rank = (q: number) => all[Math.min(all.length - 1, Math.ceil(q * all.length) - 1)] ?? 0;
  return { p50: rank(0.5), p95: rank(0.95), max: all[all.length - 1] ?? 0, missed };
}
