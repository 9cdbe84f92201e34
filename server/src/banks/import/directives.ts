import type { Difficulty } from '@adal/shared';
import type { FormatOutput } from './draft.js';
import { DIFFICULTY_HINT, type DirectiveKey, difficultyOf, readDirective } from './vocabulary.js';

/** Difficulty and topic that apply to the questions read next. */
export interface Section {
  difficulty?: Difficulty;
  topic?: string;
}

/**
 * The comment convention of GIFT and Aiken files: `// difficulty: hard` and `// topic: …` apply to
 * every question that starts after them, until the next such line (or, in GIFT, `$CATEGORY:`).
 * `// discipline: …` names the file's discipline once.
 */
export class Directives {
  private section: Section = {};

  constructor(private readonly out: FormatOutput) {}

  /** The difficulty and topic for a question starting now. */
  current(): Section {
    return { ...this.section };
  }

  /** Starts a new section, as a GIFT `$CATEGORY:` line does: earlier comments stop applying. */
  reset(section: Section): void {
    this.section = { ...section };
  }

  /** Reads a `//` line; plain comments are ignored. */
  comment(line: number, text: string): void {
    const directive = readDirective(text);
    if (directive) this.handlers[directive.key](line, directive.value);
  }

  private readonly handlers: Record<DirectiveKey, (line: number, value: string) => void> = {
    difficulty: (line, value) => {
      const difficulty = difficultyOf(value);
      if (difficulty) this.section.difficulty = difficulty;
      else this.out.errors.push({ line, message: `unknown difficulty "${value}": ${DIFFICULTY_HINT}` });
    },
    // An empty topic goes back to the importer's default.
    topic: (_line, value) => {
      this.section.topic = value || undefined;
    },
    discipline: (line, value) => {
      if (value) this.out.disciplines.push({ line, value });
      else this.out.errors.push({ line, message: 'the discipline comment names no discipline' });
    },
  };
}
