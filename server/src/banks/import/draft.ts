import type { Difficulty, ImportLineError, QuestionKind, QuestionOption } from '@adal/shared';

/**
 * A question as a format parser read it, before defaults, limits and the shared schema are
 * applied (finalise.ts). Options already carry their ids ('a', 'b'… or 'true'/'false').
 */
export interface DraftQuestion {
  /** The line the question starts on. */
  line: number;
  kind: QuestionKind;
  /** Undefined: the file says nothing, the importer's default applies. */
  difficulty?: Difficulty;
  topic?: string;
  stem: string;
  options: QuestionOption[];
  correct: string[];
}

/** A discipline a file names (`// discipline: CS201`, a CSV column): checked against the bank's. */
export interface DeclaredDiscipline {
  line: number;
  value: string;
}

/** What each format parser returns: questions it could read and errors on the lines it could not. */
export interface FormatOutput {
  drafts: DraftQuestion[];
  errors: ImportLineError[];
  disciplines: DeclaredDiscipline[];
}

export const emptyOutput = (): FormatOutput => ({ drafts: [], errors: [], disciplines: [] });
