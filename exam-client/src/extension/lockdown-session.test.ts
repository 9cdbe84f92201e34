import type { ExtensionHeartbeatBody, FlagReport } from '@adal/shared';
import type { LockdownEvent, PortMessage } from '@adal/shared/extension';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlagSender } from '../monitoring/flag-sender.js';
import { flagReportOf } from './lockdown-flags.js';
import {
  extensionFlagsKey,
  type LockdownDeps,
  LockdownSession,
  type LockdownState,
} from './lockdown-session.js';
import { FakeExtension, FakeTrack, MemoryStorage } from './testing.js';

const SITTING = '7d0c3b5e-2a1f-4e8b-9c6d-5a4b3c2d1e0f';
const ORIGIN = 'http://127.0.0.1:5173';
const environment = { displays: 1, extensions: [] };
const beat = (active = true): PortMessage => ({
  type: 'heartbeat',
  at: '2025-06-01T09:00:00.000Z',
  active,
  environment,
});
const pasted: LockdownEvent = {
  eventId: '0b7a4f2e-94a4-4d4c-8d53-1f3f1e0a5c11',
  kind: 'paste_blocked',
  startedAt: '2025-06-01T09:01:00.000Z',
  endedAt: '2025-06-01T09:01:00.000Z',
  detail: '×3',
};

