import type { Difficulty } from '@adal/shared';

/**
 * The words teachers write in files, in English, Russian and Kazakh. Keys are compared in lower
 * case with "ё" read as "е", so "Лёгкий", "легкий" and "ЛЕГКИЙ" are one word.
 */
const DIFFICULTY_WORDS: Record<Difficulty, readonly string[]> = {
  simple: [
    'simple',
    'easy',
    '1',
    'лёгкий',
    'легкая',
    'легкое',
    'простой',
    'простая',
    'простое',
    'жеңіл',
    'оңай',
  ],
  medium: ['medium', 'middle', 'average', '2', 'средний', 'средняя', 'среднее', 'орташа'],
  hard: ['hard', 'difficult', '3', 'сложный', 'сложная', 'сложное', 'трудный', 'трудная', 'қиын', 'күрделі'],
};

const fold = (word: string) => word.normalize('NFC').trim().toLocaleLowerCase().replace(/ё/g, 'е');

const difficultyByWord = new Map<string, Difficulty>(
  (Object.entries(DIFFICULTY_WORDS) as [Difficulty, readonly string[]][]).flatMap(([difficulty, words]) =>
    words.map((word) => [fold(word), difficulty] as const),
  ),
);

/** 'hard', 'Сложный', 'қиын', '3' → 'hard'; anything else → undefined. */
export function difficultyOf(word: string): Difficulty | undefined {
  return difficultyByWord.get(fold(word));
}

export const DIFFICULTY_HINT =
  'use simple, medium or hard (or лёгкий/средний/сложный, жеңіл/орташа/қиын, 1/2/3)';

const TRUE_WORDS = ['true', 't', 'верно', 'правда', 'истина', 'да', 'дұрыс', 'иә', 'ақиқат'].map(fold);
const FALSE_WORDS = ['false', 'f', 'неверно', 'ложь', 'нет', 'бұрыс', 'қате', 'жоқ', 'жалған'].map(fold);

/** 'TRUE', 'верно', 'дұрыс' → 'true'; 'F', 'неверно', 'қате' → 'false'. */
export function truthOf(word: string): 'true' | 'false' | undefined {
  const folded = fold(word);
  if (TRUE_WORDS.includes(folded)) return 'true';
  if (FALSE_WORDS.includes(folded)) return 'false';
  return undefined;
}

/**
 * Option letters A–J. Word and Excel often turn a typed "A" or "C" into the Cyrillic look-alike
 * (А, В, С, Е, Н, І), which no teacher can see, so those count as the Latin letter.
 */
const LOOK_ALIKES: Record<string, string> = { А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I' };

/**
 * 'a', 'C', Cyrillic 'С' → its index (0 for A); undefined for anything that is not a Latin letter.
 * Letters past J are read too, so that an 11th option is reported as one too many.
 */
export function optionIndexOfLetter(letter: string): number | undefined {
  const upper = letter.toLocaleUpperCase();
  const latin = LOOK_ALIKES[upper] ?? upper;
  if (latin.length !== 1 || latin < 'A' || latin > 'Z') return undefined;
  return latin.charCodeAt(0) - 65;
}

export const letterOf = (index: number) => String.fromCharCode(65 + index);

export type DirectiveKey = 'difficulty' | 'topic' | 'discipline';

const DIRECTIVE_KEYS: Record<DirectiveKey, readonly string[]> = {
  difficulty: ['difficulty', 'level', 'сложность', 'уровень', 'қиындық', 'деңгей'],
  topic: ['topic', 'тема', 'тақырып'],
  discipline: ['discipline', 'дисциплина', 'пән'],
};

const directiveByKey = new Map<string, DirectiveKey>(
  (Object.entries(DIRECTIVE_KEYS) as [DirectiveKey, readonly string[]][]).flatMap(([key, words]) =>
    words.map((word) => [fold(word), key] as const),
  ),
);

/**
 * `// difficulty: hard`, `// тема: Нормализация`, `// пән: CS201` → key and value. Other
 * comments (Moodle's `// question: 12 name: …`) are plain comments: undefined.
 */
export function readDirective(commentLine: string): { key: DirectiveKey; value: string } | undefined {
  const match = /^\/\/\s*([\p{L}]+)\s*:(.*)$/u.exec(commentLine.trim());
  if (!match) return undefined;
  const key = directiveByKey.get(fold(match[1] as string));
  return key ? { key, value: (match[2] as string).trim() } : undefined;
}
