import { describe, expect, it } from 'vitest';
import { findIin, readPrintedFields } from './printed-fields.js';

describe('printed fields of an ID card', () => {
  it('finds a valid IIN even with OCR spaces and O for 0', () => {
    expect(findIin('ЖСН/ИИН 0405 1250 0320')).toBe('040512500320');
    expect(findIin('ИИН O40512500320')).toBe('040512500320');
    // 12 digits that fail the check digit are not an IIN.
    expect(findIin('ИИН 040512500321')).toBeNull();
  });

  it('reads surname, name and the document number after their labels', () => {
    const text = [
      'ҚАЗАҚСТАН РЕСПУБЛИКАСЫ / РЕСПУБЛИКА КАЗАХСТАН',
      'ЖЕКЕ КУӘЛІК / УДОСТОВЕРЕНИЕ ЛИЧНОСТИ № 045612378',
      'ТЕГІ / ФАМИЛИЯ',
      'ӘЛИЕВ',
      'АТЫ / ИМЯ АРМАН',
      'ЖСН / ИИН 040512500320',
    ].join('\n');
    expect(readPrintedFields(text)).toEqual({
      iin: '040512500320',
      surname: 'ӘЛИЕВ',
      givenNames: 'АРМАН',
      documentNumber: '045612378',
    });
  });
});
