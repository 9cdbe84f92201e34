import { isValidIin } from '../domain/iin.js';

/**
 * The printed side of a Kazakhstan ID card as OCR reads it: labels in Kazakh and Russian
 * ("ТЕГІ / ФАМИЛИЯ", "АТЫ / ИМЯ", "ЖСН / ИИН") with the value on the same or the next line.
 * Used when the MRZ is unreadable, and to cross-check it.
 */
export interface PrintedFields {
  iin: string | null;
  surname: string | null;
  givenNames: string | null;
  documentNumber: string | null;
}

/** The first run of 12 digits (OCR may put spaces inside) that is a valid IIN. */
export function findIin(text: string): string | null {
  const digitsOnly = text.replace(/[OoОо]/g, '0').replace(/(\d)[ \u00a0](?=\d)/g, '$1');
  for (const m of digitsOnly.matchAll(/(?<!\d)\d{12}(?!\d)/g)) if (isValidIin(m[0])) return m[0];
  return null;
}

const LABELS = {
  surname: /(ТЕГ[ІI]|ФАМИЛИЯ|SURNAME)/i,
  givenNames: /(АТЫ|ИМЯ|GIVEN NAMES?|NAME)/i,
  documentNumber: /(№|N[°o]?)\s*([0-9]{9})/,
};

/** The value after a label: the rest of its line, else the next line with letters. */
function valueAfter(lines: string[], label: RegExp): string | null {
  for (const [i, line] of lines.entries()) {
    const m = label.exec(line);
    if (!m) continue;
    const rest = line
      .slice((m.index ?? 0) + m[0].length)
      .replace(/^[\s/:|]+/, '')
      .replace(/^(ФАМИЛИЯ|ИМЯ|SURNAME|NAME)\s*/i, '')
      .trim();
    const value = /\p{L}{2,}/u.test(rest) ? rest : (lines[i + 1] ?? '').trim();
    const cleaned = value
      .replace(/[^\p{L}\s-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (cleaned) return cleaned.toUpperCase();
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
    documentNumber: LABELS.documentNumber.exec(text)?.[2] ?? null,
  };
}
