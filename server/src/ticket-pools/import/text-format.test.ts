import { TICKET_IMPORT_LIMITS } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { parseTicketPool, parseTicketSource } from './parse-pool.js';
import { accepted, exampleBytes, rejectedLines, rejections, utf8 } from './test-helpers.js';

const text = (source: string) => parseTicketSource(source, 'utf-8', 'text');

describe('text format', () => {
  it('reads the example: Kazakh, Russian and English headings, numbered and bare questions', () => {
    const result = accepted(parseTicketPool(exampleBytes('tickets.txt')));
    expect(result).toMatchObject({ format: 'text', encoding: 'utf-8' });
    expect(result.counts).toEqual({ tickets: 5, questions: { min: 3, max: 3, total: 15 } });
    expect(result.tickets.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    expect(result.tickets[0]?.questions).toEqual([
      'Жылдам сұрыптау (quicksort) алгоритмін түсіндіріңіз және оның орташа күрделілігін бағалаңыз.',
      'Хэш-кестедегі коллизияларды шешу тәсілдерін салыстырыңыз.',
      'Берілген графта ені бойынша іздеуді (BFS) орындаңыз.',
    ]);
    expect(result.tickets[1]?.questions[0]).toBe(
      'Объясните алгоритм Дейкстры и докажите его корректность для неотрицательных весов.',
    );
    expect(result.tickets[4]?.questions[2]).toBe(
      'Кірістірумен сұрыптаудың ең нашар жағдайдағы күрделілігі қандай?',
    );
  });

  it('reads Windows line breaks and a byte-order mark, and counts lines as the file has them', () => {
    const crlf =
      '\uFEFFБилет № 1\r\n1. Стек дегеніміз не?\r\n\r\n2-билет\r\nЧто такое очередь?\r\nWhat is a deque?\r\n';
    const result = accepted(parseTicketPool(utf8(crlf)));
    expect(result.tickets).toEqual([
      { number: 1, questions: ['Стек дегеніміз не?'] },
      { number: 2, questions: ['Что такое очередь?', 'What is a deque?'] },
    ]);
    expect(result.counts.questions).toEqual({ min: 1, max: 2, total: 3 });
    expect(rejections(parseTicketPool(utf8('\uFEFFБилет 1\r\nQ?\r\n\r\nБилет 1\r\nR?\r\n')))).toEqual([
      '4: ticket 1 is already on line 1',
    ]);
  });

  it('keeps the tickets in number order whatever the file’s order, and needs no blank lines', () => {
    const result = accepted(text('Ticket 3\nC?\nTicket 1\nA?\n// a comment\nTicket 2\nB?'));
    expect(result.tickets.map((t) => [t.number, t.questions[0]])).toEqual([
      [1, 'A?'],
      [2, 'B?'],
      [3, 'C?'],
    ]);
  });

  it('refuses the broken example, each problem on its line', () => {
    expect(rejections(parseTicketPool(exampleBytes('broken/broken.txt')))).toEqual([
      '1: text before the first ticket heading: start each ticket with a line such as "Билет № 1", "1-билет" or "Ticket 1"',
      '6: ticket number 0: write a whole number from 1 to 9,999',
      '9: ticket 2 has no questions: write them one per line under its heading',
      '10: an empty question in ticket 2: a number with no text',
      '12: ticket 1 is already on line 2',
      '17: the same question as on line 16, in the same ticket 3',
      '19: ticket 4 has no questions: write them one per line under its heading',
      '21: ticket number "2.5" is not a positive whole number: write a whole number from 1 to 9,999',
      '22: a ticket heading with more text after its number: write the heading alone on its line ("Билет № 1") and the questions below it',
    ]);
  });

  it('refuses a file with no tickets', () => {
    expect(rejections(text('// only a comment\n\n'))).toEqual([
      '1: the file has no tickets: start each with a line such as "Билет № 1"',
    ]);
  });

  it('refuses more tickets than the limit at the first ticket too many', () => {
    const max = TICKET_IMPORT_LIMITS.maxTickets;
    const source = Array.from({ length: max + 1 }, (_, i) => `Билет ${i + 1}\nСұрақ ${i + 1}?`).join('\n');
    expect(rejections(text(source))).toEqual([
      `${2 * max + 1}: more than ${max} tickets in one file: split it into several pools`,
    ]);
    expect(
      accepted(
        text(
          source
            .split('\n')
            .slice(0, 2 * max)
            .join('\n'),
        ),
      ).counts.tickets,
    ).toBe(max);
  });

  it('refuses more questions per ticket than the limit, and a question too long', () => {
    const max = TICKET_IMPORT_LIMITS.maxQuestionsPerTicket;
    const questions = Array.from({ length: max + 1 }, (_, i) => `${i + 1}. Question ${i + 1}?`);
    expect(rejections(text(['Ticket 1', ...questions].join('\n')))).toEqual([
      `${max + 2}: ticket 1 has ${max + 1} questions; at most ${max} are allowed`,
    ]);
    const long = 'ә'.repeat(TICKET_IMPORT_LIMITS.maxQuestionChars + 1);
    expect(rejections(text(`Ticket 1\nShort?\n${long}`))).toEqual([
      '3: the question is 2,001 characters long; at most 2,000 are allowed',
    ]);
    expect(accepted(text(`Ticket 1\n${long.slice(1)}`)).counts.questions.total).toBe(1);
  });

  it('lists at most 100 errors and says there are more', () => {
    const source = Array.from({ length: 150 }, (_, i) => `Билет ${i + 1}`).join('\n');
    const result = parseTicketSource(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(TICKET_IMPORT_LIMITS.maxErrors);
    expect(result.truncated).toBe(true);
    expect(rejectedLines(result).slice(0, 3)).toEqual([1, 2, 3]);
  });
});
