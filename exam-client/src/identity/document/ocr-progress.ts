/** Where a document reading is: starting tesseract, the MRZ pass, the printed pass. */
export type OcrStage = 'loading' | 'mrz' | 'printed';

/** Each stage's share of the bar: the printed pass loads Kazakh data and reads the whole card. */
const SPANS: Record<OcrStage, [number, number]> = {
  loading: [0, 0.25],
  mrz: [0.25, 0.45],
  printed: [0.45, 1],
};

/** tesseract's per-step progress (0–1 within "loading…", "recognizing text") as the whole bar's. */
export function overallProgress(stage: OcrStage, stepProgress: number): number {
  const [from, to] = SPANS[stage];
  const within = Number.isFinite(stepProgress) ? Math.min(1, Math.max(0, stepProgress)) : 0;
  return from + (to - from) * within;
}

/** A bar that never moves backwards when a new tesseract step starts again at 0. */
export function monotonic(): (value: number) => number {
  let highest = 0;
  return (value) => {
    highest = Math.max(highest, value);
    return highest;
  };
}
