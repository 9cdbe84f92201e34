/**
 * The period of the "Passed tests" page (seed 002: «Тестирования за период: 01.09.2023 – 01.12.2023»).
 * Days are the student's calendar days, YYYY-MM-DD, both ends included.
 */
export interface Period {
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of `date` on this computer. */
export const isoDay = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A real calendar day written as YYYY-MM-DD (not 2026-02-30). */
export function isIsoDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/**
 * The academic term around `today`: autumn runs 1 September – 31 January (its session ends in
 * January), spring 1 February – 31 August (session, practice, summer term).
 */
export function currentTerm(today: Date): Period {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  if (month >= 9) return { from: `${year}-09-01`, to: `${year + 1}-01-31` };
  if (month === 1) return { from: `${year - 1}-09-01`, to: `${year}-01-31` };
  return { from: `${year}-02-01`, to: `${year}-08-31` };
}

export type PeriodChoice = { ok: true; period: Period } | { ok: false; period: Period; problem: 'badPeriod' };

/**
 * The period the page shows: the address's ?from=&to= when they are days, otherwise the current
 * term. A start after the end is reported rather than swapped, so the form shows what was typed.
 */
export function choosePeriod(search: URLSearchParams, today: Date): PeriodChoice {
  const term = currentTerm(today);
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const period = { from: isIsoDay(from) ? from : term.from, to: isIsoDay(to) ? to : term.to };
  return period.from <= period.to ? { ok: true, period } : { ok: false, period, problem: 'badPeriod' };
}

/** "01.12.2023": the seed's table writes days this way; short enough for a wide table. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}
