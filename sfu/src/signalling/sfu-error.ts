import type { ApiErrorBody, ErrorCode, FieldError } from '@adal/shared';

/** A refusal the client may read: a code from the shared list and a clear message. */
export class SfuError extends Error {
  override name = 'SfuError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

export const refuse = (message: string) => new SfuError('forbidden', message);
export const missing = (what: string) => new SfuError('not_found', `${what} not found.`);
