import { centreCrop } from '../identity/face/face-frame.js';
import { FACE_FRAME } from '../identity/face/face-protocol.js';

/** A hidden, muted player of the webcam track: the monitoring's frames come from it. */
export function hiddenPlayer(track: MediaStreamTrack): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  // A muted player may start on its own; if not, frames are skipped until it does.
  video.play().catch(() => {});
  return video;
}

const hasFrame = (video: HTMLVideoElement) =>
  video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0;

/** The current frame as the face worker expects it: the centred 4:3 area at 640×480. */
export async function grabFaceFrame(video: HTMLVideoElement): Promise<ImageBitmap | null> {
  if (!hasFrame(video)) return null;
  const crop = centreCrop(video.videoWidth, video.videoHeight);
  return createImageBitmap(video, crop.sx, crop.sy, crop.sw, crop.sh, {
    resizeWidth: FACE_FRAME.width,
    resizeHeight: FACE_FRAME.height,
    resizeQuality: 'medium',
  });
}

/** The current frame as a JPEG for face-api's descriptor (the periodic re-match). */
export async function grabFacePhoto(video: HTMLVideoElement): Promise<Blob | null> {
  if (!hasFrame(video)) return null;
  const crop = centreCrop(video.videoWidth, video.videoHeight);
  const canvas = document.createElement('canvas');
  canvas.width = FACE_FRAME.width;
  canvas.height = FACE_FRAME.height;
  canvas
    .getContext('2d')
    ?.drawImage(video, crop.sx, crop.sy, crop.sw, crop.sh, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
}
