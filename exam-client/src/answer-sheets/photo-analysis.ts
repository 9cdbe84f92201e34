import { checkSheetPhoto, checkSize, type PhotoCheck } from './photo-checks.js';

/**
 * Decodes a photo in the browser and runs the sheet checks on a copy scaled to the server's
 * width. Resolves null when this browser cannot decode the file (HEIC outside Safari): the
 * server converts and checks it anyway.
 */
export async function analysePhoto(file: Blob): Promise<PhotoCheck | null> {
  let bitmap: ImageBitmap;
  try {
    // Upright as the phone meant it (EXIF orientation), like the server's copy.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const { width, height } = checkSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    return checkSheetPhoto(context.getImageData(0, 0, width, height));
  } finally {
    bitmap.close();
  }
}
