import { useCallback, useEffect, useRef, useState } from 'react';
import { type StoredPage, startSheetUpload } from './sheet-upload.js';
import type { SheetRefusal } from './upload-refusal.js';

export type SheetUploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; sent: number; total: number }
  | { phase: 'done' }
  | { phase: 'failed'; refusal: SheetRefusal };

interface UploadEvents {
  /** Stored; return a refusal to show instead (the same photo again for a rejected page). */
  onDone(stored: StoredPage): SheetRefusal | null;
  onFailed(): void;
}

/** One page's upload: start it, follow its progress, stop it when the page is removed or left. */
export function useSheetUpload(sittingId: string, events: UploadEvents) {
  const [state, setState] = useState<SheetUploadState>({ phase: 'idle' });
  const stop = useRef<(() => void) | null>(null);
  // The latest callbacks, without restarting anything when the parent renders.
  const latest = useRef(events);
  latest.current = events;

  useEffect(() => () => stop.current?.(), []);

  const start = useCallback(
    (file: File, pageNumber: number) => {
      stop.current?.();
      setState({ phase: 'uploading', sent: 0, total: file.size });
      stop.current = startSheetUpload(sittingId, pageNumber, file, {
        onProgress: (sent, total) => setState({ phase: 'uploading', sent, total }),
        onSuccess: (stored) => {
          stop.current = null;
          const refusal = latest.current.onDone(stored);
          if (refusal) {
            setState({ phase: 'failed', refusal });
            latest.current.onFailed();
          } else setState({ phase: 'done' });
        },
        onError: (refusal) => {
          stop.current = null;
          setState({ phase: 'failed', refusal });
          latest.current.onFailed();
        },
      });
    },
    [sittingId],
  );

  return { state, start };
}
