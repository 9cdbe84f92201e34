import { ApiErrorResponse } from '@adal/shared';

/** Why an upload failed, as the student is told (`writtenExam.sheets.refused.*`). */
export type SheetRefusal =
  | 'tooBig'
  | 'wrongType'
  /** The server's 409: uploads closed for the student, this photo is another page, the page is accepted… */
  | 'conflict'
  | 'badPage'
  /** The same photo again for a rejected page: nothing new was stored. */
  | 'samePhoto'
  | 'forbidden'
  | 'rateLimited'
  | 'network'
  | 'other';

/** Our server's error body, when the tus endpoint answered with one (else null). */
function apiError(body: string | null) {
  if (!body) return null;
  try {
    const parsed = ApiErrorResponse.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.error : null;
  } catch {
    return null;
  }
}

/**
 * The refusal behind a failed upload, from the last response (status 0: none came back). The
 * server's error code wins (clients translate codes, never show the server's text); a bare tus
 * status is mapped too.
 */
export function refusalOf(status: number, body: string | null): SheetRefusal {
  const error = apiError(body);
  switch (error?.code) {
    case 'payload_too_large':
      return 'tooBig';
    case 'unsupported_media_type':
      return 'wrongType';
    case 'conflict':
      return 'conflict';
    case 'forbidden':
    case 'not_found':
      return 'forbidden';
    case 'rate_limited':
      return 'rateLimited';
    case 'validation_failed':
      return error.fields?.some((f) => f.path.includes('pageNumber')) ? 'badPage' : 'other';
    case undefined:
      break;
    default:
      return 'other';
  }
  if (status === 0) return 'network';
  if (status === 413) return 'tooBig';
  if (status === 415) return 'wrongType';
  if (status === 403 || status === 404) return 'forbidden';
  if (status === 429) return 'rateLimited';
  return 'other';
}

/**
 * Whether tus should try again: a dropped connection, a server hiccup or a rate limit, yes; a
 * refusal, no. tus itself answers 409 (offset mismatch) and 423 (locked) on a resume: those retry,
 * unless our server said why it refuses (a closed sitting is a 409 with an error body).
 */
export function shouldRetryUpload(status: number, body: string | null): boolean {
  if (status === 0 || status === 429 || status >= 500) return true;
  if (status === 409 || status === 423) return apiError(body) === null;
  return false;
}
