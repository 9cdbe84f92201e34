import { describe, expect, it } from 'vitest';
import { refusalOf, shouldRetryUpload } from './upload-refusal.js';

const body = (code: string, fields?: { path: string; message: string }[]) =>
  JSON.stringify({ error: { code, message: 'refused', ...(fields ? { fields } : {}) } });

describe('refusalOf', () => {
  it('follows the server’s error code', () => {
    expect(refusalOf(413, body('payload_too_large'))).toBe('tooBig');
    expect(refusalOf(415, body('unsupported_media_type'))).toBe('wrongType');
    expect(refusalOf(409, body('conflict'))).toBe('conflict');
    expect(refusalOf(403, body('forbidden'))).toBe('forbidden');
    expect(refusalOf(429, body('rate_limited'))).toBe('rateLimited');
    expect(
      refusalOf(400, body('validation_failed', [{ path: 'metadata.pageNumber', message: 'at most 30' }])),
    ).toBe('badPage');
    // "The photo is empty": not about the page number.
    expect(refusalOf(400, body('validation_failed'))).toBe('other');
    expect(refusalOf(500, body('internal'))).toBe('other');
  });

  it('maps a bare tus status, and no response as a dropped connection', () => {
    expect(refusalOf(413, 'Maximum size exceeded\n')).toBe('tooBig');
    expect(refusalOf(415, null)).toBe('wrongType');
    expect(refusalOf(0, null)).toBe('network');
    expect(refusalOf(502, '<html>Bad gateway</html>')).toBe('other');
  });
});

describe('shouldRetryUpload', () => {
  it('retries drops, server hiccups and tus’s own resume conflicts', () => {
    expect(shouldRetryUpload(0, null)).toBe(true);
    expect(shouldRetryUpload(503, null)).toBe(true);
    expect(shouldRetryUpload(429, body('rate_limited'))).toBe(true);
    expect(shouldRetryUpload(409, 'Upload-Offset header does not match')).toBe(true);
    expect(shouldRetryUpload(423, null)).toBe(true);
  });

  it('does not retry a refusal', () => {
    expect(shouldRetryUpload(409, body('conflict'))).toBe(false);
    expect(shouldRetryUpload(413, null)).toBe(false);
    expect(shouldRetryUpload(415, body('unsupported_media_type'))).toBe(false);
    expect(shouldRetryUpload(403, body('forbidden'))).toBe(false);
  });
});
