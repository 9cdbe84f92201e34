import { z } from 'zod';
import { CountingAttempt, MultipleScoring } from './questions.js';
import type { SittingKind } from './sitting-kinds.js';
import { TrustWeights } from './trust-score.js';

/** The liveness challenges of the face check (issue 7): blink, or turn the head left / right. */
export const LivenessChallengeName = z.enum(['blink', 'turn_left', 'turn_right']);
export type LivenessChallengeName = z.infer<typeof LivenessChallengeName>;

/** What happens when time runs out before all answers are given (seed 001 says "not counted"). */
export const TimeoutPolicy = z.enum(['void', 'grade_answered']);
export type TimeoutPolicy = z.infer<typeof TimeoutPolicy>;

/**
 * Per-sitting settings. The numbers in exam-procedures.md are defaults, never constants:
 * 20/30 min before oral questioning, 2 h written, 2 h commission grading, 15 min defence.
 */
export const SittingPolicies = z
  .object({
    attemptsAllowed: z.number().int().min(1).max(10),
    appealWindowMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    timeoutPolicy: TimeoutPolicy,
    /** Oral: questioning of the first student starts this long after the last student drew. */
    oralQuestioningDelayMinutes: z.number().int().min(0).max(240),
    /** Written: time to write after the ticket is shown. */
    writtenDurationMinutes: z.number().int().min(1).max(600),
    /** State exam: time the commission has to check written answers. */
    commissionGradingMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    /** Thesis defence: talk length and whole slot with questions. */
    defenceTalkMinutes: z.number().int().min(1).max(60),
    defenceSlotMinutes: z.number().int().min(1).max(120),
    /** Thesis defence: the talk timer's first warning (exam-procedures.md: talk 7–10 minutes). */
    defenceTalkWarnMinutes: z.number().int().min(1).max(60).default(7),
    /** Written: results are published within this many hours. */
    resultsWithinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
    /** A camera or screen loss suspends the attempt; does the clock keep running meanwhile? */
    clockRunsWhileSuspended: z.boolean(),
    /** Computer tests: how several-answer questions are scored (defaults fill older rows). */
    multipleScoring: MultipleScoring.default('all_or_nothing'),
    /** Computer tests with retakes: which attempt is the grade. */
    countingAttempt: CountingAttempt.default('best'),
    /** Trust score: points per metric (omitted metrics take DEFAULT_TRUST_WEIGHTS). */
    trustWeights: TrustWeights.partial().default({}),
    /** On-device monitoring (issue 7): camera frames checked per second. */
    monitoringFramesPerSecond: z.number().min(0.2).max(10).default(2),
    /** Head turned away for longer than this is a "looking away" flag. */
    lookingAwaySeconds: z.number().int().min(1).max(60).default(5),
    /** The live face is matched against the verified one this often (catches a substitute). */
    faceRecheckMinutes: z.number().int().min(1).max(60).default(3),
    /**
     * The challenges the face check may ask for (two are picked, or the only one). A university
     * may leave out the blink where glasses or low light make it unfair.
     */
    livenessChallenges: z
      .array(LivenessChallengeName)
      .min(1)
      .max(3)
      .refine((list) => new Set(list).size === list.length, 'each challenge once')
      .default(['blink', 'turn_left', 'turn_right']),
    /**
     * Computer tests: the proctoring extension must be installed and answering before the test
     * starts (seed 004); the exam client refuses to start without it.
     */
    extensionRequired: z.boolean().default(false),
    /** Automatic flags of one type closer together than this are one episode. */
    flagMergeGapSeconds: z.number().int().min(1).max(600).default(10),
  })
  .strict();
export type SittingPolicies = z.infer<typeof SittingPolicies>;

export function defaultPolicies(kind: SittingKind): SittingPolicies {
  const stateExam = kind === 'state_exam' || kind === 'thesis_defence';
  return {
    attemptsAllowed: 1,
    appealWindowMinutes: 30,
    timeoutPolicy: 'void',
    oralQuestioningDelayMinutes: stateExam ? 30 : 20,
    writtenDurationMinutes: 120,
    commissionGradingMinutes: 120,
    defenceTalkMinutes: 10,
    defenceSlotMinutes: 15,
    defenceTalkWarnMinutes: 7,
    resultsWithinHours: 24,
    clockRunsWhileSuspended: false,
    multipleScoring: 'all_or_nothing',
    countingAttempt: 'best',
    trustWeights: {},
    flagMergeGapSeconds: 10,
    monitoringFramesPerSecond: 2,
    lookingAwaySeconds: 5,
    faceRecheckMinutes: 3,
    livenessChallenges: ['blink', 'turn_left', 'turn_right'],
    extensionRequired: kind === 'computer_test',
  };
}

/** What the student's device needs to know of the policies to run its checks. */
export const DeviceCheckPolicies = z.object({
  monitoringFramesPerSecond: z.number(),
  lookingAwaySeconds: z.number().int(),
  faceRecheckMinutes: z.number().int(),
  livenessChallenges: z.array(LivenessChallengeName).min(1),
  extensionRequired: z.boolean(),
});
export type DeviceCheckPolicies = z.infer<typeof DeviceCheckPolicies>;

/** The device checks' policies of a stored sitting (older rows lack the newer fields). */
export function deviceCheckPolicies(
  stored: Partial<SittingPolicies>,
  kind: SittingKind,
): DeviceCheckPolicies {
  const policies = { ...defaultPolicies(kind), ...stored };
  return {
    monitoringFramesPerSecond: policies.monitoringFramesPerSecond,
    lookingAwaySeconds: policies.lookingAwaySeconds,
    faceRecheckMinutes: policies.faceRecheckMinutes,
    livenessChallenges: policies.livenessChallenges,
    extensionRequired: policies.extensionRequired,
  };
}
