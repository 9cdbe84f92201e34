import { TICKET_IMPORT_LIMITS } from '@adal/shared';

/**
 * How teachers head a ticket in Kazakh, Russian and English (README.md): "Билет № 1",
 * "Экзаменационный билет №1", "Емтихан билеті № 1", "1-билет", "1 билет", "Ticket 1",
 * "Ticket No. 1", "Exam ticket #1". Letter case does not matter.
 */

/** A number as a teacher might write it, right or wrong: "12", "0", "-3", "2.5", "1,5". */
const NUMBER = String.raw`([-+\u2212]?\d+(?:[.,]\d+)?)`;
const NO_MARK = String.raw`(?:№|#|no\.?|nr\.?|n)`;
const TICKET_WORD = String.raw`(?:(?:экзаменационный|емтихан|exam|examination)\s+)?(?:билеті|билет|ticket)`;

/** "Билет № 1", "Ticket No. 1": the word first; the number may be missing (an error, not a question). */
const WORD_FIRST = new RegExp(String.raw`^${TICKET_WORD}(?:\s*${NO_MARK})?(?:\s*${NUMBER})?\s*[.:)]?$`, 'iu');
/** "1-билет", "№1 билет", "1-ші билет": the Kazakh order, the number first. */
const NUMBER_FIRST = new RegExp(
  String.raw`^(?:№\s*)?${NUMBER}\s*(?:-?\s*(?:ші|шы|ое|й))?\s*-?\s*(?:емтихан\s+)?(?:билеті|билет)\s*[.:]?$`,
  'iu',
);
/** "Билет № 1. Основы SQL": a heading with more text on its line. */
const HEADING_AND_TEXT = new RegExp(
  String.raw`^${TICKET_WORD}\s*${NO_MARK}?\s*\d+\s*[.:)\u2013\u2014-]?\s+\S`,
  'iu',
);

export type TicketNumber = { ok: true; number: number } | { ok: false; message: string };

const RANGE = `a whole number from 1 to ${TICKET_IMPORT_LIMITS.maxTicketNumber.toLocaleString('en')}`;

/** A ticket number from a heading or a CSV cell: a positive whole number within the limit. */
export function ticketNumberOf(written: string | undefined): TicketNumber {
  const value = (written ?? '').trim();
  if (!value) return { ok: false, message: `the ticket has no number: write ${RANGE}` };
  if (!/^\d+$/.test(value))
    return { ok: false, message: `ticket number "${value}" is not a positive whole number: write ${RANGE}` };
  const number = Number(value);
  if (number < 1 || number > TICKET_IMPORT_LIMITS.maxTicketNumber)
    return { ok: false, message: `ticket number ${value}: write ${RANGE}` };
  return { ok: true, number };
}

/** The ticket number a heading line gives (or why it gives none); undefined: not a heading. */
export function readHeading(line: string): TicketNumber | undefined {
  const text = line.trim();
  const match = WORD_FIRST.exec(text) ?? NUMBER_FIRST.exec(text);
  if (!match) return undefined;
  return ticketNumberOf(match[1]?.replace('\u2212', '-'));
}

/** A heading followed by other text on the same line, which would otherwise read as a question. */
export const isHeadingWithText = (line: string): boolean => HEADING_AND_TEXT.test(line.trim());

/**
 * A question without the teacher's numbering: "1. Text", "2) Text", "3 . Text". "1.5 kg of…"
 * keeps its number (a digit right after the dot is part of the text).
 */
export function stripNumbering(line: string): { text: string; numbered: boolean } {
  const match = /^\d{1,2}\s*[.)](?!\d)\s*/u.exec(line);
  return match
    ? { text: line.slice(match[0].length).trim(), numbered: true }
    : { text: line.trim(), numbered: false };
}
