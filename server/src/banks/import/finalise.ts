import {
  type DifficultyCounts,
  type ImportLineError,
  type KindCounts,
  BANK_IMPORT_LIMITS as LIMITS,
  ParsedQuestion,
} from '@adal/shared';
import type { DeclaredDiscipline, DraftQuestion } from './draft.js';
import { sameTextKey } from './text.js';
import { DIFFICULTY_HINT, letterOf } from './vocabulary.js';

/** What the importer chose: defaults for questions the file leaves open, and the bank's discipline. */
export interface ImportDefaults {
  difficulty?: ParsedQuestion['difficulty'];
  topic?: string;
  /** When given, a discipline the file names must be this one (by code or name). */
  discipline?: { code: string; name: string };
}

export interface Accepted {
  questions: ParsedQuestion[];
  /** The line each question starts on, in the same order. */
  lines: number[];
  counts: DifficultyCounts;
  byKind: KindCounts;
  /** The discipline the file names, if any. */
  declaredDiscipline: string | null;
}

const n = (value: number) => value.toLocaleString('en');
const isChoice = (kind: DraftQuestion['kind']) => kind === 'single' || kind === 'multiple';

/** Applies defaults, limits and the shared schema to every draft; errors go to `errors`. */
export function finalise(
  drafts: readonly DraftQuestion[],
  disciplines: readonly DeclaredDiscipline[],
  defaults: ImportDefaults,
  errors: ImportLineError[],
): Accepted {
  const questions: ParsedQuestion[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  if (drafts.length > LIMITS.maxQuestions) {
    const line = (drafts[LIMITS.maxQuestions] as DraftQuestion).line;
    errors.push({
      line,
      message: `more than ${n(LIMITS.maxQuestions)} questions in one file: split it into several banks`,
    });
  }
  for (const draft of drafts) {
    const problems = limitProblems(draft);
    const difficulty = draft.difficulty ?? defaults.difficulty;
    if (!difficulty) {
      problems.push(
        `no difficulty: add a "// difficulty: …" line or a difficulty column (${DIFFICULTY_HINT}), or choose a default`,
      );
    }
    const candidate = {
      kind: draft.kind,
      difficulty,
      topic: draft.topic ?? defaults.topic ?? '',
      stem: draft.stem,
      options: draft.options,
      correct: draft.correct,
    };
    if (!problems.length) {
      const checked = ParsedQuestion.safeParse(candidate);
      if (checked.success) {
        const key = [
          draft.kind,
          sameTextKey(draft.stem),
          ...draft.options.map((o) => sameTextKey(o.text)).sort(),
        ].join('\u0000');
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, draft.line);
          questions.push(checked.data);
          lines.push(draft.line);
        } else {
          problems.push(`the same question as on line ${first}`);
        }
      } else {
        for (const issue of checked.error.issues)
          problems.push(`${issue.path.join('.') || 'question'}: ${issue.message}`);
      }
    }
    for (const message of problems) errors.push({ line: draft.line, message });
  }
  return {
    questions,
    lines,
    counts: countByDifficulty(questions),
    byKind: countByKind(questions),
    declaredDiscipline: checkDisciplines(disciplines, defaults.discipline, errors),
  };
}

/** The limits teachers are told about, with the numbers in the message. */
function limitProblems(draft: DraftQuestion): string[] {
  const problems: string[] = [];
  if (!draft.stem) problems.push('the question has no text');
  if (draft.stem.length > LIMITS.maxStemChars) {
    problems.push(
      `the question is ${n(draft.stem.length)} characters long; at most ${n(LIMITS.maxStemChars)} are allowed`,
    );
  }
  if (isChoice(draft.kind)) {
    if (draft.options.length < LIMITS.minOptions) {
      problems.push(
        `a choice question needs at least ${LIMITS.minOptions} options; this one has ${draft.options.length}`,
      );
    }
    if (draft.options.length > LIMITS.maxOptions) {
      problems.push(`${draft.options.length} options; at most ${LIMITS.maxOptions} are allowed`);
    }
    draft.options.forEach((option, i) => {
      if (option.text.length > LIMITS.maxOptionChars) {
        problems.push(
          `option ${letterOf(i)} is ${n(option.text.length)} characters long; at most ${n(LIMITS.maxOptionChars)} are allowed`,
        );
      }
      const same = draft.options.findIndex((other) => sameTextKey(other.text) === sameTextKey(option.text));
      if (same < i) problems.push(`options ${letterOf(same)} and ${letterOf(i)} are the same`);
    });
  }
  if (draft.kind === 'short_answer') {
    if (draft.correct.length === 0) problems.push('no accepted answer');
    if (draft.correct.length > LIMITS.maxAcceptedAnswers) {
      problems.push(
        `${draft.correct.length} accepted answers; at most ${LIMITS.maxAcceptedAnswers} are allowed`,
      );
    }
    const long = draft.correct.find((answer) => answer.length > LIMITS.maxAcceptedChars);
    if (long) problems.push(`an accepted answer is longer than ${n(LIMITS.maxAcceptedChars)} characters`);
    const keys = draft.correct.map(sameTextKey);
    if (new Set(keys).size !== keys.length) problems.push('the same accepted answer is given twice');
  }
  if ((draft.topic?.length ?? 0) > LIMITS.maxTopicChars) {
    problems.push(`the topic is longer than ${LIMITS.maxTopicChars} characters`);
  }
  return problems;
}

/**
 * The bank's discipline is the one the importer chose. A file may name one too (a safeguard
 * against loading a bank into the wrong discipline): it must name only one, and that one.
 */
function checkDisciplines(
  declared: readonly DeclaredDiscipline[],
  bank: ImportDefaults['discipline'],
  errors: ImportLineError[],
): string | null {
  const first = declared[0];
  if (!first) return null;
  const other = declared.find((d) => sameTextKey(d.value) !== sameTextKey(first.value));
  if (other) {
    errors.push({
      line: other.line,
      message: `the file names two disciplines: "${first.value}" (line ${first.line}) and "${other.value}"`,
    });
  }
  if (bank && ![bank.code, bank.name].some((name) => sameTextKey(name) === sameTextKey(first.value))) {
    errors.push({
      line: first.line,
      message: `the file is for the discipline "${first.value}", but the bank belongs to ${bank.code} "${bank.name}"`,
    });
  }
  return first.value;
}

function countByDifficulty(questions: readonly ParsedQuestion[]): DifficultyCounts {
  const counts = { simple: 0, medium: 0, hard: 0, total: questions.length };
  for (const q of questions) counts[q.difficulty]++;
  return counts;
}

function countByKind(questions: readonly ParsedQuestion[]): KindCounts {
  const counts = { single: 0, multiple: 0, true_false: 0, short_answer: 0 };
  for (const q of questions) counts[q.kind]++;
  return counts;
}
