import { useEffect, useState } from 'react';
import { analysePhoto } from './photo-analysis.js';
import type { PhotoCheck } from './photo-checks.js';

/** 'checking' while the photo is analysed; null when this browser could not decode it. */
export type PhotoCheckState = PhotoCheck | null | 'checking';

/** The chosen photo's checks (blurred, dark, edges), redone when the photo changes. */
export function usePhotoCheck(file: File | null): PhotoCheckState {
  const [state, setState] = useState<PhotoCheckState>(null);
  useEffect(() => {
    if (!file) {
      setState(null);
      return;
    }
    let current = true;
    setState('checking');
    analysePhoto(file).then(
      (check) => current && setState(check),
      () => current && setState(null),
    );
    return () => {
      current = false;
    };
  }, [file]);
  return state;
}
