import { OPTION_IDS } from '@adal/shared';
import { Directives, type Section } from './directives.js';
import { emptyOutput, type FormatOutput } from './draft.js';
import { tidy } from './text.js';
import { letterOf, optionIndexOfLetter } from './vocabulary.js';

interface Pending {
  line: number;
  section: Section;
  stem: string[];
  options: string[];
}

// "A. text" or "A) text". Cyrillic look-alikes count as Latin (vocabulary.ts); other capitals
// are caught so that a Russian-style "Б)" gets its own explanation.
const OPTION = /^(\p{Lu})\s*[.)]\s+(\S.*)$/u;
const ANSWER = /^ANSWER\s*:(.*)$/i;

/**
 * Aiken (https://docs.moodle.org/en/Aiken_format): single-answer questions only. A question is
 * one or more lines of text, options `A.`/`A)` one per line, then `ANSWER: B`. Lines starting
 * with `//` are comments and carry the difficulty/topic convention.
 */
export function parseAiken(source: string): FormatOutput {
  const reader = new AikenReader();
  source.split('\n').forEach((raw, index) => reader.line(index + 1, raw));
  return reader.end();
}

class AikenReader {
  private readonly out = emptyOutput();
  private readonly directives = new Directives(this.out);
  private pending: Pending | undefined;
  /** After an error in the options, the rest of that question is skipped up to its ANSWER line. */
  private skipping = false;

  line(line: number, raw: string): void {
    const text = raw.trim();
    if (!text) return;
    if (text.startsWith('//')) return this.directives.comment(line, text);
    const answer = ANSWER.exec(text);
    if (this.skipping) {
      if (answer) this.skipping = false;
      return;
    }
    if (answer) return this.answer(line, (answer[1] as string).trim());
    const option = OPTION.exec(text);
    const pending = this.pending;
    // The first line of a question is always its text, even "А. Байтұрсынұлы …" that looks like an option.
    if (!pending) return this.start(line, text);
    if (!option) {
      if (pending.options.length === 0) return void pending.stem.push(raw.trimEnd());
      this.error(
        line,
        `expected option ${letterOf(pending.options.length)}. or 'ANSWER: …': the question on line ${pending.line} has no ANSWER line, or an option runs over two lines`,
      );
      // Most often the ANSWER line is missing and this line starts the next question.
      return this.start(line, text);
    }
    const letter = optionIndexOfLetter(option[1] as string);
    if (letter === undefined) {
      // Before the options, "Б) …" may be part of the question; among them it is a Cyrillic letter.
      if (pending.options.length === 0) return void pending.stem.push(raw.trimEnd());
      return this.skip(line, `option "${option[1]})": Aiken options are lettered with Latin A, B, C…`);
    }
    if (letter !== pending.options.length) {
      const expected = letterOf(pending.options.length);
      return this.skip(
        line,
        `option ${letterOf(letter)} where ${expected} was expected: letter options A, B, C… in order`,
      );
    }
    pending.options.push(tidy(option[2] as string));
  }

  end(): FormatOutput {
    if (this.pending) this.error(this.pending.line, "the question ends without an 'ANSWER: …' line");
    return this.out;
  }

  private start(line: number, text: string): void {
    this.pending = { line, section: this.directives.current(), stem: [text], options: [] };
  }

  private error(line: number, message: string): void {
    this.out.errors.push({ line, message });
  }

  private skip(line: number, message: string): void {
    this.error(line, message);
    this.pending = undefined;
    this.skipping = true;
  }

  /** An ANSWER line always ends a question, right or wrong. */
  private answer(line: number, value: string): void {
    const question = this.pending;
    this.pending = undefined;
    if (!question) return this.error(line, "'ANSWER:' without a question before it");
    if (question.options.length === 0)
      return this.error(line, "'ANSWER:' comes before any option (A. … B. …)");
    if (/^\p{L}\s*[,;\s]\s*\p{L}/u.test(value)) {
      return this.error(
        line,
        'Aiken has one right answer per question; for several use GIFT or the CSV template',
      );
    }
    const index = /^\p{L}$/u.test(value) ? optionIndexOfLetter(value) : undefined;
    if (index === undefined)
      return this.error(line, `'ANSWER:' needs one option letter (A, B, C…), not "${value}"`);
    if (index >= question.options.length) {
      const last = letterOf(question.options.length - 1);
      return this.error(line, `ANSWER ${letterOf(index)} is not among the options A–${last}`);
    }
    this.out.drafts.push({
      line: question.line,
      ...question.section,
      kind: 'single',
      stem: tidy(question.stem.join('\n')),
      options: question.options.map((text, i) => ({ id: OPTION_IDS[i] ?? `#${i + 1}`, text })),
      correct: [OPTION_IDS[index] ?? `#${index + 1}`],
    });
  }
}
