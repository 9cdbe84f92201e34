import { describe, expect, it } from 'vitest';
import { entry, system } from './fixtures.js';
import { instructionsOf, suspensionOf } from './instructions.js';

const none = new Set<number>();

describe('instructionsOf', () => {
  it('asks nothing of a student with a quiet log', () => {
    expect(instructionsOf([system(1, 'admitted'), system(2, 'attempt_started')], none)).toEqual({
      warning: null,
      roomScan: null,
      ended: null,
      suspension: null,
    });
  });

  it('shows the latest warning until it is acknowledged', () => {
    const log = [system(1, 'warned', 'Look at your screen'), system(2, 'warned', 'Put the phone away')];
    expect(instructionsOf(log, none).warning).toMatchObject({ seq: 2, text: 'Put the phone away' });
    expect(instructionsOf(log, new Set([2])).warning).toBeNull();
    // Acknowledging an older one does not hide a newer one.
    expect(instructionsOf(log, new Set([1])).warning).toMatchObject({ seq: 2 });
  });

  it('does not take a chat message or a proctor entry called "warned" for a warning', () => {
    const log = [
      entry(1, { source: 'chat', type: 'warned', text: 'x' }),
      entry(2, { source: 'proctor', type: 'warned' }),
    ];
    expect(instructionsOf(log, none).warning).toBeNull();
  });

  it('asks for a room scan until the proctor marks it done or failed', () => {
    const requested = [system(1, 'admitted'), system(2, 'room_scan_requested', 'Show the desk, please')];
    expect(instructionsOf(requested, none).roomScan).toEqual({
      seq: 2,
      at: requested[1]?.at,
      note: 'Show the desk, please',
    });
    expect(instructionsOf([...requested, system(3, 'room_scan_done')], none).roomScan).toBeNull();
    expect(
      instructionsOf([...requested, system(3, 'room_scan_failed', 'Too dark')], none).roomScan,
    ).toBeNull();
    const again = [...requested, system(3, 'room_scan_failed', 'Too dark'), system(4, 'room_scan_requested')];
    expect(instructionsOf(again, none).roomScan).toMatchObject({ seq: 4, note: '' });
  });

  it('says the sitting ended, with the reason, for terminated, denied and leave permitted', () => {
    const base = [system(1, 'admitted'), system(2, 'attempt_started')];
    expect(
      instructionsOf([...base, system(3, 'terminated', 'A phone on the desk')], none).ended,
    ).toMatchObject({
      kind: 'terminated',
      reason: 'A phone on the desk',
      seq: 3,
    });
    expect(instructionsOf([system(1, 'denied', 'ID does not match')], none).ended).toMatchObject({
      kind: 'denied',
      reason: 'ID does not match',
    });
    expect(
      instructionsOf([...base, system(3, 'finished'), system(4, 'leave_permitted')], none).ended,
    ).toMatchObject({
      kind: 'left',
      reason: '',
    });
  });

  it('drops the warning, the room scan and the suspension once the sitting ended', () => {
    const log = [
      system(1, 'warned', 'Last warning'),
      system(2, 'room_scan_requested'),
      system(3, 'suspended', '', { sources: ['webcam'], clockRuns: false }),
      system(4, 'terminated', 'Someone else in the room'),
    ];
    const got = instructionsOf(log, none);
    expect(got).toMatchObject({
      warning: null,
      roomScan: null,
      suspension: null,
      ended: { kind: 'terminated' },
    });
  });

  it('takes a new admission as undoing a denial', () => {
    const log = [system(1, 'denied', 'Wrong room'), system(2, 'admitted')];
    expect(instructionsOf(log, none).ended).toBeNull();
  });

  it('follows a suspension until the sources are back', () => {
    const suspended = system(3, 'suspended', 'Suspended: webcam stopped.', {
      sources: ['webcam', 'screen'],
      clockRuns: true,
    });
    expect(instructionsOf([suspended], none).suspension).toMatchObject({
      seq: 3,
      sources: ['webcam', 'screen'],
      clockRuns: true,
    });
    expect(instructionsOf([suspended, system(4, 'unsuspended')], none).suspension).toBeNull();
    expect(instructionsOf([suspended, system(4, 'timed_out')], none).suspension).toBeNull();
  });
});

describe('suspensionOf', () => {
  it('keeps only known sources and a boolean clock policy', () => {
    expect(
      suspensionOf(system(5, 'suspended', '', { sources: ['screen', 'microphone', 7], clockRuns: 'yes' })),
    ).toEqual({
      seq: 5,
      at: system(5, 'suspended').at,
      sources: ['screen'],
      clockRuns: null,
    });
    expect(suspensionOf(system(5, 'suspended')).sources).toEqual([]);
  });
});
