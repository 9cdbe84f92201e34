/**
 * Kazakh and Russian Cyrillic to the Latin letters of a Kazakhstan document's MRZ (ICAO 9303
 * Part 3 for Russian letters; Kazakh letters as Kazakhstan's passports write them). Names are
 * compared in this form, so "Әлиев Арман" on the list matches "ALIEV ARMAN" in the zone.
 */
const TABLE: Record<string, string> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'E',
  Ё: 'E',
  Ж: 'ZH',
  З: 'Z',
  И: 'I',
  Й: 'I',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TS',
  Ч: 'CH',
  Ш: 'SH',
  Щ: 'SHCH',
  Ъ: 'IE',
  Ы: 'Y',
  Ь: '',
  Э: 'E',
  Ю: 'IU',
  Я: 'IA',
  Ә: 'A',
  Ғ: 'G',
  Қ: 'K',
  Ң: 'N',
  Ө: 'O',
  Ұ: 'U',
  Ү: 'U',
  Һ: 'H',
  І: 'I',
};

/** Upper-case Latin letters and single spaces only. */
export function toMrzLatin(name: string): string {
  const upper = name.toUpperCase().normalize('NFC');
  let out = '';
  for (const c of upper) out += TABLE[c] ?? c;
  return out
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/**
 * Letters that different transliteration schemes write differently (Й as I or Y, Х as KH or H,
 * Ю as IU or YU, Ж as ZH or J…), folded together before names are compared.
 */
export function foldVariants(latin: string): string {
  return latin
    .replace(/KH/g, 'H')
    .replace(/ZH/g, 'J')
    .replace(/TS/g, 'C')
    .replace(/Y/g, 'I')
    .replace(/IU|YU/g, 'U')
    .replace(/IA|YA/g, 'A')
    .replace(/IE/g, 'E');
}

/** Levenshtein distance, for a letter or two misread by OCR. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0;
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length] ?? 0;
}
