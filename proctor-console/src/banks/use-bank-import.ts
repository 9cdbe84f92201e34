import type { ImportBankBody } from '@adal/shared';
import { ApiError, useAuth } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ImportOutcome, type ImportProgress, type TextProblem, textProblem } from './import-file.js';
import { readFileText, uploadBank } from './upload.js';

export type ImportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ImportProgress }
  /** Refused before sending: the file is empty, too large or unreadable. */
  | { status: 'refused'; problem: TextProblem | 'readFailed' }
  | { status: 'done'; fileName: string; title: string; outcome: ImportOutcome };

export type ImportRequest = Omit<ImportBankBody, 'text' | 'fileName'> & { file: File };

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Runs one import: read the file (progress), check its size, upload it (progress), wait for the
 * server's verdict. Leaving the page cancels the read or the upload.
 */
export function useBankImport(onImported: () => void) {
  const { sessionEnded } = useAuth();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    async ({ file, ...fields }: ImportRequest) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const { signal } = controller;
      const progress = (next: ImportProgress) => {
        if (!signal.aborted) setState({ status: 'running', progress: next });
      };
      progress({ phase: 'reading', loaded: 0, total: file.size });

      let text: string;
      try {
        text = await readFileText(
          file,
          (loaded, total) => progress({ phase: 'reading', loaded, total }),
          signal,
        );
      } catch (error) {
        if (!isAbort(error)) setState({ status: 'refused', problem: 'readFailed' });
        return;
      }
      const problem = textProblem(text);
      if (problem) {
        setState({ status: 'refused', problem });
        return;
      }

      progress({ phase: 'uploading', loaded: 0, total: 0 });
      let outcome: ImportOutcome;
      try {
        outcome = await uploadBank(
          { ...fields, fileName: file.name, text },
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
      if (outcome.kind === 'imported') onImported();
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
