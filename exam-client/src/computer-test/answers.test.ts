import type { PaperQuestion } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { answeredCount, isAnswered, shortAnswerResponse, toggleOption } from './answers.js';

const question = (kind: PaperQuestion['kind'], ids: string[]): PaperQuestion => ({
  questionId: `q-${kind}`,
  kind,
  difficulty: 'simple',
  stem: 'stem',
  options: ids.map((id) => ({ id, text: id.toUpperCase() })),
});

describe('answers', () => {
  it('ticking options of a several-answer question keeps the paper order; unticking removes', () => {
    const q = question('multiple', ['c', 'a', 'd', 'b']);
    const one = toggleOption(q, undefined, 'b', true);
    const two = toggleOption(q, one, 'a', true);
    expect(two).toEqual(['a', 'b']);
    expect(toggleOption(q, two, 'b', false)).toEqual(['a']);
    expect(toggleOption(q, ['a'], 'a', false)).toEqual([]);
  });

  it('a blank typed answer is no answer (the server would count "" as answered)', () => {
    expect(shortAnswerResponse('  ')).toEqual([]);
    expect(shortAnswerResponse(' B-tree ')).toEqual([' B-tree ']);
  });

  it('counts questions with something chosen or typed', () => {
    const questions = [
      question('single', ['a']),
      question('short_answer', []),
      question('true_false', ['true']),
    ];
    const responses: Record<string, string[]> = { 'q-single': ['a'], 'q-short_answer': [] };
    expect(answeredCount(questions, (id) => responses[id])).toBe(1);
    expect(isAnswered(undefined)).toBe(false);
  });
});
