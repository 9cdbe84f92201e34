import type { ImportTicketPoolBody } from '@adal/shared';
import { ApiError, useAuth } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../banks/import-file.js';
import { type FileProblem, fileProblem, type PoolImportOutcome, toBase64 } from './pool-import.js';
import { readFileBytes, uploadPool } from './upload.js';

export type PoolImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ImportProgress }
  /** Refused before sending: the file is empty, too large or unreadable. */
  | { status: 'refused'; problem: FileProblem | 'readFailed' }
  | { status: 'done'; fileName: string; title: string; outcome: PoolImportOutcome };

export type PoolImportRequest = Omit<ImportTicketPoolBody, 'fileBase64' | 'fileName' | 'format'> & {
  file: File;
};

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Runs one import: check the size, read the file (progress), upload it (progress), wait for the
 * server's verdict. Leaving the page cancels the read or the upload.
 */
export function usePoolImport(onImported: (poolId: string) => void) {
  const { sessionEnded } = useAuth();
  const [state, setState] = useState<PoolImportState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    async ({ file, ...fields }: PoolImportRequest) => {
      running.current?.abort();
      const problem = fileProblem(file.size);
      if (problem) {
        setState({ status: 'refused', problem });
        return;
      }
      const controller = new AbortController();
      running.current = controller;
      const { signal } = controller;
      const progress = (next: ImportProgress) => {
        if (!signal.aborted) setState({ status: 'running', progress: next });
      };
      progress({ phase: 'reading', loaded: 0, total: file.size });

      let bytes: Uint8Array;
      try {
        bytes = await readFileBytes(
          file,
          (loaded, total) => progress({ phase: 'reading', loaded, total }),
          signal,
        );
      } catch (error) {
        if (!isAbort(error)) setState({ status: 'refused', problem: 'readFailed' });
        return;
      }

      progress({ phase: 'uploading', loaded: 0, total: 0 });
      let outcome: PoolImportOutcome;
      try {
        outcome = await uploadPool(
          { ...fields, fileName: file.name, fileBase64: toBase64(bytes) },
          {
            onUploadProgress: (loaded, total) => progress({ phase: 'uploading', loaded, total }),
            onUploaded: () => progress({ phase: 'checking' }),
            signal,
          },
        );
      } catch (error) {
        if (isAbort(error)) return;
        outcome = {
          kind: 'failed',
          error: error instanceof ApiError ? error : new ApiError('network', String(error), 0, [], error),
        };
      }
      if (signal.aborted) return;
      running.current = null;
      if (outcome.kind === 'failed' && outcome.error.code === 'unauthenticated') {
        sessionEnded();
        return;
      }
      setState({ status: 'done', fileName: file.name, title: fields.title, outcome });
      if (outcome.kind === 'imported') onImported(outcome.result.poolId);
    },
    [onImported, sessionEnded],
  );

  const reset = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setState({ status: 'idle' });
  }, []);

  return { state, start, reset };
}
