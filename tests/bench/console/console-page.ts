/**
 * What the bench adds to every page of the proctor console (an init script; nothing in the apps
 * changes): the page's RTCPeerConnections for stats, its long tasks, and watchers that note when
 * something appears on screen. Node imports only its types.
 */

export interface Appearance {
  /** performance.timeOrigin + performance.now() when the DOM first matched (ms since the epoch). */
  domAt: number;
  /** The same clock at the next animation frame: when it is painted, near enough. */
  frameAt: number;
}

export interface TileStats {
  studentId: string;
  onScreen: boolean;
  framesDecoded: number;
  framesDropped: number;
  freezeCount: number;
  totalFreezesDuration: number;
  bytesReceived: number;
  frameWidth: number;
  frameHeight: number;
  /** HTMLVideoElement.getVideoPlaybackQuality(): frames the player handed on to be shown. */
  shownFrames: number;
  droppedShown: number;
}

interface BenchApi {
  longTasks: [number, number][];
  watches: Map<string, Promise<Appearance>>;
  /** Resolves when `selector` matches (checked after every DOM change). */
  watchSelector(key: string, selector: string): void;
  /** Resolves when a node added to the page (or already in `within`) contains `text`. */
  watchText(key: string, within: string, text: string): void;
  result(key: string, timeoutMs: number): Promise<Appearance | null>;
  tileStats(): Promise<TileStats[]>;
  /** Animation frames the page produced over `ms` (a rAF loop, run only while asked), and the longest gap. */
  frameRate(ms: number): Promise<{ fps: number; maxGapMs: number }>;
  /** The page's requests whose URL contains `part`, started at or after `since`: [start, end] in epoch ms. */
  requests(part: string, since: number): [number, number][];
}

declare global {
  interface Window {
    __adalPcs: RTCPeerConnection[];
    __bench: BenchApi;
  }
}

/** Runs once per page, before the app's scripts (bundled as an init script by console.ts). */
function benchInit(): void {
  const pcs: RTCPeerConnection[] = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      pcs.push(this);
    }
  };
  window.__adalPcs = pcs;

  const clock = () => performance.timeOrigin + performance.now();
  // Room for every API call of a run (the default keeps 250).
  performance.setResourceTimingBufferSize(100_000);
  const longTasks: [number, number][] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([performance.timeOrigin + e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing: the list stays empty.
  }

  /** Watches the DOM until `matched` says yes; then waits for the next frame. */
  const watch = (matched: (records: MutationRecord[] | null) => boolean): Promise<Appearance> =>
    new Promise((resolve) => {
      const done = () => {
        const domAt = clock();
        requestAnimationFrame(() => resolve({ domAt, frameAt: clock() }));
      };
      if (matched(null)) return done();
      const observer = new MutationObserver((records) => {
        if (!matched(records)) return;
        observer.disconnect();
        done();
      });
      observer.observe(document.documentElement, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });

  const watches = new Map<string, Promise<Appearance>>();
  window.__bench = {
    longTasks,
    watches,
    watchSelector(key, selector) {
      watches.set(
        key,
        watch(() => document.querySelector(selector) !== null),
      );
    },
    watchText(key, within, text) {
      const has = (node: Node) => (node.textContent ?? '').includes(text);
      watches.set(
        key,
        watch((records) => {
          if (records === null) {
            const box = document.querySelector(within);
            return box !== null && has(box);
          }
          return records.some(
            (r) =>
              (r.type === 'characterData' && has(r.target)) || [...r.addedNodes].some((node) => has(node)),
          );
        }),
      );
    },
    async result(key, timeoutMs) {
      const pending = watches.get(key);
      if (!pending) return null;
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
      const found = await Promise.race([pending, timeout]);
      watches.delete(key);
      return found;
    },
    frameRate(ms) {
      return new Promise((resolve) => {
        const start = performance.now();
        let last = start;
        let frames = 0;
        let maxGapMs = 0;
        const tick = (t: number) => {
          frames++;
          maxGapMs = Math.max(maxGapMs, t - last);
          last = t;
          if (t - start < ms) requestAnimationFrame(tick);
          else resolve({ fps: (frames / (t - start)) * 1000, maxGapMs });
        };
        requestAnimationFrame(tick);
      });
    },
    requests(part, since) {
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((e): [number, number, string] => [
          performance.timeOrigin + e.startTime,
          performance.timeOrigin + e.responseEnd,
          e.name,
        ])
        .filter(([start, , name]) => name.includes(part) && start >= since)
        .map(([start, end]): [number, number] => [start, end]);
    },
    async tileStats() {
      const byTrack = new Map<string, Record<string, number>>();
      for (const pc of pcs) {
        if (pc.connectionState === 'closed') continue;
        for (const s of (await pc.getStats()).values())
          if (s.type === 'inbound-rtp' && s.kind === 'video' && s.trackIdentifier)
            byTrack.set(s.trackIdentifier, s);
      }
      const tiles: TileStats[] = [];
      for (const tile of document.querySelectorAll<HTMLElement>('li.live-tile')) {
        const video = tile.querySelector<HTMLVideoElement>('video[data-testid="tile-video"]');
        const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0];
        const s = (track && byTrack.get(track.id)) ?? {};
        const quality = video?.getVideoPlaybackQuality();
        tiles.push({
          studentId: tile.dataset.studentId ?? '',
          onScreen: tile.dataset.onScreen === 'true',
          framesDecoded: s.framesDecoded ?? 0,
          framesDropped: s.framesDropped ?? 0,
          freezeCount: s.freezeCount ?? 0,
          totalFreezesDuration: s.totalFreezesDuration ?? 0,
          bytesReceived: s.bytesReceived ?? 0,
          frameWidth: s.frameWidth ?? 0,
          frameHeight: s.frameHeight ?? 0,
          shownFrames: quality?.totalVideoFrames ?? 0,
          droppedShown: quality?.droppedVideoFrames ?? 0,
        });
      }
      return tiles;
    },
  };
}

benchInit();
