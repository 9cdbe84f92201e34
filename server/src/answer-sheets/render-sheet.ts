/// <reference path="./heic-convert.d.ts" />
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { SHARPNESS_WIDTH } from '@adal/shared';
import convertHeic from 'heic-convert';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { HttpError } from '../http/http-error.js';
import type { PhotoType } from './photo-type.js';
import { sharpnessOf } from './sharpness.js';

// Each pipeline reads its file once; nothing is worth keeping between photos of different students.
sharp.cache(false);

/**
 * The stored image's longest side: 3000 px along an A4 sheet is ~256 dpi, plenty for handwriting,
 * and a 12 MP photo (4000 × 3000) costs ~15 % less CPU to store at this size than at full size.
 */
export const MAX_SIDE = 3000;
/** A picture smaller than this on its short side cannot show a readable A4 sheet. */
export const MIN_SIDE = 400;
/** Past this a "photo" is a decompression bomb, not a phone picture (a 200 MP sensor is 16,320 × 12,240). */
const MAX_INPUT_PIXELS = 200_000_000;
export const THUMBNAIL_WIDTH = 320;
const IMAGE_QUALITY = 85;
const THUMBNAIL_QUALITY = 75;

export interface RenderedSheet {
  width: number;
  height: number;
  byteSize: number;
  /** SHA-256 of the stored image. */
  sha256: string;
  sharpness: number;
  blurred: boolean;
  converted: boolean;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const unreadable = () =>
  new HttpError(
    'unsupported_media_type',
    'The photo could not be read (the file is damaged or incomplete). Take the photo again.',
  );

/**
 * HEIC (iPhone) → JPEG with heic-convert: sharp's libheif has no HEVC decoder. libheif applies
 * the HEIC's own rotation while decoding, so the result is upright.
 */
async function heicToJpeg(file: string): Promise<Buffer> {
  try {
    const jpeg = await convertHeic({ buffer: await readFile(file), format: 'JPEG', quality: 0.92 });
    return Buffer.from(jpeg);
  } catch {
    throw new HttpError(
      'unsupported_media_type',
      'This HEIC photo could not be converted. Set the camera to "Most Compatible" (JPEG) or send a screenshot of the photo.',
    );
  }
}

/**
 * The upright, metadata-free image of a sheet (JPEG), its thumbnail and its sharpness, from an
 * uploaded photo on disk. sharp reads the file itself; only a HEIC photo is held in memory (the
 * converter needs all of it). Throws a 415 HttpError for anything that is not a readable photo.
 */
export async function renderSheet(
  upload: string,
  type: PhotoType,
  out: { image: string; thumbnail: string },
): Promise<RenderedSheet> {
  const converted = type === 'image/heic';
  const input = converted ? await heicToJpeg(upload) : upload;
  const open = (source: string | Buffer) =>
    sharp(source, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS });

  let meta: Metadata;
  try {
    meta = await open(input).metadata();
  } catch {
    throw unreadable();
  }
  if (Math.min(meta.width ?? 0, meta.height ?? 0) < MIN_SIDE)
    throw new HttpError(
      'unsupported_media_type',
      `The picture is too small to read (${meta.width ?? 0}×${meta.height ?? 0} px); send the camera's full-size photo.`,
    );

  let stored: OutputInfo;
  try {
    // rotate() with no angle turns the pixels upright from the EXIF orientation; without
    // keepMetadata()/withMetadata() sharp writes no EXIF, XMP, GPS or ICC data. Huffman tables
    // are not optimised: a third less CPU for 8 % more bytes.
    stored = await open(input)
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: IMAGE_QUALITY, optimiseCoding: false })
      .toFile(out.image);
  } catch {
    throw unreadable();
  }
  // The focus measure and the thumbnail come from one small copy of the stored JPEG: it is
  // upright already and decodes at a fraction of its size (shrink-on-load).
  const [small, sha256] = await Promise.all([
    open(out.image)
      .resize({ width: SHARPNESS_WIDTH })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true }),
    sha256OfFile(out.image),
  ]);
  const { width, height, channels } = small.info;
  const focus = sharpnessOf(small.data, width, height, channels);
  await sharp(small.data, { raw: { width, height, channels } })
    .resize({ width: THUMBNAIL_WIDTH })
    .jpeg({ quality: THUMBNAIL_QUALITY })
    .toFile(out.thumbnail);
  return {
    width: stored.width,
    height: stored.height,
    byteSize: stored.size,
    sha256,
    sharpness: focus.sharpness,
    blurred: focus.blurred,
    converted,
  };
}
