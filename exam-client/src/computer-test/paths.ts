import type { TestStep } from './steps.js';

/** Where each screen of the computer test lives (App.tsx mounts them). */
export const testPaths = {
  /** The schedule's link: the first pre-check. */
  start: (sittingId: string) => `/sittings/${sittingId}/test`,
  step: (sittingId: string, step: TestStep) => `/sittings/${sittingId}/test/${step}`,
  attempt: (sittingId: string, attemptId: string) => `/sittings/${sittingId}/test/attempts/${attemptId}`,
  result: (sittingId: string, attemptId: string) =>
    `/sittings/${sittingId}/test/attempts/${attemptId}/result`,
  /** Appeals (exam-procedures "Appeals") are built next; this route is their entry. */
  appeal: (sittingId: string, attemptId: string) =>
    `/sittings/${sittingId}/test/attempts/${attemptId}/appeal`,
};
