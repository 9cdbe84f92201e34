import { readFileSync } from 'node:fs';
import { BankFormat } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { parseBank } from './parse-bank.js';
import { accepted } from './test-helpers.js';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
const samples = [...readme.matchAll(/```(gift|aiken|csv)\n([\s\S]*?)```/g)].map((m) => ({
  format: BankFormat.parse(m[1]),
  text: m[2] as string,
}));

describe('the examples in README.md', () => {
  it('has one for each format', () => {
    expect(samples.map((s) => s.format).sort()).toEqual(['aiken', 'csv', 'gift']);
  });

  it.each(samples)('imports the $format example as the README says', ({ format, text }) => {
    expect(accepted(parseBank(format, text)).counts.total).toBeGreaterThan(1);
  });
});
