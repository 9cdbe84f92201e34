import type { Language } from '../domain/sitting-kinds.js';
import { LOCALES } from './language.js';

/**
 * Dates and times in the chosen language and the browser's own time zone. Kazakh is formatted
 * here rather than by Intl: browsers with reduced ICU data (Chromium among them) have no `kk`
 * month names and print "M11 22".
 */

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const KK_WEEKDAYS = ['жексенбі', 'дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі'];

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (language === 'kk')
    return `${date.getDate()} ${KK_MONTHS[date.getMonth()]}, ${KK_WEEKDAYS[date.getDay()]}`;
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(date);
}

export function formatTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (language === 'kk') {
    return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  }
  return new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

export const formatDateTime = (iso: string, language: Language): string =>
  `${formatDate(iso, language)}, ${formatTime(iso, language)}`;
