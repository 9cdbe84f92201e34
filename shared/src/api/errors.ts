import { z } from 'zod';

/** Stable error codes: the only error text a client ever sees, besides the field names. */
export const ErrorCode = z.enum([
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
  /** A dependency (the media server) is not available right now; try again shortly. */
  'service_unavailable',
  /** The extension handshake's nonce is wrong, used or expired: ask for a new one. */
  'extension_nonce_invalid',
  /** The extension is older than the exam accepts (or speaks another protocol): update it. */
  'extension_outdated',
  /** A heartbeat before any handshake: do the handshake first. */
  'extension_no_handshake',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const ApiErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For validation_failed: each offending field, dotted path ("body.login"). */
  fields: z.array(FieldError).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Every non-2xx HTTP response has this body. */
export const ApiErrorResponse = z.object({ error: ApiErrorBody });
export type ApiErrorResponse = z.infer<typeof ApiErrorResponse>;

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
  extension_nonce_invalid: 400,
  extension_outdated: 400,
  extension_no_handshake: 409,
};

/** Turns zod issues into field errors named by their dotted path under a prefix. */
export function fieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
