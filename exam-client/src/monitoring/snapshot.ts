import { centreCrop } from '../identity/face/face-frame.js';

/** The one picture a flag carries: small enough for the route (64 KB) with room to spare. */
export const SNAPSHOT_WIDTH = 320;
export const SNAPSHOT_MAX_BYTES = 60 * 1024;
/** JPEG qualities tried in turn until the picture fits. */
const QUALITIES = [0.7, 0.6, 0.5, 0.4, 0.3, 0.2] as const;

/** The first encoding within `maxBytes`, lowering the quality step by step; null if none fits. */
export async function encodeWithin(
  encode: (quality: number) => Promise<Blob>,
  maxBytes = SNAPSHOT_MAX_BYTES,
): Promise<Blob | null> {
  for (const quality of QUALITIES) {
    const blob = await encode(quality);
    if (blob.size <= maxBytes) return blob;
  }
  return null;
}

/** Base64 without the `data:` prefix, as FlagReport.snapshot takes it. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with 60 000 arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x2000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return btoa(binary);
}

/** The camera's current picture (the centred 4:3 area the checks look at), ≤ 320 px wide, as base64 JPEG. */
export async function takeSnapshot(video: HTMLVideoElement): Promise<string | null> {
  if (!video.videoWidth) return null;
  const crop = centreCrop(video.videoWidth, video.videoHeight);
  const width = Math.min(SNAPSHOT_WIDTH, crop.sw);
  const height = Math.round((width * crop.sh) / crop.sw);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(video, crop.sx, crop.sy, crop.sw, crop.sh, 0, 0, width, height);
  const blob = await encodeWithin(
    (quality) =>
      new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no JPEG'))), 'image/jpeg', quality),
      ),
  );
  return blob ? toBase64(blob) : null;
}
