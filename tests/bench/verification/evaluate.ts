/** The four measurements, each through the harness page: faces, monitoring CPU, documents, face match. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DocumentReading } from '@adal/shared';
import { chromiumMain, cpuUsed, treeCpu } from '../console/proc.js';
import { b64, type HarnessPage, MARKER } from './browser.js';
import type { CardFixture } from './cards.js';
import { type FaceFrame, lightAndBlur, type Person, portrait } from './faces.js';
import type { FaceFrameOutcome } from './page/api.js';

export interface FaceFrameResult extends FaceFrameOutcome {
  id: string;
  /** How many faces the frame really has. */
  expected: number;
  lighting?: number;
  blur?: number;
  rotation?: number;
}

/** Frames go to the page in batches: one evaluate per picture would measure Playwright, not the worker. */
export async function runFaceFrames(
  h: HarnessPage,
  frames: { id: string; expected: number; jpeg: Buffer; meta?: Partial<FaceFrame> }[],
  onProgress: (done: number) => void,
): Promise<FaceFrameResult[]> {
  const out: FaceFrameResult[] = [];
  for (let i = 0; i < frames.length; i += 20) {
    const batch = frames.slice(i, i + 20);
    const found = await h.call(
      'faceFrames',
      batch.map((f) => b64(f.jpeg)),
    );
    for (const [j, f] of batch.entries()) {
      const r = found[j] as FaceFrameOutcome;
      out.push({
        ...r,
        id: f.id,
        expected: f.expected,
        lighting: f.meta?.lighting,
        blur: f.meta?.blur,
        rotation: f.meta?.rotation,
      });
    }
    onProgress(out.length);
  }
  return out;
}

export interface MonitorResult {
  seconds: number;
  frames: number;
  skipped: number;
  workerMs: number[];
  /** CPU seconds of the whole Chromium tree while idle (worker loaded) and while monitoring. */
  idleCpu: number;
  idleSeconds: number;
  busyCpu: number;
}

/**
 * CPU of monitoring: the Chromium tree's user+system time from /proc/<pid>/stat (every process
 * under the browser carrying MARKER), first over an idle window with the worker loaded, then over
 * `seconds` at `fps` frames. The idle rate is subtracted in the report.
 */
export async function runMonitor(
  h: HarnessPage,
  frame: Buffer,
  seconds: number,
  fps: number,
): Promise<MonitorResult> {
  const root = chromiumMain(MARKER);
  if (root === undefined) throw new Error('the harness Chromium was not found in /proc');
  const idleSeconds = Math.min(10, seconds);
  const idleStart = treeCpu(root);
  const idleT0 = performance.now();
  await sleep(idleSeconds * 1000);
  const idleCpu = cpuUsed(idleStart, treeCpu(root));
  const idleWall = (performance.now() - idleT0) / 1000;
  const before = treeCpu(root);
  const t0 = performance.now();
  const r = await h.call('monitor', b64(frame), seconds, fps);
  const wall = (performance.now() - t0) / 1000;
  const busyCpu = cpuUsed(before, treeCpu(root));
  return {
    seconds: wall,
    frames: r.frames,
    skipped: r.skipped,
    workerMs: r.workerMs,
    idleCpu,
    idleSeconds: idleWall,
    busyCpu,
  };
}

export interface CardResult {
  id: string;
  kind: CardFixture['kind'];
  variant: CardFixture['variant'];
  ocrMs: number;
  reading: DocumentReading | null;
  error?: string;
  /** Check digits hold and the zone's fields are the person's. */
  mrzExact: boolean;
  iinExact: boolean;
  /** The person's fields the reading got wrong (empty when exact). */
  wrong: string[];
}

export async function runCards(
  h: HarnessPage,
  cards: CardFixture[],
  onProgress: (done: number) => void,
): Promise<CardResult[]> {
  const out: CardResult[] = [];
  for (const card of cards) {
    try {
      const { reading, ocrMs } = await h.call('readCard', b64(card.jpeg), card.kind);
      const p = card.person;
      const wrong = (['documentNumber', 'surname', 'givenNames', 'iin'] as const)
        .filter((field) => reading[field] !== p[field])
        .map((field) => `${field} ${JSON.stringify(reading[field])}`);
      if (reading.source !== 'mrz') wrong.unshift(`source ${reading.source}`);
      else if (!reading.checkDigitsValid) wrong.unshift(`check digits (${reading.invalidFields.join(', ')})`);
      const mrzExact = wrong.length === 0;
      out.push({
        id: card.id,
        kind: card.kind,
        variant: card.variant,
        ocrMs,
        reading,
        mrzExact,
        iinExact: reading.iin === p.iin,
        wrong,
      });
    } catch (error) {
      out.push({
        id: card.id,
        kind: card.kind,
        variant: card.variant,
        ocrMs: Number.NaN,
        reading: null,
        error: String(error),
        mrzExact: false,
        iinExact: false,
        wrong: ['failed'],
      });
    }
    onProgress(out.length);
  }
  return out;
}

export interface MatchPair {
  a: string;
  b: string;
  same: boolean;
  variant: string;
  distance: number | null;
  verdict: string;
  ms: number;
}

/** How the "document" side of a pair differs from the live photo (lighting 1.0, sharp, upright). */
export const MATCH_VARIANTS = [
  { name: 'darker 0.5', lighting: 0.5, blur: 0, rotation: 0 },
  { name: 'blur σ=2', lighting: 1, blur: 2, rotation: 0 },
  { name: 'lighter 1.3, turned 12°', lighting: 1.3, blur: 0, rotation: 12 },
] as const;

/**
 * Same person: the live crop against three variants of the same crop (one photo: an easy case).
 * Different people: each person against the next `ring` people in the list, one variant each.
 */
export async function runMatches(
  h: HarnessPage,
  people: Person[],
  ring: number,
  onProgress: (done: number, total: number) => void,
): Promise<MatchPair[]> {
  const live = new Map<string, string>();
  const variants = new Map<string, string[]>();
  for (const p of people) {
    live.set(p.id, b64(await lightAndBlur(await portrait(p), 1, 0)));
    const list: string[] = [];
    for (const v of MATCH_VARIANTS)
      list.push(b64(await lightAndBlur(await portrait(p, v.rotation), v.lighting, v.blur)));
    variants.set(p.id, list);
  }
  const plan: { a: Person; b: Person; v: number }[] = [];
  for (const p of people) for (let v = 0; v < MATCH_VARIANTS.length; v++) plan.push({ a: p, b: p, v });
  const n = people.length;
  for (let i = 0; i < n; i++)
    for (let d = 1; d <= Math.min(ring, Math.floor((n - 1) / 2)); d++) {
      const a = people[i] as Person;
      const b = people[(i + d) % n] as Person;
      plan.push({ a, b, v: (i + d) % MATCH_VARIANTS.length });
    }
  const out: MatchPair[] = [];
  for (const { a, b, v } of plan) {
    const r = await h.call('match', live.get(a.id) as string, variants.get(b.id)?.[v] as string);
    out.push({
      a: a.id,
      b: b.id,
      same: a.id === b.id,
      variant: MATCH_VARIANTS[v]?.name ?? '?',
      distance: r.distance,
      verdict: r.verdict,
      ms: r.ms,
    });
    onProgress(out.length, plan.length);
  }
  return out;
}
