import type { OralQueueRowView, OralQueueView } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { absent, inQueue, rowTimer, untilQuestioning } from './queue-timers.js';

const t0 = Date.parse('2026-12-07T09:00:00Z');
const iso = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
const row = (patch: Partial<OralQueueRowView>): OralQueueRowView => ({
  studentId: '00000000-0000-4000-8000-000000000001',
  fullName: 'A',
  stage: 'preparing',
  place: 1,
  ticketNumber: 3,
  drawnAt: iso(0),
  calledAt: null,
  answeredAt: null,
  ...patch,
});
const queue = (rows: OralQueueRowView[], startsAt: string | null): OralQueueView => ({
  sittingId: '00000000-0000-4000-8000-000000000009',
  rows,
  delayMinutes: 20,
  lastDrawAt: startsAt,
  questioningStartsAt: startsAt,
  answering: null,
  next: null,
  blockedBy: null,
  serverNow: iso(0),
});

describe('queue timers', () => {
  it('counts preparation from the draw and the answer from the call', () => {
    expect(rowTimer(row({}), t0 + 65_000)).toBe('00:01:05');
    expect(rowTimer(row({ stage: 'answering', calledAt: iso(30) }), t0 + 31 * 60_000)).toBe('00:01:00');
    expect(rowTimer(row({ stage: 'answered', answeredAt: iso(40) }), t0)).toBeNull();
  });

  it('counts down to questioning until the first call', () => {
    expect(untilQuestioning(queue([row({})], iso(20)), t0 + 10 * 60_000)).toBe('00:10:00');
    expect(untilQuestioning(queue([row({})], iso(20)), t0 + 21 * 60_000)).toBeNull();
    expect(untilQuestioning(queue([row({ calledAt: iso(1) })], iso(20)), t0)).toBeNull();
    expect(untilQuestioning(queue([row({})], null), t0)).toBeNull();
  });

  it('lists absent students apart', () => {
    const q = queue([row({}), row({ stage: 'absent', place: null, fullName: 'B' })], null);
    expect(inQueue(q).map((r) => r.fullName)).toEqual(['A']);
    expect(absent(q).map((r) => r.fullName)).toEqual(['B']);
  });
});
