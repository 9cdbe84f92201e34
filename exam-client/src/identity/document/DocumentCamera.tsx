import { mediaErrorCode, mediaErrorText } from '@adal/shared/web/media';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentKind, guideRect } from './document-kind.js';

/** A sharp still wants the webcam's best resolution (ideal, so no camera is refused). */
const CAMERA: MediaStreamConstraints = {
  video: { width: { ideal: 1920 }, height: { ideal: 1080 } },
  audio: false,
};
const JPEG_QUALITY = 0.92;

/** Whether a chosen file really is a picture this browser can decode (not just named like one). */
async function isDecodableImage(file: File): Promise<boolean> {
  if (!file.type.startsWith('image/')) return false;
  try {
    const bitmap = await createImageBitmap(file);
    bitmap.close();
    return true;
  } catch {
    return false;
  }
}

interface DocumentCameraProps {
  kind: DocumentKind;
  onPhoto(photo: Blob): void;
}

/**
 * The camera with a document-shaped rectangle: the photo is the rectangle's part of the frame.
 * The device check's camera stays published; this opens the same camera once more and closes
 * it when the photo is taken. A photo file is the fallback without a camera.
 */
export function DocumentCamera({ kind, onPhoto }: DocumentCameraProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let closed = false;
    navigator.mediaDevices.getUserMedia(CAMERA).then(
      (s) => {
        stream = s;
        if (closed) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        const element = video.current;
        if (!element) return;
        element.srcObject = s;
        void element.play().catch(() => {});
      },
      (cause: unknown) => !closed && setError(mediaErrorText(t, mediaErrorCode(cause))),
    );
    return () => {
      closed = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [t]);

  const guide = size ? guideRect(kind, size.width, size.height) : null;

  const take = () => {
    const element = video.current;
    if (!element || !guide) return;
    const canvas = document.createElement('canvas');
    canvas.width = guide.width;
    canvas.height = guide.height;
    canvas
      .getContext('2d')
      ?.drawImage(element, guide.x, guide.y, guide.width, guide.height, 0, 0, guide.width, guide.height);
    canvas.toBlob((blob) => blob && onPhoto(blob), 'image/jpeg', JPEG_QUALITY);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const image = await isDecodableImage(file);
    setFileError(!image);
    if (image) onPhoto(file);
  };

  const percent = (value: number, of: number) => `${(value / of) * 100}%`;
  return (
    <div className="document-camera">
      {!error && (
        <div className="document-frame">
          <video
            ref={video}
            autoPlay
            playsInline
            muted
            aria-label={t('identityDocument.document.cameraLabel')}
            onLoadedMetadata={(e) =>
              setSize({ width: e.currentTarget.videoWidth, height: e.currentTarget.videoHeight })
            }
          />
          {guide && size && (
            <div
              className="document-guide"
              data-kind={kind}
              aria-hidden="true"
              style={{
                left: percent(guide.x, size.width),
                top: percent(guide.y, size.height),
                width: percent(guide.width, size.width),
                height: percent(guide.height, size.height),
              }}
            />
          )}
        </div>
      )}
      {!size && !error && <p role="status">{t('identityDocument.document.starting')}</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {t('identityDocument.document.cameraFailed', { reason: error })}
        </p>
      )}
      <p className="muted">{t('identityDocument.document.hint')}</p>
      <div className="step-actions">
        {!error && (
          <button type="button" className="button-primary" disabled={!guide} onClick={take}>
            {t('identityDocument.document.capture')}
          </button>
        )}
        <label className="button-secondary file-button">
          {t('identityDocument.document.upload')}
          <input type="file" accept="image/*" onChange={(e) => void upload(e)} className="visually-hidden" />
        </label>
      </div>
      {fileError && (
        <p className="form-error" role="alert">
          {t('identityDocument.document.notAnImage')}
        </p>
      )}
    </div>
  );
}
