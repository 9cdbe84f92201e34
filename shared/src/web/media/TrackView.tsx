import { useEffect, useRef } from 'react';

interface TrackViewProps {
  track: MediaStreamTrack | null;
  /** Shown to screen readers and as the element's title. */
  label: string;
  className?: string;
  /** Mirror a self-view like a mirror, as people expect of their own camera. */
  mirrored?: boolean;
  /** Audio plays only when asked for (proctors listen on demand). */
  muted?: boolean;
  testId?: string;
}

/** A <video> (or <audio>) element playing one track. */
export function TrackView({ track, label, className, mirrored, muted = true, testId }: TrackViewProps) {
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.srcObject = track ? new MediaStream([track]) : null;
    if (track)
      element.play().catch((error: unknown) => {
        // Autoplay policies can refuse sound until the user interacts; video is muted and plays.
        console.warn(`${label}: playback did not start`, error);
      });
  }, [track, label]);

  if (track?.kind === 'audio')
    return <audio ref={ref} autoPlay muted={muted} aria-label={label} data-testid={testId} />;
  const classes = ['track-view', mirrored ? 'mirrored' : '', track ? '' : 'no-track', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <video
      ref={ref}
      className={classes}
      autoPlay
      playsInline
      muted
      title={label}
      aria-label={label}
      data-testid={testId}
    />
  );
}
