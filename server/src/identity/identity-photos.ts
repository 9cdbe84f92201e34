import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { photoQueue } from '../answer-sheets/processing-queue.js';
import type { Config } from '../config.js';
import { HttpError } from '../http/http-error.js';

export type IdentityPhoto = 'face' | 'document';

/** A canvas frame this small shows no readable face or document; a larger one is not a webcam's. */
export const MIN_PHOTO_LONG_SIDE = 160;
export const MIN_PHOTO_SHORT_SIDE = 120;
export const MAX_PHOTO_SIDE = 4096;
const STORED_QUALITY = 90;

/**
 * Where the photos live: `<dataDir>/identity/<sittingId>/<studentId>/<checkId>-face.jpg` and
 * `-document.jpg`. The database keeps the key relative to the identity folder.
 */
export const identityRoot = (config: Pick<Config, 'dataDir'>) => path.resolve(config.dataDir, 'identity');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every part of a key is a UUID or a fixed suffix, so no key can climb out of the folder. */
export function photoKey(
  sittingId: string,
  studentId: string,
  checkId: string,
  photo: IdentityPhoto,
): string {
  for (const id of [sittingId, studentId, checkId]) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return `${sittingId}/${studentId}/${checkId}-${photo}.jpg`;
}

/** The file of a stored key; refuses any key that would resolve outside the identity folder. */
export function photoPath(config: Pick<Config, 'dataDir'>, key: string): string {
  const root = identityRoot(config);
  const file = path.resolve(root, key);
  if (!file.startsWith(`${root}${path.sep}`))
    throw new Error(`identity photo key outside its folder: ${key}`);
  return file;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const refused = (field: string, message: string, detail: string) =>
  new HttpError('validation_failed', message, [{ path: field, message: detail }]);

const isJpeg = (b: Uint8Array) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/**
 * A photo from the device, judged by its bytes: a JPEG (never a PNG or anything else, whatever
 * the client says) that sharp can read, of a camera frame's size. Returned upright and re-encoded
 * without EXIF, GPS, XMP or ICC data, which is what is stored.
 */
export async function cleanPhoto(base64: string, field: string, maxBytes: number): Promise<Buffer> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxBytes)
    throw new HttpError('payload_too_large', `The photo is larger than ${Math.round(maxBytes / 1024)} KB.`, [
      { path: field, message: `larger than ${maxBytes} bytes` },
    ]);
  if (!isJpeg(bytes)) throw refused(field, 'The photo must be a JPEG picture.', 'not a JPEG');
  const open = () => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PHOTO_SIDE * MAX_PHOTO_SIDE });
  let width = 0;
  let height = 0;
  try {
    const meta = await open().metadata();
    if (meta.format !== 'jpeg') throw new Error(`not a jpeg: ${meta.format}`);
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch {
    throw refused(
      field,
      'The photo could not be read (damaged or incomplete); take it again.',
      'unreadable JPEG',
    );
  }
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long < MIN_PHOTO_LONG_SIDE || short < MIN_PHOTO_SHORT_SIDE || long > MAX_PHOTO_SIDE)
    throw refused(
      field,
      `The photo is ${width}×${height} px; it must be at least ${MIN_PHOTO_LONG_SIDE}×${MIN_PHOTO_SHORT_SIDE} and at most ${MAX_PHOTO_SIDE} px a side.`,
      `${width}×${height} px is outside ${MIN_PHOTO_LONG_SIDE}×${MIN_PHOTO_SHORT_SIDE}…${MAX_PHOTO_SIDE}`,
    );
  try {
    // rotate() turns the pixels upright from the EXIF orientation; without keepMetadata() sharp
    // writes no metadata at all. Decoding shares the answer sheets' one-photo-per-core budget.
    return await photoQueue.run(() => open().rotate().jpeg({ quality: STORED_QUALITY }).toBuffer());
  } catch {
    throw refused(
      field,
      'The photo could not be read (damaged or incomplete); take it again.',
      'unreadable JPEG',
    );
  }
}

/** Writes a new photo; `wx` because a key is never reused. */
export async function writePhoto(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes, { flag: 'wx' });
}

/** Removes the photos of a check that was not stored after all. */
export const removePhotos = (...files: string[]) =>
  Promise.all(files.map((file) => rm(file, { force: true })));
