import { MediaError, type MediaErrorCode, mediaErrorCode } from '@adal/shared/web/media';
import { useEffect, useState } from 'react';

/** The front camera in the webcam's usual size; the check crops and downscales it. */
const FACE_CAMERA: MediaStreamConstraints = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' },
  audio: false,
};

export interface FaceCamera {
  stream: MediaStream | null;
  error: MediaErrorCode | null;
}

/**
 * The camera for the face check. The webcam track the device check already publishes is used
 * when given (no second prompt, and the proctor's feed is the same camera); otherwise the camera
 * is opened here and closed again when the check ends.
 */
export function useFaceCamera(track: MediaStreamTrack | null | undefined): FaceCamera {
  const [camera, setCamera] = useState<FaceCamera>({ stream: null, error: null });
  const shared = track?.readyState === 'live' ? track : null;

  useEffect(() => {
    if (shared) {
      setCamera({ stream: new MediaStream([shared]), error: null });
      return;
    }
    let own: MediaStream | null = null;
    let closed = false;
    const open = navigator.mediaDevices?.getUserMedia
      ? navigator.mediaDevices.getUserMedia(FACE_CAMERA)
      : Promise.reject(new MediaError('unsupported', 'no navigator.mediaDevices'));
    open
      .then((stream) => {
        own = stream;
        if (closed) for (const t of stream.getTracks()) t.stop();
        else setCamera({ stream, error: null });
      })
      .catch((cause: unknown) => {
        if (!closed) setCamera({ stream: null, error: mediaErrorCode(cause) });
      });
    return () => {
      closed = true;
      for (const t of own?.getTracks() ?? []) t.stop();
    };
  }, [shared]);

  return camera;
}
