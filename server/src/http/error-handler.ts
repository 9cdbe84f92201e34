import type { ApiErrorResponse } from '@adal/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { HttpError } from './http-error.js';

/** body-parser marks its own errors with a `type`; map the ones a client can cause. */
function fromBodyParser(error: unknown): HttpError | undefined {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large')
    return new HttpError('payload_too_large', 'The request body is too large.');
  if (type === 'entity.parse.failed')
    return new HttpError('validation_failed', 'The request body is not valid JSON.', [
      { path: 'body', message: 'invalid JSON' },
    ]);
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return new HttpError('unsupported_media_type', 'Unsupported body encoding.');
  return undefined;
}

/** The router cannot percent-decode a path segment ("/api/sittings/%zz"): the client's mistake. */
function fromRouter(error: unknown): HttpError | undefined {
  if (error instanceof URIError)
    return new HttpError('validation_failed', 'The request path is not valid percent-encoding.', [
      { path: 'params', message: 'invalid percent-encoding' },
    ]);
  return undefined;
}

/** The last middleware: a client sees a code and a known message, never a stack trace. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = error instanceof HttpError ? error : (fromBodyParser(error) ?? fromRouter(error));
    const failure =
      known ?? new HttpError('internal', 'Something went wrong on our side; nothing was saved.');
    if (!known) log.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
    const body: ApiErrorResponse = {
      error: {
        code: failure.code,
        message: failure.message,
        ...(failure.fields ? { fields: failure.fields } : {}),
        ...failure.extra,
      },
    };
    if (failure.headers) res.set(failure.headers);
    res.status(failure.status).json(body);
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) =>
  next(new HttpError('not_found', `No API route ${req.method} ${req.path}.`));
