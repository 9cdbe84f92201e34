import { type ApplyForMakeUpBody, http, MakeUpApplicationView } from '@adal/shared';
import {
  ApiError,
  aborted,
  errorFromResponse,
  type OnProgress,
  postWithProgress,
  type UploadCallbacks,
} from '@adal/shared/web';

/** The file as base64 (what the JSON body carries), with progress while a large file is read. */
export function readFileBase64(file: Blob, onProgress: OnProgress, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const reader = new FileReader();
    const onAbort = () => reader.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    reader.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    reader.onload = () => {
      done();
      const url = typeof reader.result === 'string' ? reader.result : '';
      // "data:<type>;base64,<data>"
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => {
      done();
      reject(reader.error ?? new Error('the file could not be read'));
    };
    reader.onabort = () => {
      done();
      reject(aborted());
    };
    reader.readAsDataURL(file);
  });
}

export type ApplicationAnswer = { ok: true; view: MakeUpApplicationView } | { ok: false; error: ApiError };

/**
 * The server's answer: the stored application, or the error as every API call reports it. Never
 * throws: it runs in the request's load handler, where a throw would leave the upload hanging.
 */
export function applicationAnswer(status: number, body: unknown): ApplicationAnswer {
  if (status < 200 || status >= 300) return { ok: false, error: errorFromResponse(status, body) };
  const parsed = MakeUpApplicationView.safeParse(body);
  return parsed.success
    ? { ok: true, view: parsed.data }
    : {
        ok: false,
        error: new ApiError(
          'bad_response',
          'the application answer is outside the contract',
          status,
          [],
          parsed.error,
        ),
      };
}

/** POSTs the application with upload progress; rejects with an ApiError as the api client does. */
export async function sendApplication(
  sittingId: string,
  body: ApplyForMakeUpBody,
  callbacks: UploadCallbacks,
): Promise<MakeUpApplicationView> {
  const answer = await postWithProgress(http.applyForMakeUp, body, callbacks, applicationAnswer, {
    sittingId,
  });
  if (!answer.ok) throw answer.error;
  return answer.view;
}
