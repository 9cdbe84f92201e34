/**
 * Builds machine readable zones (ICAO 9303) with correct check digits. Reading uses the `mrz`
 * library; this side exists for the synthetic ID cards of our tests and the accuracy harness.
 */

const charValue = (c: string): number => {
  if (c === '<') return 0;
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  throw new Error(`not an MRZ character: ${c}`);
};

/** ICAO 9303 check digit: weights 7, 3, 1 repeating, sum mod 10. */
export function mrzCheckDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (const [i, c] of [...field].entries()) sum += charValue(c) * (weights[i % 3] ?? 1);
  return String(sum % 10);
}

const pad = (value: string, length: number) => {
  if (value.length > length) throw new Error(`MRZ field too long: ${value}`);
  return value.padEnd(length, '<');
};

/** "Ivanov Ivan" parts as an MRZ name field: SURNAME<<GIVEN<NAMES, cut to the length. */
export const mrzName = (surname: string, givenNames: string, length: number) =>
  pad(`${surname}<<${givenNames.replace(/\s+/g, '<')}`.slice(0, length), length);

export interface MrzPerson {
  documentNumber: string;
  surname: string;
  givenNames: string;
  /** YYMMDD */
  birthDate: string;
  /** YYMMDD */
  expiryDate: string;
  sex: 'M' | 'F' | '<';
  iin: string;
  nationality?: string;
}

/** A Kazakhstan ID card's three lines of 30: the IIN sits in the first optional data field. */
export function composeTd1(p: MrzPerson): [string, string, string] {
  const state = p.nationality ?? 'KAZ';
  const doc = pad(p.documentNumber, 9);
  const optional1 = pad(p.iin, 15);
  const line1 = `ID${state}${doc}${mrzCheckDigit(doc)}${optional1}`;
  const birth = `${p.birthDate}${mrzCheckDigit(p.birthDate)}`;
  const expiry = `${p.expiryDate}${mrzCheckDigit(p.expiryDate)}`;
  const optional2 = pad('', 11);
  const composite = mrzCheckDigit(`${line1.slice(5, 30)}${birth}${expiry}${optional2}`);
  const line2 = `${birth}${p.sex}${expiry}${state}${optional2}${composite}`;
  return [line1, line2, mrzName(p.surname, p.givenNames, 30)];
}

/** A passport's two lines of 44: the IIN is the personal number. */
export function composeTd3(p: MrzPerson): [string, string] {
  const state = p.nationality ?? 'KAZ';
  const line1 = `P<${state}${mrzName(p.surname, p.givenNames, 39)}`;
  const doc = pad(p.documentNumber, 9);
  const personal = pad(p.iin, 14);
  const birth = `${p.birthDate}${mrzCheckDigit(p.birthDate)}`;
  const expiry = `${p.expiryDate}${mrzCheckDigit(p.expiryDate)}`;
  const docPart = `${doc}${mrzCheckDigit(doc)}`;
  const personalPart = `${personal}${mrzCheckDigit(personal)}`;
  const composite = mrzCheckDigit(`${docPart}${birth}${expiry}${personalPart}`);
  return [line1, `${docPart}${state}${birth}${p.sex}${expiry}${personalPart}${composite}`];
}
