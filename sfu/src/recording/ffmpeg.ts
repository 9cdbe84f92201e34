import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { RecordingError } from './recording-error.js';

/** Runs ffmpeg; resolves with its stderr when it exits 0, rejects with the tail of it otherwise. */
export function runFfmpeg(
  ffmpeg: string,
  args: string[],
  options: { lowPriority?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    // Remuxing is background work: the mediasoup workers on this host come first.
    if (options.lowPriority && child.pid) setPriority(child.pid, 10);
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(stderr);
      else
        reject(
          new Error(
            `ffmpeg exited with ${signal ?? code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
    });
  });
}

/** Fails with a message that says what to do when recording is on and ffmpeg cannot be run. */
export async function checkFfmpeg(ffmpeg: string): Promise<string> {
  try {
    await runFfmpeg(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-h', 'muxer=webm']);
    return ffmpeg;
  } catch (error) {
    throw new RecordingError(
      'ffmpeg_missing',
      `Recording is on (SFU_RECORDING=on) but ffmpeg could not be run as "${ffmpeg}" (SFU_FFMPEG): ` +
        `${(error as Error).message}. Install it (apt-get install -y ffmpeg), point SFU_FFMPEG at it, ` +
        'or set SFU_RECORDING=off.',
      { cause: error },
    );
  }
}
