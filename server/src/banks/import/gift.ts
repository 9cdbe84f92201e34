import { OPTION_IDS, TRUE_FALSE_OPTIONS } from '@adal/shared';
import { Directives, type Section } from './directives.js';
import { type DraftQuestion, emptyOutput, type FormatOutput } from './draft.js';
import { readAnswers } from './gift-answers.js';
import { findUnescaped, GiftSyntaxError, giftText, readFormat } from './gift-text.js';
import { LineMap } from './text.js';
import { difficultyOf } from './vocabulary.js';

/** The lines of one question: GIFT questions are separated by blank lines. */
interface Block {
  section: Section;
  lines: string[];
  lineNumbers: number[];
}

/**
 * Moodle GIFT (https://docs.moodle.org/en/GIFT_format), the subset that fits the platform's four
 * question kinds. `source` has `\n` line breaks (normaliseSource).
 */
export function parseGift(source: string): FormatOutput {
  const out = emptyOutput();
  const directives = new Directives(out);
  let block: Block | undefined;
  const flush = () => {
    if (block) readBlock(block, out);
    block = undefined;
  };
  source.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) return flush();
    // Moodle drops comment lines wherever they stand, even inside a question.
    if (trimmed.startsWith('//')) return directives.comment(line, trimmed);
    if (/^\$CATEGORY:/i.test(trimmed)) {
      flush();
      return directives.reset(categorySection(trimmed.slice('$CATEGORY:'.length)));
    }
    block ??= { section: directives.current(), lines: [], lineNumbers: [] };
    block.lines.push(raw);
    block.lineNumbers.push(line);
  });
  flush();
  return out;
}

/**
 * `$CATEGORY: $course$/top/Databases/SQL/medium` → topic "SQL", difficulty medium: the last
 * segment that is not a difficulty word is the topic. Moodle's own segments (`$course$`, `top`,
 * "Default for …") say nothing about the questions and are skipped; `//` is an escaped `/`.
 */
export function categorySection(path: string): Section {
  const section: Section = {};
  const segments = path
    .replace(/\/\//g, '\u0000')
    .split('/')
    .map((segment) => segment.replace(/\u0000/g, '/').trim())
    .filter(
      (s) =>
        s &&
        !/^\$\w+\$$/.test(s) &&
        s.toLowerCase() !== 'top' &&
        !/^(default for|по умолчанию для) /i.test(s),
    );
  for (const segment of segments) {
    // A category named "1" or "2" is a chapter number more often than a difficulty.
    const difficulty = /^\d+$/.test(segment) ? undefined : difficultyOf(segment);
    if (difficulty) section.difficulty = difficulty;
    else section.topic = segment;
  }
  return section;
}

function readBlock(block: Block, out: FormatOutput): void {
  const text = block.lines.join('\n');
  const line = block.lineNumbers[0] as number;
  try {
    out.drafts.push({ line, ...block.section, ...readQuestion(text) });
  } catch (error) {
    if (!(error instanceof GiftSyntaxError)) throw error;
    out.errors.push({
      line: new LineMap(block.lines, block.lineNumbers).lineAt(error.offset),
      message: error.message,
    });
  }
}

type QuestionBody = Pick<DraftQuestion, 'kind' | 'stem' | 'options' | 'correct'>;

/** `::title:: [format] stem { answers }`; the title is Moodle's question name, which the platform does not keep. */
function readQuestion(text: string): QuestionBody {
  const open = findUnescaped(text, '{');
  if (open < 0) {
    throw new GiftSyntaxError(
      'no answer block { … }: a question needs its answers in braces (Moodle "description" items are not supported)',
      0,
    );
  }
  const close = findUnescaped(text, '}', open + 1);
  if (close < 0) throw new GiftSyntaxError("'{' is never closed with '}'", open);
  const nested = findUnescaped(text.slice(0, close), '{', open + 1);
  if (nested >= 0)
    throw new GiftSyntaxError("'{' inside an answer block: write \\{ for a brace in an answer", nested);
  const after = text.slice(close + 1);
  if (after.trim()) {
    throw new GiftSyntaxError(
      'text after the answer block: missing-word questions (answers inside the sentence) are not supported; put { … } at the end',
      close + 1 + after.length - after.trimStart().length,
    );
  }

  let start = text.length - text.trimStart().length;
  if (text.startsWith('::', start)) {
    const end = findUnescaped(text, '::', start + 2);
    if (end < 0 || end > open) throw new GiftSyntaxError("the question title's '::' is never closed", start);
    start = end + 2;
  }
  const { format, text: rawStem, skipped } = readFormat(text.slice(start, open), 'moodle');
  const stem = giftText(rawStem, format, start + skipped);
  if (!stem) throw new GiftSyntaxError('the question has no text before its answers', start);

  const answers = readAnswers(text.slice(open + 1, close), open + 1, format);
  switch (answers.kind) {
    case 'true_false':
      return { kind: 'true_false', stem, options: [...TRUE_FALSE_OPTIONS], correct: [answers.correct] };
    case 'short_answer':
      return { kind: 'short_answer', stem, options: [], correct: answers.accepted };
    default:
      return {
        kind: answers.kind,
        stem,
        options: answers.options.map((option, i) => ({ id: OPTION_IDS[i] ?? `#${i + 1}`, text: option })),
        correct: answers.correct.map((i) => OPTION_IDS[i] ?? `#${i + 1}`),
      };
  }
}
