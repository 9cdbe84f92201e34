/**
 * `npm run eval:verification` (issue 7): builds the fixtures and the harness page in a temp
 * folder, runs the exam client's face check, OCR and face match on them in headless Chromium,
 * prints the tables and replaces this harness's section of BENCHMARKS.md. No network, no stdin.
 * Default: every portrait found (21), 20 document people (160 photos), 20 s of monitoring (about
 * 11 minutes on 2 shared cores). FAST=1: 6 portraits, 4 document people, 10 s (under 3 minutes).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FACE_MATCH_THRESHOLD } from '../../../exam-client/src/identity/face-match/face-match.js';
import { cpuModel } from '../console/proc.js';
import { b64, openHarness } from './browser.js';
import { cardFixtures, randomPeople } from './cards.js';
import {
  type CardResult,
  type FaceFrameResult,
  type MatchPair,
  type MonitorResult,
  runCards,
  runFaceFrames,
  runMatches,
  runMonitor,
} from './evaluate.js';
import {
  composite,
  cutPeople,
  emptyFrames,
  faceVariants,
  lightAndBlur,
  type Person,
  portrait,
  SAMPLE_PHOTOS,
} from './faces.js';
import { buildHarness, serveHarness } from './harness-server.js';
import { section, writeSection } from './report.js';

const FAST = process.env.FAST === '1';
const CARD_PEOPLE = Number(process.env.CARD_PEOPLE ?? (FAST ? 4 : 20));
const MONITOR_SECONDS = FAST ? 10 : 20;
/** Different-people pairs: each portrait against the next this many. */
const MATCH_RING = FAST ? 2 : 5;

const log = (message: string) => console.log(`[eval:verification] ${message}`);

async function main() {
  const started = performance.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'adal-verification-'));
  const { server, url } = await (async () => {
    log('building the harness page (Vite, exam client sources)');
    await buildHarness(path.join(dir, 'page'));
    return serveHarness(path.join(dir, 'page'));
  })();
  const h = await openHarness(url);
  try {
    const { loadMs } = await h.call('loadFaceCheck');

    log('finding the people in the demo photos');
    let people: Person[] = [];
    for (const [i, photo] of SAMPLE_PHOTOS.entries()) {
      const boxes = await h.call('findPeople', b64(await readFile(photo)));
      people.push(...(await cutPeople(photo, boxes, i + 1)));
    }
    if (FAST) people = people.filter((_, i) => i % 3 === 0).slice(0, 6);
    log(`${people.length} portraits`);

    const frames: Parameters<typeof runFaceFrames>[1] = [];
    for (const p of people)
      for (const f of await faceVariants(p)) frames.push({ id: f.id, expected: 1, jpeg: f.jpeg, meta: f });
    for (let i = 0; i < people.length; i++) {
      const at = (k: number) => people[(i + k) % people.length] as Person;
      frames.push({ id: `two/${i}`, expected: 2, jpeg: await composite([at(0), at(1)]) });
      frames.push({ id: `three/${i}`, expected: 3, jpeg: await composite([at(0), at(1), at(2)]) });
    }
    for (const e of await emptyFrames()) frames.push({ id: `none/${e.id}`, expected: 0, jpeg: e.jpeg });
    log(`face check on ${frames.length} frames`);
    const faces: FaceFrameResult[] = await runFaceFrames(h, frames, (n) => {
      if (n % 100 === 0) log(`  ${n}/${frames.length}`);
    });

    log(`monitoring at 2 fps for ${MONITOR_SECONDS} s (after an idle window)`);
    let monitor: MonitorResult | null = null;
    try {
      const first = people[0];
      if (first)
        monitor = await runMonitor(h, await lightAndBlur(await portrait(first), 1, 0), MONITOR_SECONDS, 2);
    } catch (error) {
      log(`monitoring not measured: ${String(error)}`);
    }

    log('face match pairs');
    const matches: MatchPair[] = await runMatches(h, people, MATCH_RING, (n, total) => {
      if (n % 25 === 0 || n === total) log(`  ${n}/${total}`);
    });

    const cards = await cardFixtures(randomPeople(CARD_PEOPLE));
    log(`OCR on ${cards.length} document photos`);
    const cardResults: CardResult[] = await runCards(h, cards, (n) => {
      if (n % 10 === 0) log(`  ${n}/${cards.length}`);
    });

    const markdown = section({
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpuModel()}, ${process.platform}`,
      fast: FAST,
      durationS: (performance.now() - started) / 1000,
      sampleFaces: people.length,
      faces,
      monitor,
      cards: cardResults,
      cardPeople: CARD_PEOPLE,
      matches,
      threshold: FACE_MATCH_THRESHOLD,
      loadMs,
    });
    console.log(`\n${markdown}\n`);
    await writeSection(markdown);
    log('BENCHMARKS.md updated');
  } finally {
    await h.browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
