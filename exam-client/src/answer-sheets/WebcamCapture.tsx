import { mediaErrorCode, mediaErrorText } from '@adal/shared/web/media';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExamDialog } from '../ticket-draw/ExamDialog.js';

/** The sharpest still a webcam gives without failing where it cannot (ideal, not exact). */
const STILL_CONSTRAINTS: MediaStreamConstraints = {
  video: { width: { ideal: 1920 }, height: { ideal: 1080 } },
  audio: false,
};
const JPEG_QUALITY = 0.92;

interface WebcamCaptureProps {
  pageNumber: number;
  onCapture(file: File): void;
  onClose(): void;
}

/**
 * A still of a page from the webcam. The device check's published track lives inside its own
 * component, so this opens the camera once more for the still (the browser shares the device;
 * the proctor's feed is not touched) and closes it again with the dialog.
 */
export function WebcamCapture({ pageNumber, onCapture, onClose }: WebcamCaptureProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let closed = false;
    navigator.mediaDevices.getUserMedia(STILL_CONSTRAINTS).then(
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

  const take = () => {
    const element = video.current;
    if (!element || !element.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = element.videoWidth;
    canvas.height = element.videoHeight;
    canvas.getContext('2d')?.drawImage(element, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return setError(t('errors.internal'));
        onCapture(new File([blob], `page-${pageNumber}-webcam.jpg`, { type: 'image/jpeg' }));
      },
      'image/jpeg',
      JPEG_QUALITY,
    );
  };

  return (
    <ExamDialog
      title={t('writtenExam.webcam.title', { number: pageNumber })}
      confirmLabel={t('writtenExam.webcam.take')}
      cancelLabel={t('writtenExam.webcam.cancel')}
      confirmDisabled={!ready}
      onConfirm={take}
      onCancel={onClose}
      testId="webcam-capture"
    >
      <p className="muted">{t('writtenExam.webcam.hint')}</p>
      <video
        ref={video}
        className="webcam-still"
        autoPlay
        playsInline
        muted
        onLoadedData={() => setReady(true)}
        aria-label={t('writtenExam.webcam.title', { number: pageNumber })}
      />
      {!ready && !error && <p role="status">{t('writtenExam.webcam.starting')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {t('writtenExam.webcam.failed', { reason: error })}
        </p>
      )}
    </ExamDialog>
  );
}
