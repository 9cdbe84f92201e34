import { describe, expect, it } from 'vitest';
import { composeTd1, composeTd3, mrzCheckDigit } from './mrz-compose.js';
import { cleanMrzLine, findMrzLines, mrzDate, readMrz } from './mrz-read.js';

const TODAY = new Date('2026-12-07T00:00:00Z');
const person = {
  documentNumber: '045612378',
  surname: 'ALIEV',
  givenNames: 'ARMAN',
  birthDate: '040512',
  expiryDate: '340511',
  sex: 'M' as const,
  iin: '040512500320',
};

describe('MRZ check digits', () => {
  it('follow ICAO 9303 (7-3-1 weights)', () => {
    // ICAO 9303 Part 3 specimen: document number L898902C3 has check digit 6, date 740812 has 2.
    expect(mrzCheckDigit('L898902C3')).toBe('6');
    expect(mrzCheckDigit('740812')).toBe('2');
    expect(mrzCheckDigit('120415')).toBe('9');
  });
});

describe('reading a Kazakhstan ID card (TD1)', () => {
  it('reads every field and the IIN from the optional data', () => {
    const lines = composeTd1(person);
    expect(lines.map((l) => l.length)).toEqual([30, 30, 30]);
    const reading = readMrz({ lines }, TODAY);
    expect(reading).toMatchObject({
      format: 'TD1',
      valid: true,
      documentNumber: '045612378',
      surname: 'ALIEV',
      givenNames: 'ARMAN',
      birthDate: '2004-05-12',
      expiryDate: '2034-05-11',
      sex: 'male',
      nationality: 'KAZ',
      iin: '040512500320',
      invalidFields: [],
    });
  });

  it('names the field whose check digit fails', () => {
    const [l1, l2, l3] = composeTd1(person);
    const broken = `${l2.slice(0, 2)}9${l2.slice(3)}`; // birth date changed, its check digit not
    const reading = readMrz({ lines: [l1, broken, l3] }, TODAY);
    expect(reading?.valid).toBe(false);
    expect(reading?.invalidFields).toContain('birthDateCheckDigit');
  });

  it('repairs a document number OCR read with O for 0, when the check digits then hold', () => {
    const [l1, l2, l3] = composeTd1(person);
    const misread = l1.replace('IDKAZ0', 'IDKAZO'); // what the legacy engine read on a rendered card
    const reading = readMrz({ lines: [misread, l2, l3] }, TODAY);
    expect(reading).toMatchObject({ valid: true, documentNumber: '045612378', invalidFields: [] });
    expect(reading?.lines[0]).toBe(l1);
  });

  it('repairs a leading "00" read as "OO", which passes the check digit by coincidence', () => {
    const [l1, l2, l3] = composeTd1({ ...person, documentNumber: '001848340' });
    const reading = readMrz({ lines: [l1.replace('IDKAZ00', 'IDKAZOO'), l2, l3] }, TODAY);
    expect(reading).toMatchObject({ valid: true, documentNumber: '001848340' });
  });

  it('leaves an ambiguous misread as read ("GG" may be 00 or 66: both pass)', () => {
    const [l1, l2, l3] = composeTd1({ ...person, documentNumber: '001848340' });
    const reading = readMrz({ lines: [l1.replace('IDKAZ00', 'IDKAZGG'), l2, l3] }, TODAY);
    expect(reading?.documentNumber).toBe('GG1848340');
    // A single G has one reading that passes.
    const one = composeTd1({ ...person, documentNumber: '061848340' });
    expect(
      readMrz({ lines: [one[0].replace('IDKAZ06', 'IDKAZ0G'), one[1], one[2]] }, TODAY)?.documentNumber,
    ).toBe('061848340');
  });

  it('does not "repair" a digit that is simply wrong', () => {
    const [l1, l2, l3] = composeTd1(person);
    const wrong = l1.replace('IDKAZ0456', 'IDKAZ0457');
    const reading = readMrz({ lines: [wrong, l2, l3] }, TODAY);
    expect(reading?.valid).toBe(false);
    expect(reading?.invalidFields).toContain('documentNumberCheckDigit');
  });

  it('finds the zone in noisy OCR text (spaces, « for <, short lines)', () => {
    const [l1, l2, l3] = composeTd1(person);
    const text = [
      'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ',
      'ЖЕКЕ КУӘЛІК',
      l1.replace(/</g, '«'),
      `${l2.slice(0, 15)} ${l2.slice(15)}`,
      l3.slice(0, 29),
      '',
    ].join('\n');
    const found = findMrzLines(text);
    expect(found?.format).toBe('TD1');
    expect(readMrz(found ?? { lines: [] }, TODAY)?.valid).toBe(true);
  });
});

describe('reading a passport (TD3)', () => {
  it('reads the IIN from the personal number', () => {
    const lines = composeTd3({ ...person, documentNumber: 'N12345678' });
    expect(lines.map((l) => l.length)).toEqual([44, 44]);
    const found = findMrzLines(lines.join('\n'));
    expect(found?.format).toBe('TD3');
    const reading = readMrz(found ?? { lines: [] }, TODAY);
    expect(reading).toMatchObject({ format: 'TD3', valid: true, iin: '040512500320', surname: 'ALIEV' });
  });
});

describe('MRZ dates', () => {
  it('puts birth dates in the past and expiry dates ahead', () => {
    expect(mrzDate('990101', 'birth', TODAY)).toBe('1999-01-01');
    expect(mrzDate('050101', 'birth', TODAY)).toBe('2005-01-01');
    expect(mrzDate('300101', 'expiry', TODAY)).toBe('2030-01-01');
    expect(mrzDate('991301', 'birth', TODAY)).toBeNull();
  });

  it('cleans OCR artefacts', () => {
    expect(cleanMrzLine('id kaz « 12')).toBe('IDKAZ<12');
  });
});
