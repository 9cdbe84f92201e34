import type { DraftTicket, FormatOutput } from './draft.js';
import { isHeadingWithText, readHeading, stripNumbering } from './headings.js';

const START_WITH_HEADING =
  'text before the first ticket heading: start each ticket with a line such as "Билет № 1", "1-билет" or "Ticket 1"';

/**
 * The text format (README.md): a heading line per ticket, then its questions one per line,
 * optionally numbered "1." or "2)". Blank lines are only spacing; `//` lines are comments.
 */
export function parseTicketText(source: string): FormatOutput {
  const out: FormatOutput = { tickets: [], errors: [] };
  let current: DraftTicket | undefined;
  /** After a heading with a bad number its questions are skipped: one error is enough. */
  let skipping = false;
  let orphanReported = false;
  source.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text || text.startsWith('//')) return;
    const heading = readHeading(text);
    if (heading) {
      if (heading.ok) {
        current = { number: heading.number, line, questions: [] };
        out.tickets.push(current);
        skipping = false;
      } else {
        out.errors.push({ line, message: heading.message });
        current = undefined;
        skipping = true;
      }
      return;
    }
    if (isHeadingWithText(text)) {
      out.errors.push({
        line,
        message:
          'a ticket heading with more text after its number: write the heading alone on its line ("Билет № 1") and the questions below it',
      });
      current = undefined;
      skipping = true;
      return;
    }
    if (skipping) return;
    if (!current) {
      // One error for the text before the first heading, not one per line of it.
      if (!orphanReported) out.errors.push({ line, message: START_WITH_HEADING });
      orphanReported = true;
      return;
    }
    const question = stripNumbering(text);
    if (!question.text) {
      out.errors.push({
        line,
        message: `an empty question in ticket ${current.number}: a number with no text`,
      });
      return;
    }
    current.questions.push({ line, text: question.text });
  });
  return out;
}
