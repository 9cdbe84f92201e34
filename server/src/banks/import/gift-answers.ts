import { findUnescaped, type GiftFormat, GiftSyntaxError, giftText, readFormat } from './gift-text.js';

/** What a GIFT answer block `{ … }` says, before option ids are given. */
export type GiftAnswers =
  | { kind: 'true_false'; correct: 'true' | 'false' }
  | { kind: 'short_answer'; accepted: string[] }
  | { kind: 'single' | 'multiple'; options: string[]; correct: number[] };

interface Item {
  marker: '=' | '~';
  weight?: number;
  text: string;
  /** Offset of the marker in the question's text. */
  offset: number;
}

// Moodle accepts weights such as 33.33333 for a third; their sum only has to come close to 100.
const WEIGHT_TOLERANCE = 1;

/**
 * Reads the text between `{` and `}`. `offset` is where that text starts in the question, so
 * errors point at the right line. Feedback (`#…`, `####…`) is read past and dropped: the
 * platform shows no feedback during an exam.
 */
export function readAnswers(body: string, offset: number, format: GiftFormat): GiftAnswers {
  const at = (i: number) => offset + i;
  if (!body.trim()) {
    throw new GiftSyntaxError(
      'essay questions ({}) are not supported: the platform scores answers itself',
      at(0),
    );
  }
  if (body.trimStart().startsWith('#')) {
    throw new GiftSyntaxError(
      'numerical questions ({#…}) are not supported; use a short answer {=42}',
      at(0),
    );
  }

  const generalFeedback = findUnescaped(body, '####');
  const answers = generalFeedback >= 0 ? body.slice(0, generalFeedback) : body;

  const trueFalse = readTrueFalse(answers);
  if (trueFalse) return { kind: 'true_false', correct: trueFalse };

  const items = splitItems(answers, offset);
  const pair = items.find((item) => item.marker === '=' && findUnescaped(item.text, '->') >= 0);
  if (pair) throw new GiftSyntaxError('matching questions (=… -> …) are not supported', pair.offset);
  const texts = items.map((item) => itemText(item, format));
  if (items.every((item) => item.marker === '=')) return shortAnswer(items, texts);
  return choice(items, texts);
}

/** `{T}`, `{FALSE}`, `{TRUE#feedback#feedback}` → the right answer; anything else → undefined. */
function readTrueFalse(answers: string): 'true' | 'false' | undefined {
  const feedback = findUnescaped(answers, '#');
  const word = (feedback >= 0 ? answers.slice(0, feedback) : answers).trim().toUpperCase();
  if (word === 'T' || word === 'TRUE') return 'true';
  if (word === 'F' || word === 'FALSE') return 'false';
  return undefined;
}

function splitItems(answers: string, offset: number): Item[] {
  const items: Item[] = [];
  let current: Item | undefined;
  for (let i = 0; i < answers.length; i++) {
    const char = answers[i] as string;
    if (char === '\\') {
      if (current) current.text += answers.slice(i, i + 2);
      i++;
    } else if (char === '=' || char === '~') {
      current = { marker: char, text: '', offset: offset + i };
      items.push(current);
    } else if (current) {
      current.text += char;
    } else if (char.trim()) {
      throw new GiftSyntaxError(
        "answers must start with '=' (right) or '~' (wrong); true/false is {T} or {F}",
        offset + i,
      );
    }
  }
  for (const item of items) {
    const weight = /^\s*%(-?\d+(?:[.,]\d+)?)%/.exec(item.text);
    if (weight) {
      item.weight = Number((weight[1] as string).replace(',', '.'));
      item.text = item.text.slice(weight[0].length);
    }
  }
  return items;
}

function itemText(item: Item, inherited: GiftFormat): string {
  const feedback = findUnescaped(item.text, '#');
  const raw = feedback >= 0 ? item.text.slice(0, feedback) : item.text;
  const { format, text } = readFormat(raw, inherited);
  const plain = giftText(text, format, item.offset);
  if (!plain) throw new GiftSyntaxError(`an empty answer after '${item.marker}'`, item.offset);
  return plain;
}

function shortAnswer(items: Item[], accepted: string[]): GiftAnswers {
  const partial = items.find((item) => item.weight !== undefined && item.weight !== 100);
  if (partial) {
    throw new GiftSyntaxError(
      `partial credit (=%${partial.weight}%) is not supported: every accepted short answer is fully right`,
      partial.offset,
    );
  }
  return { kind: 'short_answer', accepted };
}

function choice(items: Item[], options: string[]): GiftAnswers {
  const rightMarks = items.filter((item) => item.marker === '=');
  const weighted = items.filter((item) => item.marker === '~' && (item.weight ?? 0) > 0);
  const tooHeavy = items.find((item) => (item.weight ?? 0) > 100);
  if (tooHeavy)
    throw new GiftSyntaxError(`a weight of ${tooHeavy.weight}% is more than 100%`, tooHeavy.offset);

  if (rightMarks.length > 1) {
    throw new GiftSyntaxError(
      "more than one '=' among '~' answers: for several right answers write ~%50%… with weights adding up to 100%",
      (rightMarks[1] as Item).offset,
    );
  }
  if (rightMarks.length === 1) {
    const right = rightMarks[0] as Item;
    const partial = weighted[0] ?? (right.weight !== undefined && right.weight !== 100 ? right : undefined);
    if (partial) {
      throw new GiftSyntaxError(
        'partial credit is not supported: a question has one right answer (=) or several (~%N% adding up to 100%)',
        partial.offset,
      );
    }
    return { kind: 'single', options, correct: [items.indexOf(right)] };
  }
  if (weighted.length === 0) {
    throw new GiftSyntaxError(
      "no right answer: mark it with '=' or give right answers a weight ~%50%",
      (items[0] as Item).offset,
    );
  }
  const sum = weighted.reduce((total, item) => total + (item.weight ?? 0), 0);
  if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
    throw new GiftSyntaxError(
      `the right answers' weights add up to ${Number(sum.toFixed(2))}%; they must add up to 100%`,
      (weighted[0] as Item).offset,
    );
  }
  return {
    kind: weighted.length > 1 ? 'multiple' : 'single',
    options,
    correct: weighted.map((item) => items.indexOf(item)),
  };
}
