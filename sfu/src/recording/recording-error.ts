export type RecordingErrorCode = 'ffmpeg_missing' | 'not_found' | 'invalid_id' | 'no_frames' | 'remux_failed';

/** A recording failure with a stable code the server can map to a response. */
export class RecordingError extends Error {
  override name = 'RecordingError';

  constructor(
    readonly code: RecordingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
