import { describe, expect, it } from 'vitest';
import {
  CommissionProtocolBody,
  FixCommissionGradeBody,
  meanPercent,
  ProtocolFileQuery,
  shortName,
} from './commission-grades.js';

describe('the mean of a commission’s scores', () => {
  it('is null without scores and the score itself for one', () => {
    expect(meanPercent([])).toBeNull();
    expect(meanPercent([73.25])).toBe(73.25);
  });

  it('rounds half up to 2 decimals, counted in hundredths', () => {
    expect(meanPercent([90, 82, 71.5])).toBe(81.17); // 81.1666…
    expect(meanPercent([50, 55, 52])).toBe(52.33); // 52.333…
    expect(meanPercent([60, 61])).toBe(60.5);
    // 0.005 exactly halfway: up, never down by a binary fraction.
    expect(meanPercent([0.01, 0])).toBe(0.01);
    expect(meanPercent([1.01, 1])).toBe(1.01);
    expect(meanPercent([80.15, 80.16])).toBe(80.16); // 80.155
    expect(meanPercent([100, 100, 100])).toBe(100);
    expect(meanPercent([0, 0])).toBe(0);
  });
});

describe('the commission’s bodies', () => {
  it('checks the protocol number and a real calendar date', () => {
    expect(CommissionProtocolBody.parse({ protocolNumber: ' 12/МАК ', protocolDate: '2024-02-29' })).toEqual({
      protocolNumber: '12/МАК',
      protocolDate: '2024-02-29',
    });
    for (const bad of [
      { protocolNumber: '  ', protocolDate: '2026-06-12' },
      { protocolNumber: '1', protocolDate: '2026-02-29' },
      { protocolNumber: '1', protocolDate: '12.06.2026' },
      { protocolNumber: '1', protocolDate: '2026-06-12', extra: true },
    ])
      expect(CommissionProtocolBody.safeParse(bad).success).toBe(false);
  });

  it('takes the mean unless a percent is given, and the reason defaults to empty', () => {
    expect(FixCommissionGradeBody.parse({})).toEqual({ reason: '' });
    expect(FixCommissionGradeBody.parse({ percent: 60, reason: ' Жауап толық. ' })).toEqual({
      percent: 60,
      reason: 'Жауап толық.',
    });
    expect(FixCommissionGradeBody.safeParse({ percent: 60.001 }).success).toBe(false);
  });

  it('prints the protocol in Russian unless another language is asked for', () => {
    expect(ProtocolFileQuery.parse({})).toEqual({ lang: 'ru' });
    expect(ProtocolFileQuery.parse({ lang: 'kk' })).toEqual({ lang: 'kk' });
    expect(ProtocolFileQuery.safeParse({ lang: 'de' }).success).toBe(false);
  });
});

describe('short names', () => {
  it('keeps the surname and gives initials', () => {
    expect(shortName('Тұрсынов Бақыт Әбдіұлы')).toBe('Тұрсынов Б. Ә.');
    expect(shortName('  Петров   Андрей Викторович ')).toBe('Петров А. В.');
    expect(shortName('Әкімші')).toBe('Әкімші');
  });
});
