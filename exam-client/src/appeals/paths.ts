import { testPaths } from '../computer-test/paths.js';

/** Where the appeal screens live (App.tsx mounts them). */
export const appealPaths = {
  passedTests: '/passed-tests',
  /** The page "Yes, file an appeal" opens after a test, at the test's own address. */
  appeal: (sittingId: string, attemptId: string) => testPaths.appeal(sittingId, attemptId),
};
