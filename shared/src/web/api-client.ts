import { ApiErrorResponse, type ErrorCode, type FieldError, HTTP_STATUS } from '../api/errors.js';
import {
  http,
  pathFor,
  type RouteBody,
  type RouteContract,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from '../api/routes.js';

/** Server error codes plus two that only the client can observe. */
export type ClientErrorCode = ErrorCode | 'network' | 'bad_response';

/** A failed API call: the stable code drives the translated message, never the server's text. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ClientErrorCode;
  /** HTTP status, or 0 when the request never got an answer. */
  readonly status: number;
  readonly fields: FieldError[];
  /** The error body as sent, with any fields beyond code/message/fields (e.g. a bank file's lines). */
  readonly details: Record<string, unknown>;

  constructor(
    code: ClientErrorCode,
    message: string,
    status: number,
    fields: FieldError[] = [],
    cause?: unknown,
    details: Record<string, unknown> = {},
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.status = status;
    this.fields = fields;
    this.details = details;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// The first code of a status is the generic one (400: validation_failed, not extension_outdated).
const CODE_BY_STATUS = new Map<number, ErrorCode>(
  (Object.entries(HTTP_STATUS) as [ErrorCode, number][]).reverse().map(([code, status]) => [status, code]),
);

/**
 * Turns a non-2xx answer into an ApiError. The body should be `{error:{code,message,fields?}}`;
 * when a proxy or crash answers with something else, the status still gives a code.
 */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = ApiErrorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    // zod strips unknown keys; the raw body keeps what a route adds to its errors.
    const raw = (body as { error: Record<string, unknown> }).error;
    return new ApiError(code, message, status, fields ?? [], undefined, raw);
  }
  const code = CODE_BY_STATUS.get(status) ?? (status >= 500 ? 'internal' : 'bad_response');
  return new ApiError(code, `HTTP ${status} without an error body`, status);
}

type Slot<K extends string, V> = [V] extends [undefined] ? { [P in K]?: undefined } : { [P in K]: V };

export type CallOptions<N extends RouteName> = Slot<'params', RouteParams<N>> &
  Slot<'query', RouteQuery<N>> &
  Slot<'body', RouteBody<N>> & { signal?: AbortSignal };

/** The options argument may be left out only when the route needs no params, query or body. */
type CallArgs<N extends RouteName> = [RouteParams<N>, RouteQuery<N>, RouteBody<N>] extends [
  undefined,
  undefined,
  undefined,
]
  ? [options?: CallOptions<N>]
  : [options: CallOptions<N>];

/** The URL of a route: path parameters filled in, query parameters appended. */
export function urlFor(
  route: Pick<RouteContract, 'path'>,
  params?: Record<string, string>,
  query?: Record<string, unknown>,
): string {
  const path = pathFor(route.path, params);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.append(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return {};
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    if (!response.ok) return undefined; // an HTML error page: errorFromResponse falls back to the status
    throw new ApiError('bad_response', 'response is not JSON', response.status, [], cause);
  }
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: FetchLike;
  /** Prefix for every path; '' means the page's own origin. */
  baseUrl?: string;
}

export type CallApi = <N extends RouteName>(name: N, ...args: CallArgs<N>) => Promise<RouteResponse<N>>;

/** A client for the shared `http` route table: same-origin cookies, JSON in and out. */
export function createApiClient(options: ApiClientOptions = {}): CallApi {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? '';

  return async <N extends RouteName>(name: N, ...args: CallArgs<N>): Promise<RouteResponse<N>> => {
    const route: RouteContract = http[name];
    const opts = (args[0] ?? {}) as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
      signal?: AbortSignal;
    };
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = { method: route.method, headers, credentials: 'same-origin' };
    if (opts.signal) init.signal = opts.signal;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }

    let response: Response;
    try {
      response = await doFetch(baseUrl + urlFor(route, opts.params, opts.query), init);
    } catch (cause) {
      if (opts.signal?.aborted) throw cause;
      throw new ApiError('network', `${route.method} ${route.path} failed to reach the server`, 0, [], cause);
    }

    const body = await readJson(response);
    if (!response.ok) throw errorFromResponse(response.status, body);
    const parsed = route.response.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(
        'bad_response',
        `${route.method} ${route.path} answered outside the contract`,
        response.status,
        [],
        parsed.error,
      );
    }
    return parsed.data as RouteResponse<N>;
  };
}

/** The app-wide client. */
export const callApi: CallApi = createApiClient();
