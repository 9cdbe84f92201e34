import type { FlagReport } from '@adal/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlagSender, type ReportStorage } from './flag-sender.js';

const report = (n: number): FlagReport => ({
  episodeId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'no_face',
  startedAt: '2026-12-07T10:00:00.000Z',
  endedAt: null,
  confidence: 90,
});

class MemoryStorage implements ReportStorage {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

afterEach(() => vi.useRealTimers());

describe('flag sender', () => {
  it('keeps reports through failures and a reload, and sends each once accepted', async () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const sent: string[] = [];
    let online = false;
    const send = async (reports: FlagReport[]) => {
      if (!online) throw new Error('offline');
      sent.push(...reports.map((r) => r.episodeId));
    };
    const first = new FlagSender('flags:s1', send, storage);
    first.add(report(1));
    first.add(report(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.pending).toBe(2);
    first.close();

    // The page reloads while offline: the reports are still there.
    const second = new FlagSender('flags:s1', send, storage);
    expect(second.pending).toBe(2);
    online = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toEqual([report(1).episodeId, report(2).episodeId]);
    expect(second.pending).toBe(0);
    expect(storage.map.has('flags:s1')).toBe(false);
    second.close();
  });

  it('sends in batches of at most 20', async () => {
    const batches: number[] = [];
    const sender = new FlagSender('k', async (r) => void batches.push(r.length), null);
    for (let i = 1; i <= 45; i++) sender.add(report(i));
    await sender.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(45);
    expect(Math.max(...batches)).toBeLessThanOrEqual(20);
  });

  it('a retired sender tries once and leaves the rest in storage for the next page', async () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    let calls = 0;
    const sender = new FlagSender(
      'flags:s2',
      async () => {
        calls++;
        throw new Error('offline');
      },
      storage,
    );
    sender.retire();
    sender.add(report(1));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
    expect(storage.map.has('flags:s2')).toBe(true);
  });
});
