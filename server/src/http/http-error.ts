import { type ErrorCode, type FieldError, HTTP_STATUS } from '@adal/shared';

/** An error whose code and message may be shown to the client; anything else becomes "internal". */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
    /** More fields of the error body (e.g. a rejected file's lines). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const forbidden = (message = 'You may not do this.') => new HttpError('forbidden', message);
export const notFound = (what: string) => new HttpError('not_found', `${what} not found.`);
export const unauthenticated = () => new HttpError('unauthenticated', 'Log in first.');
