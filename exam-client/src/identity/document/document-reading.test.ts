import { DocumentReading } from '@adal/shared';
import { composeTd1, composeTd3 } from '@adal/shared/identity';
import { describe, expect, it } from 'vitest';
import { buildDocumentReading, mergeSides, ownNamePreview } from './document-reading.js';

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

/** What the legacy engine tends to give back: filler as «, a space inside, a lost last character. */
function ocrNoise(lines: string[]): string {
  const [a = '', b = '', c = ''] = lines;
  return ['', a.replace(/<</g, '««'), `${b.slice(0, 12)} ${b.slice(12)}`, c.slice(0, -1), ''].join('\n');
}

const pass = (text: string, confidence = 81.4) => ({ text, confidence });

describe('the reading of a document', () => {
  it('takes a TD1 zone from the MRZ pass, check digits verified', () => {
    const reading = buildDocumentReading({ mrz: pass(ocrNoise(composeTd1(person))), printed: null }, TODAY);
    expect(reading).toEqual({
      source: 'mrz',
      format: 'TD1',
      checkDigitsValid: true,
      invalidFields: [],
      documentNumber: '045612378',
      surname: 'ALIEV',
      givenNames: 'ARMAN',
      iin: '040512500320',
      birthDate: '2004-05-12',
      expiryDate: '2034-05-11',
      ocrConfidence: 81,
    });
    expect(DocumentReading.safeParse(reading).success).toBe(true);
  });

  it('takes a passport zone (TD3) and names the fields whose check digit fails', () => {
    const [l1, l2] = composeTd3({ ...person, documentNumber: 'N12345678' });
    const misread = `${l2.slice(0, 13)}${l2[13] === '8' ? '3' : '8'}${l2.slice(14)}`; // a birth-date digit
    const reading = buildDocumentReading({ mrz: pass([l1, misread].join('\n')), printed: null }, TODAY);
    expect(reading.source).toBe('mrz');
    expect(reading.format).toBe('TD3');
    expect(reading.checkDigitsValid).toBe(false);
    expect(reading.invalidFields).toContain('birthDateCheckDigit');
  });

  it('prefers a zone whose check digits hold, even when the printed pass found it', () => {
    const lines = composeTd1(person);
    const broken = [lines[0], `${lines[1]?.slice(0, 2)}9${lines[1]?.slice(3)}`, lines[2]].join('\n');
    const reading = buildDocumentReading(
      { mrz: pass(broken, 60), printed: pass(`ЖЕКЕ КУӘЛІК\n${lines.join('\n')}`, 90) },
      TODAY,
    );
    expect(reading.checkDigitsValid).toBe(true);
    expect(reading.ocrConfidence).toBe(90);
  });

  it('falls back to the printed fields, and fills the IIN from them when the zone has none', () => {
    const printedText = ['ТЕГІ / ФАМИЛИЯ', 'ӘЛИЕВ', 'АТЫ / ИМЯ АРМАН', 'ЖСН / ИИН 040512500320'].join('\n');
    const printedOnly = buildDocumentReading({ mrz: pass('K<<1'), printed: pass(printedText, 72.6) }, TODAY);
    expect(printedOnly).toMatchObject({
      source: 'printed',
      format: null,
      checkDigitsValid: false,
      surname: 'ӘЛИЕВ',
      givenNames: 'АРМАН',
      iin: '040512500320',
      ocrConfidence: 73,
    });

    const noIin = composeTd3({ ...person, iin: '' });
    const withPrinted = buildDocumentReading(
      { mrz: pass(noIin.join('\n')), printed: pass(printedText) },
      TODAY,
    );
    expect(withPrinted.source).toBe('mrz');
    expect(withPrinted.iin).toBe('040512500320');
  });

  it('reads nothing from a photo without text', () => {
    const reading = buildDocumentReading({ mrz: pass('', 0), printed: pass('~~ ..', 12) }, TODAY);
    expect(reading).toMatchObject({ source: 'none', surname: null, iin: null, ocrConfidence: 0 });
    expect(DocumentReading.safeParse(reading).success).toBe(true);
  });

  it("joins an ID card's front (printed name, IIN) and back (the zone)", () => {
    const front = { mrz: null, printed: pass('ТЕГІ / SURNAME\nӘЛИЕВ\nЖСН / IIN 040512500320', 70) };
    const back = { mrz: pass(composeTd1(person).join('\n'), 90), printed: pass('noise', 50) };
    const merged = mergeSides([front, back]);
    expect(merged.printed?.confidence).toBe(60);
    expect(buildDocumentReading(merged, TODAY)).toMatchObject({ source: 'mrz', checkDigitsValid: true });
  });
});

describe("the device's preview against the student's name", () => {
  const reading = buildDocumentReading({ mrz: pass(composeTd1(person).join('\n')), printed: null }, TODAY);

  it('compares the name and the expiry, and leaves the IIN to the server', () => {
    expect(ownNamePreview(reading, 'Әлиев Арман Серікұлы', '2026-12-07')).toEqual(['name_matches']);
    expect(ownNamePreview(reading, 'Бекова Дана', '2026-12-07')).toEqual(['name_differs']);
    expect(ownNamePreview(reading, 'Әлиев Арман', '2035-01-01')).toEqual([
      'name_matches',
      'document_expired',
    ]);
  });
});
