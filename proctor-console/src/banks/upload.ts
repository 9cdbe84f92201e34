import { http, type ImportBankBody } from '@adal/shared';
import { aborted, type OnProgress, postWithProgress, type UploadCallbacks } from '@adal/shared/web';
import { type ImportOutcome, importOutcome } from './import-file.js';

/** The XHR upload with progress lives in the shared web kit (shared/src/web/upload.ts). */
export { aborted, type OnProgress, postWithProgress, type UploadCallbacks };

/** The file's text as UTF-8, with progress while large files are read. */
export function readFileText(file: Blob, onProgress: OnProgress, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const reader = new FileReader();
    const onAbort = () => reader.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    reader.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    reader.onload = () => {
      done();
      onProgress(file.size, file.size);
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      done();
      reject(reader.error ?? new Error('the file could not be read'));
    };
    reader.onabort = () => {
      done();
      reject(aborted());
    };
    reader.readAsText(file, 'utf-8');
  });
}

/** POST /api/banks/import with upload progress; resolves to what the answer means. */
export const uploadBank = (body: ImportBankBody, callbacks: UploadCallbacks): Promise<ImportOutcome> =>
  postWithProgress(http.importBank, body, callbacks, importOutcome);
