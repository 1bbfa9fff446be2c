import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidIdNumber, maskIdNumber } from './id-number.js';

describe('GB 11643 identity numbers', () => {
  it('computes the check character, including X', () => {
    // The standard's own example.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('refuses a wrong check character, a bad birth date, and wrong lengths', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    const first = '50010319900230123';
    expect(isValidIdNumber(first + idCheckChar(first))).toBe(false); // 30 February
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('A1010519491231002X')).toBe(false);
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
