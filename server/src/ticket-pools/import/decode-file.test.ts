import { TICKET_IMPORT_LIMITS } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { decodeTicketFile } from './decode-file.js';
import { utf8 } from './test-helpers.js';

const bytes = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));

describe('reading a file’s bytes', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeTicketFile(utf8('Билет 1\nСұрақ?'))).toEqual({
      ok: true,
      text: 'Билет 1\nСұрақ?',
      encoding: 'utf-8',
    });
    expect(decodeTicketFile(bytes([0xef, 0xbb, 0xbf], utf8('Билет 1')))).toEqual({
      ok: true,
      text: 'Билет 1',
      encoding: 'utf-8',
    });
  });

  it('reads Windows-1251 (Notepad or Excel in a Russian locale)', () => {
    // "Билет № 1" in Windows-1251.
    const decoded = decodeTicketFile(bytes([0xc1, 0xe8, 0xeb, 0xe5, 0xf2, 0x20, 0xb9, 0x20, 0x31]));
    expect(decoded).toEqual({ ok: true, text: 'Билет № 1', encoding: 'windows-1251' });
  });

  it('reads UTF-16 with a byte-order mark, either byte order', () => {
    expect(decodeTicketFile(bytes([0xff, 0xfe, 0x31, 0x00, 0x9a, 0x04]))).toMatchObject({
      ok: true,
      text: '1Қ',
      encoding: 'utf-16',
    });
    expect(decodeTicketFile(bytes([0xfe, 0xff, 0x00, 0x31, 0x04, 0x9a]))).toMatchObject({
      ok: true,
      text: '1Қ',
    });
  });

  it('refuses UTF-8 damaged on a line, at that line, instead of reading it as Windows-1251', () => {
    const damaged = bytes(utf8('Билет № 1\nСұрақ бір?\nСұр'), [0xd0], utf8('\nСұрақ үш?'));
    expect(decodeTicketFile(damaged)).toEqual({
      ok: false,
      errors: [
        {
          line: 3,
          message: 'the file is UTF-8 text with damaged characters on this line: save it again as UTF-8',
        },
      ],
    });
  });

  it('refuses an encoded surrogate (well-formed in shape, not UTF-8), at its line', () => {
    expect(decodeTicketFile(bytes(utf8('Билет 1\n'), [0xed, 0xa0, 0x80]))).toMatchObject({
      ok: false,
      errors: [{ line: 2 }],
    });
  });

  it.each([
    [
      'a .docx or .xlsx',
      [0x50, 0x4b, 0x03, 0x04, 0x14],
      'this is a Word or Excel file (.docx, .xlsx), not text',
    ],
    [
      'a .doc or .xls',
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      'this is an old Word or Excel file (.doc, .xls)',
    ],
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d], 'this is a PDF file'],
    ['an RTF', [...utf8('{\\rtf1\\ansi')], 'this is an RTF file'],
  ])('refuses %s by its content', (_, head, message) => {
    const decoded = decodeTicketFile(bytes(head, utf8('Билет 1')));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.errors[0]?.message).toContain(message);
  });

  it('refuses binary content at the line of its first NUL, an empty file and one over 2 MB', () => {
    expect(decodeTicketFile(bytes(utf8('Билет 1\nQ?\n'), [0x00, 0x01]))).toMatchObject({
      ok: false,
      errors: [{ line: 3 }],
    });
    expect(decodeTicketFile(new Uint8Array())).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'the file is empty' }],
    });
    const large = new Uint8Array(TICKET_IMPORT_LIMITS.maxFileBytes + 1).fill(0x41);
    expect(decodeTicketFile(large)).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'the file is larger than 2 MB: split it into several pools' }],
    });
    expect(decodeTicketFile(large.subarray(1)).ok).toBe(true);
  });
});
