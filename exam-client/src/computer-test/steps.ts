/**
 * The steps before a computer test, in order; each has a page (TestFlow's STEP_PAGES), a route
 * and a `test.steps.*` label. The proctoring extension (issue 8) is checked within 'checks':
 * where the sitting requires it, that step does not let the student on until it answers.
 * 'identity' (face photo in the oval, ID document in the rectangle, seed 001) never blocks: the
 * proctor sees "not checked" and verifies identity over the video, as before the step existed.
 * The proctor's room scan and admission happen before the schedule's link turns green.
 */
export const TEST_STEPS = ['checks', 'identity', 'rules', 'info'] as const;
export type TestStep = (typeof TEST_STEPS)[number];

export const isTestStep = (value: string | undefined): value is TestStep =>
  (TEST_STEPS as readonly string[]).includes(value ?? '');

/** The step after `step`, or null after the last one (the test itself). */
export function stepAfter(step: TestStep): TestStep | null {
  return TEST_STEPS[TEST_STEPS.indexOf(step) + 1] ?? null;
}
