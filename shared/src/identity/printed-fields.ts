import { isValidIin } from '../domain/iin.js';
import { editDistance } from './transliterate.js';

/**
 * The printed side of a Kazakhstan ID card as OCR reads it: labels in Kazakh with Russian (2014
 * cards: "ТЕГІ / ФАМИЛИЯ", "АТЫ / ИМЯ", "ЖСН / ИИН") or English (2021 cards: "ТЕГІ / SURNAME",
 * "АТЫ / NAME", "ТУҒАН КҮНІ / DATE OF BIRTH") with the value on the same or the next line.
 * Used when the MRZ is unreadable, and to cross-check it.
 */
export interface PrintedFields {
  iin: string | null;
  surname: string | null;
  givenNames: string | null;
  documentNumber: string | null;
  /** ISO dates (yyyy-mm-dd) from the printed dd.mm.yyyy. */
  birthDate: string | null;
  expiryDate: string | null;
}

/** The first run of 12 digits (OCR may put spaces inside) that is a valid IIN. */
export function findIin(text: string): string | null {
  const digitsOnly = text.replace(/[OoОо]/g, '0').replace(/(\d)[ \u00a0](?=\d)/g, '$1');
  for (const m of digitsOnly.matchAll(/(?<!\d)\d{12}(?!\d)/g)) if (isValidIin(m[0])) return m[0];
  return null;
}

/** A label, and the labels on the same line that mean another field (the patronymic's "АТЫ"). */
interface Label {
  pattern: RegExp;
  unless?: RegExp;
}

// Whole words only: "SURNAME" must not count as "NAME".
const LABELS = {
  surname: { pattern: /(?<!\p{L})(ТЕГ[ІI]|ФАМИЛИЯ|SURNAME)(?!\p{L})/iu },
  givenNames: {
    pattern: /(?<!\p{L})(АТЫ|ИМЯ|GIVEN NAMES?|NAME)(?!\p{L})/iu,
    unless: /(ӘКЕС|ОТЧЕСТВО|PATRONYMIC)/iu,
  },
  birthDate: { pattern: /(ТУҒАН|ДАТА РОЖДЕНИЯ|DATE OF BIRTH)/iu },
  expiryDate: { pattern: /(МЕРЗІМІ|СРОК ДЕЙСТВИЯ|ДЕЙСТВИТЕЛЕН ДО|DATE OF EXPIRY|EXPIRY)/iu },
} satisfies Record<string, Label>;

const DOCUMENT_NUMBER = /(№|N[°o]?|НӨМІРІ|НОМЕР|NUMBER)[^0-9\n]{0,12}([0-9]{9})(?!\d)/iu;
const isAnyLabel = (line: string) => Object.values(LABELS).some((l: Label) => l.pattern.test(line));

/** The labels' own words, which OCR may put before a value on the label's line. */
const LABEL_WORDS = ['ФАМИЛИЯ', 'ИМЯ', 'SURNAME', 'GIVEN', 'NAMES', 'NAME'];

/**
 * Cyrillic letters shaped like Latin ones: reading with Kazakh and English, OCR writes an English
 * label partly in Cyrillic ("NAME" came back as "МАМЕ" from a rendered card).
 */
const LATIN_LOOK: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
};

/** A label word, exactly or (for the longer English ones) with one misread letter. */
function isLabelWord(word: string): boolean {
  const upper = word.toUpperCase();
  const latinLook = [...upper].map((c) => LATIN_LOOK[c] ?? c).join('');
  return LABEL_WORDS.some((l) => upper === l || (/^[A-Z]{4,}$/.test(l) && editDistance(latinLook, l) <= 1));
}

/** The text without leading label words and separators; null when no value is left. */
function withoutLabelWords(text: string): string | null {
  const words = text.replace(/[/:|]/g, ' ').split(/\s+/).filter(Boolean);
  while (words.length > 0 && isLabelWord(words[0] ?? '')) words.shift();
  const value = words
    .join(' ')
    .replace(/[^\p{L}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /\p{L}{2,}/u.test(value) ? value.toUpperCase() : null;
}

/** The value after a label: the rest of its line, else the next line that is not only a label. */
function valueAfter(lines: string[], label: Label): string | null {
  for (const [i, line] of lines.entries()) {
    const m = label.pattern.exec(line);
    if (!m || label.unless?.test(line)) continue;
    const rest = line.slice((m.index ?? 0) + m[0].length);
    // The next lines, up to the next field's label ("ТЕГІ / SURNAME" may sit alone on its line).
    const below = lines.slice(i + 1, i + 3);
    const end = below.findIndex(isAnyLabel);
    const value = [rest, ...(end === -1 ? below : below.slice(0, end))].map(withoutLabelWords).find(Boolean);
    if (value) return value;
  }
  return null;
}

/** Every dd.mm.yyyy in the text (OCR may read the dots as commas or spaces) that is a real day, as ISO dates. */
export function printedDates(text: string): string[] {
  const dates: string[] = [];
  for (const m of text.matchAll(/(?<!\d)(\d{2})[.,\s](\d{2})[.,\s](\d{4})(?!\d)/g)) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day)
      dates.push(date.toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * The date on a label's line, else on the next line. A validity period ("12.05.2014 – 11.05.2024"
 * on 2014 cards) gives its last date for the expiry.
 */
function dateAfter(lines: string[], label: Label, which: 'first' | 'last'): string | null {
  for (const [i, line] of lines.entries()) {
    const m = label.pattern.exec(line);
    if (!m) continue;
    const onLine = printedDates(line.slice((m.index ?? 0) + m[0].length));
    const dates = onLine.length > 0 ? onLine : printedDates(lines[i + 1] ?? '');
    const found = which === 'first' ? dates[0] : dates.at(-1);
    if (found) return found;
  }
  return null;
}

export function readPrintedFields(text: string): PrintedFields {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    iin: findIin(text),
    surname: valueAfter(lines, LABELS.surname),
    givenNames: valueAfter(lines, LABELS.givenNames),
    documentNumber: DOCUMENT_NUMBER.exec(text)?.[2] ?? null,
    birthDate: dateAfter(lines, LABELS.birthDate, 'first'),
    expiryDate: dateAfter(lines, LABELS.expiryDate, 'last'),
  };
}
