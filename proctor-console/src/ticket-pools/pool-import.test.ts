import { TICKET_IMPORT_LIMITS, type TicketPoolSummary, type TicketSitting } from '@adal/shared';
import { ApiError } from '@adal/shared/web';
import { describe, expect, it } from 'vitest';
import {
  examPoolState,
  fileProblem,
  poolFieldErrors,
  poolImportOutcome,
  questionsRange,
  ticketsRepeat,
  titleFromFileName,
  toBase64,
} from './pool-import.js';

const POOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER = 'aaaaaaaa-0000-4000-8000-000000000002';

const pool = (poolId: string, tickets: number): TicketPoolSummary => ({
  poolId,
  title: `Pool ${tickets}`,
  counts: { tickets, questions: { min: 3, max: 3, total: tickets * 3 } },
  createdAt: '2026-06-01T09:00:00.000Z',
  sittings: 0,
});

const sitting = (over: Partial<TicketSitting> = {}): TicketSitting => ({
  sittingId: 'ssssssss-0000-4000-8000-000000000001',
  kind: 'written',
  group: { id: 'gggggggg-0000-4000-8000-000000000001', name: 'ИС-21-1' },
  startsAt: '2026-06-10T04:00:00.000Z',
  durationMinutes: 120,
  students: 25,
  ticketPoolId: null,
  drawStarted: false,
  ...over,
});

describe('toBase64', () => {
  const decoded = (base64: string) => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

  it('encodes bytes so that they decode back the same, in chunks for large files', () => {
    const bytes = new TextEncoder().encode('Билет № 1\nҚазақстан?');
    expect(toBase64(bytes)).toBe('0JHQuNC70LXRgiDihJYgMQrSmtCw0LfQsNKb0YHRgtCw0L0/');
    const large = new Uint8Array(40_001).map((_, i) => i % 256);
    expect(decoded(toBase64(large))).toEqual(large);
  });
});

describe('fileProblem', () => {
  it('refuses an empty file and one over the server’s limit, by size', () => {
    expect(fileProblem(0)).toBe('emptyFile');
    expect(fileProblem(TICKET_IMPORT_LIMITS.maxFileBytes + 1)).toBe('tooLarge');
    expect(fileProblem(TICKET_IMPORT_LIMITS.maxFileBytes)).toBeNull();
  });
});

describe('poolImportOutcome', () => {
  const counts = { tickets: 25, questions: { min: 2, max: 3, total: 70 } };

  it('reads a 201 as the new pool and a 400 with lines as a rejected file, grouped by line', () => {
    expect(poolImportOutcome(201, { poolId: POOL, format: 'csv', encoding: 'windows-1251', counts })).toEqual(
      {
        kind: 'imported',
        result: { poolId: POOL, format: 'csv', encoding: 'windows-1251', counts },
      },
    );
    const rejected = poolImportOutcome(400, {
      error: {
        code: 'validation_failed',
        message: 'x',
        truncated: true,
        lines: [
          { line: 9, message: 'ticket 2 has no questions' },
          { line: 3, message: 'the ticket cell is empty' },
          { line: 9, message: 'an empty question' },
        ],
      },
    });
    expect(rejected).toEqual({
      kind: 'rejected',
      truncated: true,
      lines: [
        { line: 3, messages: ['the ticket cell is empty'] },
        { line: 9, messages: ['ticket 2 has no questions', 'an empty question'] },
      ],
    });
  });

  it('reads a 400 with field errors, a 413 and an answer outside the contract as failures', () => {
    const fields = poolImportOutcome(400, {
      error: {
        code: 'validation_failed',
        message: 'Invalid request body.',
        fields: [{ path: 'body.fileBase64', message: 'Invalid base64' }],
      },
    });
    expect(fields.kind).toBe('failed');
    if (fields.kind === 'failed') expect([...poolFieldErrors(fields.error)]).toEqual(['file']);
    const large = poolImportOutcome(413, { error: { code: 'payload_too_large', message: 'Too large.' } });
    expect(large.kind === 'failed' && large.error.code).toBe('payload_too_large');
    const odd = poolImportOutcome(201, { poolId: 'not-an-id' });
    expect(odd.kind === 'failed' && odd.error.code).toBe('bad_response');
  });
});

describe('poolFieldErrors', () => {
  it('maps body fields to the form’s fields', () => {
    const error = new ApiError('validation_failed', 'x', 400, [
      { path: 'body.title', message: 'Too small' },
      { path: 'body.disciplineId', message: 'no such discipline' },
      { path: 'body.format', message: 'Invalid option' },
      { path: 'body', message: 'Unrecognized key' },
    ]);
    expect([...poolFieldErrors(error)].sort()).toEqual(['disciplineId', 'file', 'title']);
  });
});

describe('titleFromFileName and questionsRange', () => {
  it('makes a title of the file name and a range of question counts', () => {
    expect(titleFromFileName('Алгоритмдер_билеттер 2026.txt')).toBe('Алгоритмдер билеттер 2026');
    expect(titleFromFileName('C:\\fakepath\\tickets.CSV')).toBe('tickets');
    expect(questionsRange({ min: 3, max: 3 })).toBe('3');
    expect(questionsRange({ min: 2, max: 4 })).toBe('2–4');
  });
});

describe('examPoolState', () => {
  const pools = [pool(POOL, 30), pool(OTHER, 10)];

  it('offers the other pools while the draw has not begun', () => {
    const state = examPoolState(sitting({ ticketPoolId: POOL }), pools);
    expect(state.current?.poolId).toBe(POOL);
    expect(state.locked).toBe(false);
    expect(state.choices.map((p) => p.poolId)).toEqual([OTHER]);
    expect(examPoolState(sitting(), pools).choices).toHaveLength(2);
  });

  it('offers nothing once the draw has begun', () => {
    const state = examPoolState(sitting({ ticketPoolId: POOL, drawStarted: true }), pools);
    expect(state).toMatchObject({ locked: true, choices: [] });
  });

  it('says when the sitting’s pool is not among the discipline’s', () => {
    expect(
      examPoolState(sitting({ ticketPoolId: 'cccccccc-0000-4000-8000-000000000009' }), pools),
    ).toMatchObject({
      current: undefined,
      unknownPool: true,
    });
  });

  it('warns when a pool has fewer tickets than the group has students', () => {
    expect(ticketsRepeat(sitting({ students: 25 }), pool(OTHER, 10))).toBe(true);
    expect(ticketsRepeat(sitting({ students: 25 }), pool(POOL, 30))).toBe(false);
    expect(ticketsRepeat(sitting({ students: 25 }), undefined)).toBe(false);
  });
});
