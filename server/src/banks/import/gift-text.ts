import { htmlToText, tidy, UnsupportedHtml } from './text.js';

/** A problem in one GIFT question, at a character offset of the question's text. */
export class GiftSyntaxError extends Error {
  override name = 'GiftSyntaxError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Index of the first `token` at or after `from` that no backslash escapes; -1 if none. */
export function findUnescaped(text: string, token: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(token, i)) return i;
  }
  return -1;
}

const ESCAPED: Record<string, string> = {
  ':': ':',
  '#': '#',
  '=': '=',
  '~': '~',
  '{': '{',
  '}': '}',
  '\\': '\\',
  n: '\n',
};

/** `\:` `\#` `\=` `\~` `\{` `\}` `\\` give the character itself, `\n` a line break; other backslashes stay. */
export function unescapeGift(text: string): string {
  return text.replace(/\\(.)/gs, (whole, char: string) => ESCAPED[char] ?? whole);
}

export type GiftFormat = 'moodle' | 'html' | 'markdown' | 'plain';

/** Splits a leading `[html]`, `[markdown]`, `[plain]` or `[moodle]` marker off a text. */
export function readFormat(
  raw: string,
  inherited: GiftFormat,
): { format: GiftFormat; text: string; skipped: number } {
  const match = /^\s*\[(moodle|html|markdown|plain)\]/i.exec(raw);
  if (!match) return { format: inherited, text: raw, skipped: 0 };
  return {
    format: (match[1] as string).toLowerCase() as GiftFormat,
    text: raw.slice(match[0].length),
    skipped: match[0].length,
  };
}

/**
 * The plain text of a GIFT text in its format. HTML loses its markup (images are refused);
 * Markdown and Moodle's auto-format are kept as written, being readable as they are.
 */
export function giftText(raw: string, format: GiftFormat, offset: number): string {
  const text = unescapeGift(raw);
  if (format !== 'html') return tidy(text);
  try {
    return htmlToText(text);
  } catch (error) {
    if (error instanceof UnsupportedHtml) throw new GiftSyntaxError(error.message, offset);
    throw error;
  }
}
