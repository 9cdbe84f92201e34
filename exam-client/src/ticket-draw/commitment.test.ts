import { describe, expect, it } from 'vitest';
import { shortCommitment } from './commitment.js';

describe('shortCommitment', () => {
  it('shows the first and last eight digits in groups of four', () => {
    const hex = `3f9ac21e${'0'.repeat(48)}7d0190be`;
    expect(shortCommitment(hex)).toBe('3f9a c21e … 7d01 90be');
  });

  it('shows a short value whole', () => {
    expect(shortCommitment('abcd1234')).toBe('abcd 1234');
  });
});
