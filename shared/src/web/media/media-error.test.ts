import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client.js';
import { MediaError, mediaErrorCode } from './media-error.js';

describe('media error codes', () => {
  it('maps what getUserMedia and getDisplayMedia throw', () => {
    expect(mediaErrorCode(new DOMException('denied', 'NotAllowedError'))).toBe('permission_denied');
    expect(mediaErrorCode(new DOMException('none', 'NotFoundError'))).toBe('no_device');
    expect(mediaErrorCode(new DOMException('busy', 'NotReadableError'))).toBe('no_device');
  });

  it('keeps the code of media and API errors, and calls anything else internal', () => {
    expect(mediaErrorCode(new MediaError('not_monitor', 'a window'))).toBe('not_monitor');
    expect(mediaErrorCode(new ApiError('forbidden', 'no', 403))).toBe('forbidden');
    expect(mediaErrorCode(new Error('boom'))).toBe('internal');
  });
});
