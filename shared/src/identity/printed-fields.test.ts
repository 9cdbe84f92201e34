import { describe, expect, it } from 'vitest';
import { findIin, printedDates, readPrintedFields } from './printed-fields.js';

describe('printed fields of an ID card', () => {
  it('finds a valid IIN even with OCR spaces and O for 0', () => {
    expect(findIin('ЖСН/ИИН 0405 1250 0320')).toBe('040512500320');
    expect(findIin('ИИН O40512500320')).toBe('040512500320');
    // 12 digits that fail the check digit are not an IIN.
    expect(findIin('ИИН 040512500321')).toBeNull();
  });

  it('reads surname, name and the document number after their labels (2014 card, Kazakh and Russian)', () => {
    const text = [
      'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ / РЕСПУБЛИКА КАЗАХСТАН',
      'ЖЕКЕ КУӘЛІК / УДОСТОВЕРЕНИЕ ЛИЧНОСТИ № 045612378',
      'ТЕГІ / ФАМИЛИЯ',
      'ӘЛИЕВ',
      'АТЫ / ИМЯ АРМАН',
      'ӘКЕСІНІҢ АТЫ / ОТЧЕСТВО СЕРІКҰЛЫ',
      'ТУҒАН КҮНІ / ДАТА РОЖДЕНИЯ 12.05.2004',
      'ЖСН / ИИН 040512500320',
      'ҚОЛДАНЫЛУ МЕРЗІМІ / СРОК ДЕЙСТВИЯ',
      '12.05.2024 - 11.05.2034',
    ].join('\n');
    expect(readPrintedFields(text)).toEqual({
      iin: '040512500320',
      surname: 'ӘЛИЕВ',
      givenNames: 'АРМАН',
      documentNumber: '045612378',
      birthDate: '2004-05-12',
      expiryDate: '2034-05-11',
    });
  });

  it('reads a 2021 card labelled in Kazakh and English ("SURNAME" is not "NAME")', () => {
    const text = [
      'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ REPUBLIC OF KAZAKHSTAN',
      'ТЕГІ / SURNAME',
      'БЕКОВА',
      'АТЫ / NAME',
      'ДАНА',
      'ӘКЕСІНІҢ АТЫ / PATRONYMIC',
      'МАРАТҚЫЗЫ',
      'ТУҒАН КҮНІ / DATE OF BIRTH',
      '03,11,2005',
      'ЖСН / IIN 051103600173',
      'ҚҰЖАТТЫҢ НӨМІРІ / DOCUMENT NUMBER 051234567',
      'ҚОЛДАНЫЛУ МЕРЗІМІ / DATE OF EXPIRY 02.11.2031',
    ].join('\n');
    const fields = readPrintedFields(text);
    expect(fields).toMatchObject({
      iin: '051103600173',
      surname: 'БЕКОВА',
      givenNames: 'ДАНА',
      documentNumber: '051234567',
      birthDate: '2005-11-03',
      expiryDate: '2031-11-02',
    });
  });

  it('reads what tesseract (kaz+eng) gave for a rendered 2021 card: NAME as МАМЕ, IIN as IN', () => {
    const ocr = [
      'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ REPUBLIC OF KAZAK',
      'ЖЕКЕ КУӘЛІК / IDENTITY CARD',
      'ТЕГІ / SURNAME',
      'ӘЛИЕВ',
      'АТЫ / МАМЕ',
      'АРМАН',
      'ӘКЕСІНІҢ АТЫ / PATRONYMIC',
      'СЕРІКҰЛЫ',
      'ТУҒАН КҮНІ / DATE OF BIRTH',
      '12.05.2004',
      'ЖСН / IN 040512500320',
    ].join('\n');
    expect(readPrintedFields(ocr)).toMatchObject({
      iin: '040512500320',
      surname: 'ӘЛИЕВ',
      givenNames: 'АРМАН',
      birthDate: '2004-05-12',
    });
  });

  it("leaves a field unread rather than take the next label's value", () => {
    expect(readPrintedFields('ТЕГІ / SURNAME\nАТЫ / NAME\nАРМАН').surname).toBeNull();
  });

  it('keeps only real days', () => {
    expect(printedDates('31.02.2004 и 29.02.2004')).toEqual(['2004-02-29']);
  });
});
