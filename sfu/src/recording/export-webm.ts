import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { readCapture } from './capture-file.js';
import { runFfmpeg } from './ffmpeg.js';
import { ifMissing } from './fs-errors.js';
import { type MediaFrame, opusFrames, vp8Frames } from './media-frames.js';
import { RecordingError } from './recording-error.js';
import type { RecordingStore } from './recording-store.js';
import type { SegmentSidecar } from './segment.js';
import { buildWebm, type WebmTrack } from './webm-writer.js';

export interface ExportDeps {
  store: RecordingStore;
  ffmpeg: string;
  /** Writes out what a segment still being recorded holds in memory. */
  flushLive(id: string): Promise<void>;
}

async function framesOf(store: RecordingStore, s: SegmentSidecar): Promise<MediaFrame[]> {
  const records = await readCapture(store.capturePath(s));
  return s.kind === 'video' ? vp8Frames(records) : opusFrames(records);
}

/** The cached WebM is current when it is newer than every capture it was made from. */
async function isCurrent(webm: string, inputs: string[]): Promise<boolean> {
  const out = await stat(webm).catch(ifMissing(null));
  if (!out) return false;
  for (const input of inputs) {
    const info = await stat(input).catch(ifMissing(null));
    if (!info || info.mtimeMs > out.mtimeMs) return false;
  }
  return true;
}

/**
 * Remuxes one segment into a WebM with codec copy, no re-encoding: the RTP is depacketized in
 * Node into a plain Matroska file, which ffmpeg (`-c copy`) turns into a seekable WebM with cues.
 * A webcam segment gets the audio of the student's microphone segments that overlap it,
 * aligned by wall clock. The WebM's time zero is its first frame; its DateUTC says when that was.
 * The result is cached beside the capture and reused while no input has changed.
 */
export async function exportSegment(deps: ExportDeps, sidecar: SegmentSidecar): Promise<string> {
  const { store } = deps;
  const audioSidecars = sidecar.source === 'webcam' ? await store.combinedWith(sidecar) : [];
  const inputs = [sidecar, ...audioSidecars];
  for (const s of inputs) if (s.status === 'recording') await deps.flushLive(s.id);
  const target = store.exportPath(sidecar);
  if (
    await isCurrent(
      target,
      inputs.map((s) => store.capturePath(s)),
    )
  )
    return target;

  const tracks: WebmTrack[] = [{ kind: sidecar.kind, frames: await framesOf(store, sidecar) }];
  if (audioSidecars.length) {
    const frames = (await Promise.all(audioSidecars.map((s) => framesOf(store, s)))).flat();
    tracks.push({ kind: 'audio', frames: frames.sort((a, b) => a.atMs - b.atMs) });
  }
  const first = tracks[0]?.frames[0];
  const last = tracks[0]?.frames[tracks[0].frames.length - 1];
  if (!first || !last)
    throw new RecordingError(
      'no_frames',
      `Recording ${sidecar.id} has no playable frames (no key frame arrived).`,
    );

  const title = `${sidecar.source} of student ${sidecar.studentId}, sitting ${sidecar.sittingId}`;
  const tmp = `${target}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(`${tmp}.mkv`, buildWebm(tracks, first.atMs, title, last.atMs + 1000));
    // ffmpeg drops creation_time on remux unless given; the WebM muxer writes it back as DateUTC.
    const creationTime = new Date(first.atMs).toISOString();
    await runFfmpeg(
      deps.ffmpeg,
      [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-y',
        '-i',
        `${tmp}.mkv`,
        '-map',
        '0',
        '-c',
        'copy',
      ].concat(['-metadata', `creation_time=${creationTime}`, '-f', 'webm', `${tmp}.webm`]),
      { lowPriority: true },
    );
    await rename(`${tmp}.webm`, target);
    return target;
  } catch (error) {
    await rm(`${tmp}.webm`, { force: true });
    throw new RecordingError('remux_failed', `Could not remux recording ${sidecar.id}.`, { cause: error });
  } finally {
    await rm(`${tmp}.mkv`, { force: true });
  }
}
