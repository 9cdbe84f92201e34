import { describe, expect, it } from 'vitest';
import { type AckStorage, ackKey, readAcknowledged, withAcknowledged } from './warning-acks.js';

const memory = (): AckStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('acknowledged warnings', () => {
  it('remembers each acknowledged warning per sitting', () => {
    const storage = memory();
    let acked = withAcknowledged(storage, 'sitting-a', readAcknowledged(storage, 'sitting-a'), 4);
    acked = withAcknowledged(storage, 'sitting-a', acked, 9);
    expect([...readAcknowledged(storage, 'sitting-a')]).toEqual([4, 9]);
    expect(readAcknowledged(storage, 'sitting-b').size).toBe(0);
  });

  it('starts afresh from a damaged value', () => {
    const storage = memory();
    storage.setItem(ackKey('s'), '{not json');
    expect(readAcknowledged(storage, 's').size).toBe(0);
    storage.setItem(ackKey('s'), JSON.stringify([3, 'x', 2.5, 7]));
    expect([...readAcknowledged(storage, 's')]).toEqual([3, 7]);
  });

  it('works without storage (blocked by the browser) for the life of the page', () => {
    const acked = withAcknowledged(null, 's', new Set([1]), 2);
    expect([...acked]).toEqual([1, 2]);
    expect(readAcknowledged(null, 's').size).toBe(0);
  });
});