function setup(overrides: Partial<LockdownDeps> = {}) {
  const extension = new FakeExtension();
  const heartbeats: ExtensionHeartbeatBody[] = [];
  const reports: FlagReport[] = [];
  const states: LockdownState[] = [];
  const published: [string, MediaStreamTrack][] = [];
  const unshared = vi.fn();
  const track = new FakeTrack();
  const captured: string[] = [];
  let now = 0;
  const session = new LockdownSession({
    runtime: extension,
    sittingId: SITTING,
    examOrigin: ORIGIN,
    heartbeat: async (body) => void heartbeats.push(body),
    report: (report) => reports.push(report),
    shareTab: async (streamId) => {
      captured.push(streamId);
      published.push(['tab', track.asTrack]);
      return track.asTrack;
    },
    unshareTab: unshared,
    onChange: (state) => states.push(state),
    now: () => now,
    ...overrides,
  });
  return {
    extension,
    session,
    heartbeats,
    reports,
    states,
    published,
    unshared,
    track,
    captured,
    last: () => states.at(-1),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('LockdownSession', () => {
  it('asks the extension to lock this sitting to the page origin, then opens the port', async () => {
    const t = setup();
    await t.session.start();
    expect(t.extension.sent).toEqual([{ type: 'start_lockdown', sittingId: SITTING, examOrigin: ORIGIN }]);
    expect(t.extension.openPorts).toHaveLength(1);
    expect(t.last()).toMatchObject({ on: true, startError: null });
  });

  it("shows the extension's refusal", async () => {
    const t = setup();
    t.extension.answer = () => ({ type: 'error', code: 'forbidden_origin', message: 'no' });
    await t.session.start();
    expect(t.last()).toMatchObject({ on: false, startError: 'forbidden_origin' });
  });

  it('passes heartbeats on to the server, at most one per 9 s, and a failed one is dropped', async () => {
    let fail = true;
    const sent: ExtensionHeartbeatBody[] = [];
    const t = setup({
      heartbeat: async (body) => {
        sent.push(body);
        if (fail) throw new Error('offline');
      },
    });
    await t.session.start();
    t.extension.post(beat()); // the one at connect
    t.advance(1000);
    t.extension.post(beat()); // a second port's, or a burst: not sent
    t.advance(8000);
    fail = false;
    t.extension.post(beat(false));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([
      { active: true, environment },
      { active: false, environment },
    ]);
    expect(t.last()?.on).toBe(false);
  });

  it("turns the extension's events into flag reports that wait in storage for the server", async () => {
    const storage = new MemoryStorage();
    const send = vi.fn(async () => {
      throw new Error('offline');
    });
    const flags = new FlagSender(extensionFlagsKey(SITTING), send, storage);
    const t = setup({ report: (report) => flags.add(report) });
    await t.session.start();
    t.extension.post({ type: 'event', event: pasted });
    expect(send).toHaveBeenCalledWith([flagReportOf(pasted)]);
    expect(JSON.parse(storage.map.get(`extension-flags:${SITTING}`) ?? '[]')).toEqual([
      { ...flagReportOf(pasted), detail: 'paste ×3' },
    ]);
    flags.close();
  });

  it('shares the exam tab with the stream id the toolbar button gave, until the track ends', async () => {
    const t = setup();
    await t.session.start();
    t.extension.post({ type: 'tab_capture', streamId: 'stream-42' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.captured).toEqual(['stream-42']);
    expect(t.published).toEqual([['tab', t.track.asTrack]]);
    expect(t.last()).toMatchObject({ tabShared: true, captureError: null });
    t.track.end();
    expect(t.last()?.tabShared).toBe(false);
  });

  it('shows why the tab could not be shared', async () => {
    const t = setup({
      shareTab: async () => {
        throw new Error('Permission denied');
      },
    });
    await t.session.start();
    t.extension.post({ type: 'tab_capture_failed', message: 'Extension has not been invoked' });
    expect(t.last()?.captureError).toBe('Extension has not been invoked');
    t.extension.post({ type: 'tab_capture', streamId: 'stream-43' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()).toMatchObject({ tabShared: false, captureError: 'Permission denied' });
  });

  it('stops the lockdown, stops sending the tab and closes the port after the answer', async () => {
    const t = setup();
    await t.session.start();
    t.extension.post({ type: 'tab_capture', streamId: 'stream-42' });
    await vi.advanceTimersByTimeAsync(0);
    await t.session.stop();
    expect(t.extension.requestsOf('stop_lockdown')).toEqual([{ type: 'stop_lockdown', sittingId: SITTING }]);
    expect(t.unshared).toHaveBeenCalledOnce();
    expect(t.extension.openPorts).toHaveLength(0);
    await t.session.stop();
    expect(t.extension.requestsOf('stop_lockdown')).toHaveLength(1);
  });

  it('tells the server at once that the lockdown is off, without waiting for the heartbeat gap', async () => {
    const t = setup();
    await t.session.start();
    t.extension.post(beat(true));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.heartbeats.map((h) => h.active)).toEqual([true]);
    await t.session.stop();
    expect(t.heartbeats.map((h) => h.active)).toEqual([true, false]);
    expect(t.heartbeats.at(-1)?.environment).toEqual(environment);
  });

  it('still reports the ends of episodes that arrive while stopping', async () => {
    const t = setup();
    let answerStop: () => void = () => {};
    await t.session.start();
    const send = t.extension.send.bind(t.extension);
    t.extension.send = (request) =>
      request.type === 'stop_lockdown'
        ? new Promise((resolve) => {
            answerStop = () => resolve({ type: 'lockdown', active: false });
          })
        : send(request);
    const stopping = t.session.stop();
    t.extension.post({ type: 'event', event: { ...pasted, kind: 'focus_lost', detail: undefined } });
    answerStop();
    await stopping;
    expect(t.reports.map((r) => r.type)).toEqual(['focus_lost']);
  });

  it('connects again (and asks for the lockdown again) when the port drops while active', async () => {
    const t = setup();
    await t.session.start();
    t.extension.dropPort();
    expect(t.last()?.on).toBe(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(t.extension.ports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.extension.requestsOf('start_lockdown')).toHaveLength(2);
    expect(t.extension.openPorts).toHaveLength(1);
    // Still gone: the next try waits longer.
    t.extension.dropPort();
    await vi.advanceTimersByTimeAsync(1999);
    expect(t.extension.ports).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.extension.ports).toHaveLength(3);
    t.extension.post(beat());
    expect(t.last()?.on).toBe(true);
  });

  it('does not connect again after stop', async () => {
    const t = setup();
    await t.session.start();
    t.extension.dropPort();
    await t.session.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.extension.ports).toHaveLength(1);
    expect(t.extension.requestsOf('start_lockdown')).toHaveLength(1);
  });
});
