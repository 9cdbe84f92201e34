import { describe, expect, it } from 'vitest';
import { answerTexts } from './answer-text.js';

const words = (value: 'true' | 'false') => (value === 'true' ? 'Дұрыс' : 'Бұрыс');

describe('answerTexts', () => {
  it('shows the chosen options by their text, in the paper order', () => {
    const question = {
      kind: 'multiple' as const,
      options: [
        { id: 'c', text: 'UPPER' },
        { id: 'a', text: 'COUNT' },
        { id: 'b', text: 'SUM' },
      ],
      response: ['a', 'c'],
    };
    expect(answerTexts(question, words)).toEqual(['UPPER', 'COUNT']);
  });

  it('shows true/false in the interface language', () => {
    const question = {
      kind: 'true_false' as const,
      options: [
        { id: 'true', text: 'true' },
        { id: 'false', text: 'false' },
      ],
      response: ['false'],
    };
    expect(answerTexts(question, words)).toEqual(['Бұрыс']);
  });

  it('shows a typed answer as typed, and nothing for no answer', () => {
    expect(answerTexts({ kind: 'short_answer', options: [], response: ['primary key'] }, words)).toEqual([
      'primary key',
    ]);
    expect(
      answerTexts({ kind: 'single', options: [{ id: 'a', text: 'SELECT' }], response: [] }, words),
    ).toEqual([]);
  });
});
