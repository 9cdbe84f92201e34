import { MAX_FACE_PHOTO_BYTES } from '@adal/shared';
import type { FrameCrop } from './face-frame.js';
import { FACE_FRAME } from './face-protocol.js';

/** Qualities tried in turn until the JPEG fits the limit the server accepts. */
const QUALITIES = [0.9, 0.8, 0.7, 0.6, 0.5] as const;

const toJpeg = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));

/**
 * The face photo: the same 4:3 area the check looked at, 640 px wide, not mirrored (it is
 * compared with the document's photo and shown to the proctor as the camera saw it).
 */
export async function takeFacePhoto(video: HTMLVideoElement, crop: FrameCrop): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = FACE_FRAME.width;
  canvas.height = FACE_FRAME.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas for the face photo');
  context.drawImage(video, crop.sx, crop.sy, crop.sw, crop.sh, 0, 0, canvas.width, canvas.height);
  for (const quality of QUALITIES) {
    const blob = await toJpeg(canvas, quality);
    if (blob && blob.size <= MAX_FACE_PHOTO_BYTES) return blob;
  }
  throw new Error(`the face photo does not fit in ${MAX_FACE_PHOTO_BYTES} bytes`);
}
