import { z } from 'zod';

/**
 * Kazakhstan's individual identification number (ИИН / ЖСН): 12 digits, YYMMDD birth date,
 * a century-and-sex digit (1–6), a serial and a check digit. The check digit is the weighted sum
 * mod 11 with weights 1..11; if that gives 10, weights 3..11,1,2 are used; a second 10 means
 * the number is never issued.
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

const weighted = (digits: number[], weights: number[]) =>
  weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % 11;

/** The check digit for the first 11 digits, or null when no check digit exists for them. */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new Error('iinCheckDigit needs 11 digits');
  const digits = [...first11].map(Number);
  const first = weighted(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/** Birth date encoded in an IIN, or null when the date part is impossible. */
export function iinBirthDate(iin: string): Date | null {
  const centuryDigit = Number(iin[6]);
  if (!(centuryDigit >= 1 && centuryDigit <= 6)) return null;
  const century = 1700 + Math.ceil(centuryDigit / 2) * 100; // 1–2: 1800s, 3–4: 1900s, 5–6: 2000s
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

export type IinProblem = 'format' | 'birth_date' | 'check_digit';

export function iinProblem(iin: string): IinProblem | null {
  if (!/^\d{12}$/.test(iin)) return 'format';
  if (!iinBirthDate(iin)) return 'birth_date';
  const check = iinCheckDigit(iin.slice(0, 11));
  return check !== null && check === Number(iin[11]) ? null : 'check_digit';
}

export const isValidIin = (iin: string): boolean => iinProblem(iin) === null;

export const Iin = z
  .string()
  .refine(isValidIin, { message: 'not a valid IIN (12 digits, birth date, check digit)' });
