import { type ImportLineError, TICKET_IMPORT_LIMITS, type TicketFileEncoding } from '@adal/shared';

export type Decoded =
  | { ok: true; text: string; encoding: TicketFileEncoding }
  | { ok: false; errors: ImportLineError[] };

/** Files that are not text at all, by their first bytes: what a teacher uploads by mistake. */
const NOT_TEXT: { magic: number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a Word or Excel file (.docx, .xlsx)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Word or Excel file (.doc, .xls)' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF file' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF file' },
];
const SAVE_AS = 'save it as plain text (.txt) or as CSV, preferably UTF-8';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** 1-based line of a byte offset: line breaks are 0x0A in UTF-8 and Windows-1251 alike. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const lineOfChar = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Well-formed UTF-8 multi-byte sequences, and the offset of the first byte that breaks UTF-8. */
function utf8Shape(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (length === 1) i++;
    else if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}

/**
 * Windows-1251 has no ә ғ қ ң ө ұ ү һ: Excel saving Kazakh text as "CSV (comma delimited)" writes
 * "?" for them, and "Қазақстан" arrives as "?аза?стан". A "?" right before a Cyrillic letter is
 * that loss (in prose a question mark is followed by a space or the end of the line).
 */
function lostKazakhLetters(text: string): ImportLineError[] {
  const errors: ImportLineError[] = [];
  text.split('\n').forEach((line, i) => {
    if (/\?[\u0400-\u04FF]/u.test(line))
      errors.push({
        line: i + 1,
        message:
          'a "?" stands where a letter should be: the file was saved in Windows-1251, which has no Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ). Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again',
      });
  });
  return errors;
}

/**
 * Reads a teacher's file from its bytes. UTF-8 (with or without a byte-order mark) and UTF-16
 * with a byte-order mark (Excel's "Unicode text") are read as such; anything else that is not
 * UTF-8 is read as Windows-1251, what Notepad and Excel save in a Russian locale. A file that is
 * broken UTF-8 rather than Windows-1251 (mostly well-formed sequences) is refused at its first
 * bad byte instead of being read as nonsense.
 */
export function decodeTicketFile(bytes: Uint8Array): Decoded {
  const refuse = (line: number, message: string): Decoded => ({ ok: false, errors: [{ line, message }] });
  if (bytes.length === 0) return refuse(1, 'the file is empty');
  if (bytes.length > TICKET_IMPORT_LIMITS.maxFileBytes)
    return refuse(1, 'the file is larger than 2 MB: split it into several pools');
  const office = NOT_TEXT.find(({ magic }) => startsWith(bytes, magic));
  if (office) return refuse(1, `this is ${office.what}, not text: ${SAVE_AS}`);

  let decoded: { text: string; encoding: TicketFileEncoding };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      decoded = { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: 'utf-16' };
    } catch {
      return refuse(1, `the file starts as UTF-16 text but is damaged: ${SAVE_AS}`);
    }
  } else {
    const shape = utf8Shape(bytes);
    if (shape.invalid === 0) {
      decoded = { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    } else if (shape.valid > shape.invalid || startsWith(bytes, [0xef, 0xbb, 0xbf])) {
      return refuse(
        lineOfByte(bytes, shape.firstInvalid),
        'the file is UTF-8 text with damaged characters on this line: save it again as UTF-8',
      );
    } else {
      decoded = { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
    }
  }
  // The decoder drops a byte-order mark; line breaks are read as written (CRLF is fine).
  const nul = decoded.text.indexOf('\u0000');
  if (nul >= 0) return refuse(lineOfChar(decoded.text, nul), `this is not a text file: ${SAVE_AS}`);
  // Overlong forms and surrogates pass the shape check but decode to U+FFFD: damaged too.
  const replaced = decoded.encoding === 'utf-8' ? decoded.text.indexOf('\uFFFD') : -1;
  if (replaced >= 0)
    return refuse(
      lineOfChar(decoded.text, replaced),
      'the file is UTF-8 text with damaged characters on this line: save it again as UTF-8',
    );
  if (decoded.encoding === 'windows-1251') {
    const lost = lostKazakhLetters(decoded.text.replace(/\r\n?/g, '\n'));
    if (lost.length) return { ok: false, errors: lost };
  }
  return { ok: true, ...decoded };
}
