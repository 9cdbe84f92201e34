import {
  type ImportLineError,
  TICKET_IMPORT_LIMITS as LIMITS,
  PoolTicket,
  type TicketPoolCounts,
} from '@adal/shared';
import { sameTextKey } from '../../banks/import/text.js';
import type { DraftTicket } from './draft.js';

const n = (value: number) => value.toLocaleString('en');

/**
 * Applies the limits, refuses duplicates and empty tickets, and checks each ticket against the
 * shared schema; errors go to `errors`. The tickets come back in number order.
 */
export function finalise(drafts: readonly DraftTicket[], errors: ImportLineError[]): PoolTicket[] {
  const tickets: PoolTicket[] = [];
  const firstLine = new Map<number, number>();
  if (drafts.length > LIMITS.maxTickets) {
    errors.push({
      line: (drafts[LIMITS.maxTickets] as DraftTicket).line,
      message: `more than ${n(LIMITS.maxTickets)} tickets in one file: split it into several pools`,
    });
  }
  for (const draft of drafts) {
    const problems: ImportLineError[] = [];
    const seen = firstLine.get(draft.number);
    if (seen !== undefined)
      problems.push({ line: draft.line, message: `ticket ${draft.number} is already on line ${seen}` });
    else firstLine.set(draft.number, draft.line);
    if (draft.questions.length === 0)
      problems.push({
        line: draft.line,
        message: `ticket ${draft.number} has no questions: write them one per line under its heading`,
      });
    const extra = draft.questions[LIMITS.maxQuestionsPerTicket];
    if (extra)
      problems.push({
        line: extra.line,
        message: `ticket ${draft.number} has ${draft.questions.length} questions; at most ${LIMITS.maxQuestionsPerTicket} are allowed`,
      });
    const texts = new Map<string, number>();
    for (const question of draft.questions) {
      if (question.text.length > LIMITS.maxQuestionChars)
        problems.push({
          line: question.line,
          message: `the question is ${n(question.text.length)} characters long; at most ${n(LIMITS.maxQuestionChars)} are allowed`,
        });
      const key = sameTextKey(question.text);
      const same = texts.get(key);
      if (same !== undefined)
        problems.push({
          line: question.line,
          message: `the same question as on line ${same}, in the same ticket ${draft.number}`,
        });
      else texts.set(key, question.line);
    }
    if (problems.length) {
      errors.push(...problems);
      continue;
    }
    const checked = PoolTicket.safeParse({
      number: draft.number,
      questions: draft.questions.map((q) => q.text),
    });
    if (checked.success) tickets.push(checked.data);
    else
      for (const issue of checked.error.issues)
        errors.push({ line: draft.line, message: `${issue.path.join('.') || 'ticket'}: ${issue.message}` });
  }
  return tickets.sort((a, b) => a.number - b.number);
}

/** How many tickets, and the fewest, most and all questions per ticket. */
export function countTickets(tickets: readonly PoolTicket[]): TicketPoolCounts {
  const sizes = tickets.map((t) => t.questions.length);
  return {
    tickets: tickets.length,
    questions: {
      min: sizes.length ? Math.min(...sizes) : 0,
      max: sizes.length ? Math.max(...sizes) : 0,
      total: sizes.reduce((sum, size) => sum + size, 0),
    },
  };
}
