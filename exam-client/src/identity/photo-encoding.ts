/**
 * The photos leave the device as JPEGs within the contract's limits (300 KB for the face, 1 MB
 * for the document). Each try lowers the quality, then the size, until the file fits.
 */
export interface JpegTry {
  width: number;
  quality: number;
}

const QUALITIES = [0.9, 0.8, 0.7, 0.6];
const SHRINK = 0.75;
const MIN_WIDTH = 320;

/** The widths and qualities to try, largest first, starting at most at `maxWidth`. */
export function jpegTries(width: number, maxWidth: number): JpegTry[] {
  const tries: JpegTry[] = [];
  let w = Math.min(width, maxWidth);
  for (;;) {
    for (const quality of QUALITIES) tries.push({ width: Math.round(w), quality });
    if (w <= MIN_WIDTH) return tries;
    w = Math.max(MIN_WIDTH, w * SHRINK);
  }
}

const toJpeg = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality),
  );

/** The photo as a JPEG of at most `maxBytes`, no wider than `maxWidth`. */
export async function jpegWithin(photo: Blob, maxBytes: number, maxWidth: number): Promise<Blob> {
  const bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  try {
    for (const { width, quality } of jpegTries(bitmap.width, maxWidth)) {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = Math.max(1, Math.round((bitmap.height * width) / bitmap.width));
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const jpeg = await toJpeg(canvas, quality);
      if (jpeg.size <= maxBytes) return jpeg;
    }
  } finally {
    bitmap.close();
  }
  throw new Error('the photo does not fit the size limit');
}

/** Base64 without the data: prefix, as the contract's photo fields want it. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
