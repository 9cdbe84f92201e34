import { describe, expect, it } from 'vitest';
import { isHeadingWithText, readHeading, stripNumbering, ticketNumberOf } from './headings.js';

describe('ticket headings', () => {
  it.each([
    ['Билет № 1', 1],
    ['Билет №2', 2],
    ['БИЛЕТ 3', 3],
    ['билет 4.', 4],
    ['Билет № 12:', 12],
    ['Экзаменационный билет № 13', 13],
    ['ЭКЗАМЕНАЦИОННЫЙ БИЛЕТ №14', 14],
    ['1-й билет', 1],
    ['1-билет', 1],
    ['15 билет', 15],
    ['№16 билет', 16],
    ['1-ші билет', 1],
    ['6-шы билет', 6],
    ['Емтихан билеті № 17', 17],
    ['18-билет.', 18],
    ['Ticket 19', 19],
    ['Ticket No. 20', 20],
    ['ticket #21', 21],
    ['Exam ticket 22', 22],
    ['Examination Ticket N 23', 23],
    ['  Билет № 24  ', 24],
  ])('reads "%s" as ticket %i', (line, number) => {
    expect(readHeading(line)).toEqual({ ok: true, number });
  });

  it.each([
    ['Билет № 0', 'ticket number 0: write a whole number from 1 to 9,999'],
    ['Билет № 10000', 'ticket number 10000: write a whole number from 1 to 9,999'],
    [
      'Билет № 2.5',
      'ticket number "2.5" is not a positive whole number: write a whole number from 1 to 9,999',
    ],
    ['Ticket -3', 'ticket number "-3" is not a positive whole number: write a whole number from 1 to 9,999'],
    ['0-билет', 'ticket number 0: write a whole number from 1 to 9,999'],
    ['Билет №', 'the ticket has no number: write a whole number from 1 to 9,999'],
  ])('refuses the number of "%s"', (line, message) => {
    expect(readHeading(line)).toEqual({ ok: false, message });
  });

  it.each([
    'Билеттің құны қанша?',
    'Билеты на поезд: как считается их стоимость?',
    '1. Что такое билет?',
    'Ticket sales grew 5 % in 2020: why?',
    '2019 жылы не болды?',
    'Explain quicksort.',
  ])('takes "%s" for a question, not a heading', (line) => {
    expect(readHeading(line)).toBeUndefined();
  });

  it('notices a heading with more text on its line', () => {
    expect(isHeadingWithText('Билет № 5. Графы')).toBe(true);
    expect(isHeadingWithText('Ticket 3 — Sorting')).toBe(true);
    expect(isHeadingWithText('Билеттің құны қанша?')).toBe(false);
  });

  it('strips the teacher’s numbering of a question, not numbers that belong to its text', () => {
    expect(stripNumbering('1. Что такое стек?')).toEqual({ text: 'Что такое стек?', numbered: true });
    expect(stripNumbering('2) Стек дегеніміз не?')).toEqual({ text: 'Стек дегеніміз не?', numbered: true });
    expect(stripNumbering('3 . Explain BFS.')).toEqual({ text: 'Explain BFS.', numbered: true });
    expect(stripNumbering('1.5 кг жүктің салмағын есептеңіз.').text).toBe(
      '1.5 кг жүктің салмағын есептеңіз.',
    );
    expect(stripNumbering('2019 жылы не болды?').text).toBe('2019 жылы не болды?');
    expect(stripNumbering('4.')).toEqual({ text: '', numbered: true });
  });

  it('reads a CSV ticket cell with the same rules', () => {
    expect(ticketNumberOf(' 7 ')).toEqual({ ok: true, number: 7 });
    expect(ticketNumberOf('7.0').ok).toBe(false);
    expect(ticketNumberOf('').ok).toBe(false);
  });
});
