import { parse } from 'mrz';
import { isValidIin } from '../domain/iin.js';

/** What the machine readable zone of a Kazakhstan ID card (TD1) or passport (TD3) says. */
export interface MrzReading {
  format: 'TD1' | 'TD3';
  /** Every check digit holds. */
  valid: boolean;
  documentNumber: string | null;
  surname: string | null;
  givenNames: string | null;
  /** ISO dates (yyyy-mm-dd); the century is inferred. */
  birthDate: string | null;
  expiryDate: string | null;
  sex: 'male' | 'female' | null;
  nationality: string | null;
  /** The IIN from the optional data (ID card) or personal number (passport), when it is one. */
  iin: string | null;
  lines: string[];
  /** Fields whose check digit or format failed, e.g. "birthDateCheckDigit". */
  invalidFields: string[];
}

const LENGTH = { TD1: 30, TD3: 44 } as const;

/** OCR tends to read the filler as «, K or spaces; MRZ text has only A–Z, 0–9 and <. */
export function cleanMrzLine(line: string): string {
  return line
    .toUpperCase()
    .replace(/[«‹]/g, '<')
    .replace(/\s+/g, '')
    .replace(/[^A-Z0-9<]/g, '');
}

/**
 * Finds the zone in OCR text: three consecutive lines of 30 (ID card) or two of 44 (passport),
 * allowing a character or two lost or doubled at the end of a line.
 */
export function findMrzLines(text: string): { format: 'TD1' | 'TD3'; lines: string[] } | null {
  const lines = text
    .split(/\r?\n/)
    .map(cleanMrzLine)
    .filter((l) => l.length >= 25 && l.includes('<'));
  const fit = (l: string, n: number) =>
    l.length >= n - 2 && l.length <= n + 2 ? l.slice(0, n).padEnd(n, '<') : null;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = fit(lines[i] ?? '', LENGTH.TD3);
    const b = fit(lines[i + 1] ?? '', LENGTH.TD3);
    if (a && b && a.startsWith('P')) return { format: 'TD3', lines: [a, b] };
  }
  for (let i = 0; i + 2 < lines.length; i++) {
    const trio = [lines[i], lines[i + 1], lines[i + 2]].map((l) => fit(l ?? '', LENGTH.TD1));
    if (trio.every((l): l is string => l !== null) && /^[IAC]/.test(trio[0] ?? ''))
      return { format: 'TD1', lines: trio as string[] };
  }
  return null;
}

/** YYMMDD as an ISO date: birth dates are in the past, expiry dates within the next 50 years. */
export function mrzDate(
  yymmdd: string | null | undefined,
  kind: 'birth' | 'expiry',
  today = new Date(),
): string | null {
  if (!yymmdd || !/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const nowYy = today.getUTCFullYear() % 100;
  const century = kind === 'birth' ? (yy > nowYy ? 1900 : 2000) : yy >= nowYy - 50 ? 2000 : 2100;
  const year = century + yy;
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const firstIin = (...candidates: (string | null | undefined)[]) => {
  for (const c of candidates) {
    const digits = (c ?? '').replace(/</g, '').slice(0, 12);
    if (isValidIin(digits)) return digits;
  }
  return null;
};

type MrzResult = ReturnType<typeof parse>;

const parseLines = (lines: string[]): MrzResult | null => {
  try {
    return parse(lines, { autocorrect: true });
  } catch {
    return null;
  }
};

/**
 * Letters OCR reads for digits (the legacy engine read a monospace 0 as O on a rendered card).
 * The `mrz` library corrects fields that are only digits; a document number may hold letters.
 */
const DIGIT_FOR: Record<string, readonly string[]> = {
  O: ['0'],
  D: ['0'],
  Q: ['0'],
  I: ['1'],
  L: ['1'],
  Z: ['2'],
  S: ['5'],
  // OCR-B's 0 came back as G on rendered cards; G is also the classic misread of 6.
  G: ['6', '0'],
  B: ['8'],
};

/** Where the document number is: TD1 line 1 from column 6, TD3 line 2 from column 1 (9 characters). */
const DOCUMENT_NUMBER_AT = { TD1: { line: 0, start: 5 }, TD3: { line: 1, start: 0 } } as const;

const checkHolds = (result: MrzResult, field: string) =>
  result.details.some((d) => d.field === field && d.valid);

/**
 * Kazakhstan's document numbers are 9 digits on the ID card and a letter and 8 digits in the
 * passport. When a Kazakh document's number holds letters where digits belong, they are read as
 * the digits they resemble, and the result is kept only if the check digit then holds. This is
 * done even when the letters pass the check: "OO" and "00" (or "GG") weigh the same mod 10 at
 * weights 7 and 3, so a misread leading "00" is otherwise taken as valid. A digit that is simply
 * wrong stays wrong (nothing to resemble).
 */
function repairDocumentNumber(
  lines: string[],
  result: MrzResult,
): { lines: string[]; result: MrzResult } | null {
  if (result.format !== 'TD1' && result.format !== 'TD3') return null;
  if (lines[0]?.slice(2, 5) !== 'KAZ') return null;
  const { line, start } = DOCUMENT_NUMBER_AT[result.format];
  const text = lines[line] ?? '';
  const number = text.slice(start, start + 9);
  const keep = result.format === 'TD3' ? 1 : 0;
  // Every reading of the lookalike letters; more than one passing the check is a guess, not a repair.
  let readings = [number.slice(0, keep)];
  for (const c of number.slice(keep))
    readings = readings.flatMap((r) => (DIGIT_FOR[c] ?? [c]).map((d) => r + d));
  const holding = readings
    .filter((digits) => digits !== number)
    .map((digits) =>
      lines.map((l, n) => (n === line ? `${text.slice(0, start)}${digits}${text.slice(start + 9)}` : l)),
    )
    .map((candidate) => ({ lines: candidate, result: parseLines(candidate) }))
    .filter(
      (c): c is { lines: string[]; result: MrzResult } =>
        c.result !== null && checkHolds(c.result, 'documentNumberCheckDigit'),
    );
  return holding.length === 1 ? (holding[0] ?? null) : null;
}

/** Parses and checks the zone (check digits by the `mrz` library); null when it is no TD1/TD3. */
export function readMrz(found: { lines: string[] }, today = new Date()): MrzReading | null {
  const first = parseLines(found.lines);
  if (!first) return null;
  const repaired = repairDocumentNumber(found.lines, first);
  const result = repaired?.result ?? first;
  const lines = repaired?.lines ?? found.lines;
  if (result.format !== 'TD1' && result.format !== 'TD3') return null;
  const f = result.fields as Record<string, string | null | undefined>;
  const sex = f.sex === 'male' || f.sex === 'female' ? f.sex : null;
  return {
    format: result.format,
    valid: result.valid,
    documentNumber: f.documentNumber ?? null,
    surname: f.lastName ?? null,
    givenNames: f.firstName ?? null,
    birthDate: mrzDate(f.birthDate, 'birth', today),
    expiryDate: mrzDate(f.expirationDate, 'expiry', today),
    sex,
    nationality: f.nationality ?? null,
    iin: firstIin(f.optional1, f.personalNumber, f.optional2),
    lines,
    invalidFields: result.details.filter((d) => !d.valid).map((d) => d.field as string),
  };
}
