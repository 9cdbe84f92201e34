import type { Language } from '@adal/shared';
import { formatDate, LOCALES } from '@adal/shared/web';

const two = (n: number) => String(n).padStart(2, '0');

/** "22 November, 12:45:51": the result page shows the exact start and end of testing (seed 002). */
export function formatDateTimeSeconds(iso: string, language: Language): string {
  const d = new Date(iso);
  return `${formatDate(iso, language)}, ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** Percents and points: at most two decimals, the language's decimal mark. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(value);
}
