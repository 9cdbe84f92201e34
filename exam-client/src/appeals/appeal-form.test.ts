import { describe, expect, it } from 'vitest';
import { appealBody, pickedCount, serverItemErrors } from './appeal-form.js';

const ORDER = ['q1', 'q2', 'q3'];

describe('appealBody', () => {
  it('sends the ticked questions in the page order with trimmed comments', () => {
    const picks = {
      q3: { picked: true, comment: '  The key is wrong. ' },
      q1: { picked: true, comment: 'Two options mean the same.' },
      q2: { picked: false, comment: 'changed my mind' },
    };
    expect(pickedCount(picks)).toBe(2);
    expect(appealBody(picks, ORDER)).toEqual({
      ok: true,
      body: {
        items: [
          { questionId: 'q1', comment: 'Two options mean the same.' },
          { questionId: 'q3', comment: 'The key is wrong.' },
        ],
      },
    });
  });

  it('asks for a comment on every ticked question', () => {
    const picks = { q1: { picked: true, comment: 'ok' }, q2: { picked: true, comment: '   ' } };
    expect(appealBody(picks, ORDER)).toEqual({
      ok: false,
      errors: { pickOne: false, items: { q2: 'commentRequired' } },
    });
  });

  it('asks for at least one question', () => {
    expect(appealBody({}, ORDER)).toEqual({ ok: false, errors: { pickOne: true, items: {} } });
    expect(appealBody({ q1: { picked: false, comment: 'x' } }, ORDER).ok).toBe(false);
  });
});

describe('serverItemErrors', () => {
  it('maps the server’s item positions back to the questions sent', () => {
    const sent = {
      items: [
        { questionId: 'q1', comment: 'a' },
        { questionId: 'q3', comment: 'b' },
      ],
    };
    expect(
      serverItemErrors(
        [
          { path: 'body.items.1.questionId', message: 'this answer already scored in full' },
          { path: 'body.items', message: 'a question is listed twice' },
          { path: 'body.items.7.questionId', message: 'not a question of this test' },
        ],
        sent,
      ),
    ).toEqual({ pickOne: false, items: { q3: 'notAppealable' } });
  });
});
