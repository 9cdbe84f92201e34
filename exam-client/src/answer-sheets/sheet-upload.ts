import {
  SHEET_MAX_BYTES,
  SHEET_RESPONSE_HEADERS,
  type SheetUploadMetadata,
  sheetUploadPath,
} from '@adal/shared';
import { type DetailedError, Upload } from 'tus-js-client';
import { refusalOf, type SheetRefusal, shouldRetryUpload } from './upload-refusal.js';

/** Small enough that a dropped connection loses little; large enough to keep requests few. */
export const CHUNK_BYTES = 1024 * 1024;
/** Waits before each retry: about a minute in all, enough for a phone to change networks. */
export const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000];

type TusOptions = NonNullable<ConstructorParameters<typeof Upload>[1]>;

/** Where and how: the page's own origin and the browser's file reading, unless a test says otherwise. */
export interface SheetUploadTransport {
  /** Prepended to the endpoint path ('' in the browser: same origin, the session cookie goes along). */
  origin?: string;
  fileReader?: TusOptions['fileReader'];
}

/** What the finishing response says (its headers; null where a server does not send them). */
export interface StoredPage {
  sheetId: string | null;
  /** The same photo already was this page: nothing new was stored. */
  duplicate: boolean;
}

export interface SheetUploadHandlers {
  onProgress(sent: number, total: number): void;
  onSuccess(stored: StoredPage): void;
  onError(refusal: SheetRefusal): void;
}

const responseOf = (error: Error | DetailedError) =>
  'originalResponse' in error ? error.originalResponse : null;

/**
 * Uploads one page photo over tus (resumable: after a drop it continues from the last stored
 * byte). An earlier unfinished upload of the same file for the same page is resumed. Returns a
 * function that stops the upload.
 */
export function startSheetUpload(
  sittingId: string,
  pageNumber: number,
  file: File,
  handlers: SheetUploadHandlers,
  transport: SheetUploadTransport = {},
): () => void {
  // The server refuses it anyway: say so without sending 25 MB.
  if (file.size > SHEET_MAX_BYTES) {
    handlers.onError('tooBig');
    return () => {};
  }
  const metadata: Record<keyof SheetUploadMetadata, string> = {
    pageNumber: String(pageNumber),
    filename: file.name.slice(0, 255),
  };
  const upload = new Upload(file, {
    endpoint: `${transport.origin ?? ''}${sheetUploadPath(sittingId)}`,
    ...(transport.fileReader ? { fileReader: transport.fileReader } : {}),
    metadata,
    chunkSize: CHUNK_BYTES,
    retryDelays: RETRY_DELAYS_MS,
    // A finished upload is not "resumed" when the same photo is sent again after a rejection.
    removeFingerprintOnSuccess: true,
    onShouldRetry: (error) => {
      const response = error.originalResponse;
      return shouldRetryUpload(response?.getStatus() ?? 0, response?.getBody() ?? null);
    },
    onProgress: handlers.onProgress,
    onSuccess: ({ lastResponse }) =>
      handlers.onSuccess({
        sheetId: lastResponse.getHeader(SHEET_RESPONSE_HEADERS.id) ?? null,
        duplicate: lastResponse.getHeader(SHEET_RESPONSE_HEADERS.duplicate) === '1',
      }),
    onError: (error) => {
      const response = responseOf(error);
      handlers.onError(refusalOf(response?.getStatus() ?? 0, response?.getBody() ?? null));
    },
  });
  let stopped = false;
  void upload
    .findPreviousUploads()
    .catch(() => [])
    .then((previous) => {
      if (stopped) return;
      // The fingerprint is the file's; the page number must match too, or it is another page.
      const same = previous.find((p) => p.metadata.pageNumber === metadata.pageNumber);
      if (same) upload.resumeFromPreviousUpload(same);
      upload.start();
    });
  return () => {
    stopped = true;
    void upload.abort();
  };
}
