import { describe, expect, it } from 'vitest';
import { iinBirthDate, iinCheckDigit, iinProblem, isValidIin } from './iin.js';

describe('IIN check digit', () => {
  it('uses weights 1..11 when they give 0..9', () => {
    // 0·1+4·2+0·3+1·4+0·5+1·6+5·7+1·8+0·9+0·10+0·11 = 61 ≡ 6 (mod 11)
    expect(iinCheckDigit('04010151000')).toBe(6);
    expect(isValidIin('040101510006')).toBe(true);
  });

  it('falls back to weights 3..11,1,2 when the first pass gives 10', () => {
    // first pass: 1·10 = 10; second pass: 1·1 = 1
    expect(iinCheckDigit('00000000010')).toBe(1);
  });

  it('rejects every final digit when neither pass yields a check digit', () => {
    let found = 0;
    for (let n = 0; n < 10_000 && found < 3; n++) {
      const first11 = `0401015${String(n).padStart(4, '0')}`;
      if (iinCheckDigit(first11) !== null) continue;
      found++;
      for (let d = 0; d <= 9; d++) expect(iinProblem(first11 + d)).toBe('check_digit');
    }
    expect(found).toBeGreaterThan(0);
  });

  it('names the problem: format, birth date, check digit', () => {
    expect(iinProblem('12345')).toBe('format');
    expect(iinProblem('04010151000a')).toBe('format');
    expect(iinProblem('041301510006')).toBe('birth_date'); // month 13
    expect(iinProblem('040101710006')).toBe('birth_date'); // century digit 7
    expect(iinProblem('040101510007')).toBe('check_digit');
  });

  it('reads the birth date with its century', () => {
    expect(iinBirthDate('040101510006')?.toISOString().slice(0, 10)).toBe('2004-01-01');
    expect(iinBirthDate('990315300000')?.toISOString().slice(0, 10)).toBe('1999-03-15');
    expect(iinBirthDate('000229500000')?.toISOString().slice(0, 10)).toBe('2000-02-29');
    expect(iinBirthDate('010229500000')).toBeNull();
  });
});
