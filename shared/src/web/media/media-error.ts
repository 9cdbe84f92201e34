import { ApiError, type ClientErrorCode } from '../api-client.js';

/**
 * Why a media step failed, as a stable code the UI translates (`media.errors.*` / `errors.*`).
 * Server refusals keep the SFU's code; the rest are observed in the browser.
 */
export type MediaErrorCode =
  | ClientErrorCode
  | 'timeout'
  /** The browser refused camera, microphone or screen access (or the user dismissed the prompt). */
  | 'permission_denied'
  /** No camera / microphone, or it is used by another program. */
  | 'no_device'
  /** A window or a browser tab was shared instead of the entire screen. */
  | 'not_monitor'
  /** The phone link's token has expired: the student shows a new QR code. */
  | 'token_expired'
  /** This browser cannot send or receive WebRTC media. */
  | 'unsupported';

export class MediaError extends Error {
  override readonly name = 'MediaError';
  constructor(
    readonly code: MediaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isMediaError = (error: unknown): error is MediaError => error instanceof MediaError;

/** The code of any thrown value from a capture or media call. */
export function mediaErrorCode(error: unknown): MediaErrorCode {
  if (error instanceof MediaError) return error.code;
  if (error instanceof ApiError) return error.code;
  if (error instanceof DOMException) {
    if (error.name === 'NotAllowedError' || error.name === 'SecurityError') return 'permission_denied';
    if (
      error.name === 'NotFoundError' ||
      error.name === 'NotReadableError' ||
      error.name === 'OverconstrainedError'
    )
      return 'no_device';
  }
  return 'internal';
}
