import type { TestInfo } from '../../api/attempts.js';
import type { Difficulty, QuestionKind } from '../../domain/questions.js';

type BlockedBy = NonNullable<TestInfo['blockedBy']>;

/** The student's computer test: pre-checks, rules, info page, the test, the result (exam-procedures.md). */
export const computerTestEn = {
  steps: {
    label: 'Steps before the test',
    checks: 'Camera and microphone',
    identity: 'Identity check',
    rules: 'Rules',
    info: 'Test information',
    test: 'Test',
  },
  checks: {
    title: 'Camera and microphone',
    intro:
      'Turn on the camera and the microphone. They stay on, and the proctor sees and hears you, until you finish the test.',
    waiting: 'Turn on the camera and the microphone to continue.',
    ready: 'The camera and the microphone reach the proctor.',
    next: 'Next: identity check',
    devices: 'Camera and microphone: {{state}}',
    on: 'on',
    off: 'off',
    offInTest:
      'Your camera or microphone is off. Turn them on in the panel below: the proctor must see and hear you during the whole test.',
  },
  resume: {
    title: 'Your test is in progress',
    body: 'Continue where you left off: the same questions, your saved answers and the time that is left.',
    button: 'Continue the test',
  },
  rules: {
    title: 'Rules during the exam',
    intro: 'Read the rules to the end, then tick "I agree".',
    items: {
      camera: "The camera stays on the whole time; leaving the camera's field of view is forbidden.",
      microphone: 'Keep the microphone muted unless you need it.',
      desk: 'The desk and the screen must be clearly visible.',
      aids: 'No cribs, phones or tablets; no other person in the room; no one else may use your devices.',
      recorded:
        'Everything is recorded: the connection date and time, your time, the number of violations, the whole history of your work with the test, audio and video, from start to end.',
    },
    agree: 'I agree',
    next: 'Next',
  },
  info: {
    title: 'Test information',
    student: 'Student',
    discipline: 'Discipline',
    controlKind: 'Control kind',
    duration: 'Time allowed',
    questions: 'Number of questions',
    attempts: 'Attempts',
    attemptsValue: '({{used}}/{{allowed}})',
    startsAtOnce:
      'The test starts as soon as you press Next; the countdown shows at the top right. Answer every question before the time runs out.',
    next: 'Next',
    starting: 'Starting the test…',
    rulesFirst: 'Read the rules and tick "I agree" first.',
  },
  blocked: {
    not_admitted: 'The proctor has not admitted you yet. Wait on the call; this page updates by itself.',
    no_attempts_left: 'You have used every attempt this test allows.',
    no_paper: 'This test has no questions set up yet. Tell your proctor.',
    not_a_test: 'This exam is not a computer test.',
    sitting_ended:
      'Your exam is over: the proctor ended it, did not admit you or let you leave. The test cannot be started; the reason is in the Chat & log.',
    extension_missing:
      'This test needs the Adal Proctor extension in your browser. Go back to the checks step: it shows how to install it and checks it again.',
  } satisfies Record<BlockedBy, string>,
  runner: {
    testingTime: 'Testing time',
    timeLeft: 'Time left',
    answered: 'You have answered {{answered}} of {{total}}',
    questions: 'Questions',
    stripItem: 'Question {{number}}: {{state}}',
    current: 'current',
    answeredState: 'answered',
    unansweredState: 'not answered',
    legend: 'Answered questions are filled; the current one is outlined.',
    showAll: 'Show all questions',
    questionOf: 'Question {{number}} of {{total}}',
    previous: 'Previous question',
    next: 'Next question',
    kinds: {
      single: 'Choose one answer.',
      multiple: 'Choose every correct answer.',
      true_false: 'True or false?',
      short_answer: 'Type your answer.',
    } satisfies Record<QuestionKind, string>,
    trueFalse: { true: 'True', false: 'False' },
    shortAnswer: 'Your answer',
    save: {
      none: 'Not answered',
      saved: 'Saved ✓',
      saving: 'Saving…',
      queued: 'Waiting to be sent',
      rejected: 'Not saved: the server refused this answer. Choose again.',
      typing: 'Waiting to be sent',
    },
  },
  connection: {
    lost: 'Connection lost — reconnecting… Your answers are kept on this computer and will be sent.',
    pending: 'Answers waiting to be sent: {{count}}',
    retry: 'Retry',
    noStorage:
      'This browser cannot keep answers on this computer: do not close or reload the page until they are sent.',
  },
  paused: {
    title: 'The proctor has paused your test',
    body: 'The time is stopped. Wait for the proctor; you can go on when the test resumes.',
  },
  timeUp: {
    title: 'Time is up',
    body: 'Your answers can no longer be changed. Opening the result…',
    closed: 'The test is closed. Opening the result…',
  },
  finish: {
    button: 'Finish',
    title: 'Finish the test',
    confirm: 'I understand that I answered all questions and finish the test',
    submit: 'Finish test',
    back: 'Back to the questions',
    waiting: 'Wait until every answer is saved…',
    finishing: 'Finishing…',
  },
  result: {
    title: 'Testing finished',
    attempt: 'Attempt {{number}}',
    startedAt: 'Start of testing',
    finishedAt: 'End of testing',
    finalGrades: 'Final grades',
    currentAverage: 'Average current grade',
    midterm1: 'Midterm 1',
    midterm2: 'Midterm 2',
    rating: 'Rating',
    exam: 'Exam',
    final: 'Final grade',
    byDifficulty: 'Test results',
    difficulty: 'Difficulty',
    questions: 'Questions',
    correct: 'Correct answers',
    total: 'Total',
    difficulties: { simple: 'Simple', medium: 'Medium', hard: 'Hard' } satisfies Record<Difficulty, string>,
    testGrade: 'Test grade',
    percent: 'Percent',
    letter: 'Letter grade',
    gpaPoints: 'GPA points',
    traditional: 'Traditional grade',
    traditionalGrades: {
      excellent: 'Excellent',
      good: 'Good',
      satisfactory: 'Satisfactory',
      unsatisfactory: 'Unsatisfactory',
    },
    voided: 'This attempt was not counted: time ran out before all questions were answered.',
    timedOut: 'Time ran out: the answers you gave were graded.',
    terminated: 'This attempt was ended by the proctor.',
    notCounting: 'Another of your attempts counts for the grade.',
    attemptsUsed: 'Attempts ({{used}}/{{allowed}})',
    retake: 'Retake',
    closing: 'The test is being closed…',
    empty: '—',
  },
  appeal: {
    question: 'Do you want to file an appeal?',
    yes: 'Yes',
    no: 'No',
  },
};

export type ComputerTestCatalogue = typeof computerTestEn;
