import { todayInChina } from '../../../shared/roles.js';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from '../../../shared/credit-code.js';
import { isStrongPassword, passwordClasses } from '../../../shared/password-policy.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { IsoDate, PastDate, Password, UnitProfile, Username } from './schemas.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The example of GB 32100-2015 and a real, published code. */
const REAL = ['91350100M000100Y43', '91110000802100433B'];

describe('unified social credit code', () => {
  it('accepts valid codes', () => {
    for (const code of REAL) expect(isValidCreditCode(code), code).toBe(true);
    // Check characters computed for Chongqing-style prefixes, one per possible check value.
    const seen = new Set<string>();
    for (let i = 0; seen.size < 31 && i < 5000; i++) {
      const first17 = `9150000${String(i).padStart(10, '0')}`;
      const check = creditCodeCheckChar(first17)!;
      seen.add(check);
      expect(isValidCreditCode(first17 + check)).toBe(true);
    }
    expect(seen.size).toBe(31);
  });

  it('rejects every wrong check character', () => {
    for (const code of REAL) {
      const wrong = [...ALPHABET].filter((c) => c !== code[17]);
      expect(wrong).toHaveLength(30);
      for (const c of wrong) expect(isValidCreditCode(code.slice(0, 17) + c), c).toBe(false);
    }
  });

  it('rejects I, O, Z, S and V anywhere', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
      for (let pos = 0; pos < 18; pos++) {
        const code = REAL[0]!.slice(0, pos) + bad + REAL[0]!.slice(pos + 1);
        expect(isValidCreditCode(code), code).toBe(false);
      }
      expect(creditCodeCheckChar(`${bad}1350100M000100Y4`)).toBeNull();
    }
  });

  it('rejects wrong lengths, lower case and other characters', () => {
    expect(isValidCreditCode(REAL[0]!.slice(0, 17))).toBe(false);
    expect(isValidCreditCode(`${REAL[0]}0`)).toBe(false);
    expect(isValidCreditCode(REAL[1]!.toLowerCase())).toBe(false);
    expect(isValidCreditCode('9135010-M000100Y43')).toBe(false);
    expect(creditCodeCheckChar('123')).toBeNull();
  });

  it('is normalised to upper case by the registration schema, then checked', () => {
    const shape = UnitProfile.shape.creditCode;
    expect(shape.parse(' 91110000802100433b ')).toBe('91110000802100433B');
    expect(shape.parse('91350100m000100y43')).toBe('91350100M000100Y43');
    const bad = shape.safeParse('91110000802100433c');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('credit_code');
  });
});

describe('password policy', () => {
  it('counts character classes', () => {
    expect(passwordClasses('abc')).toBe(1);
    expect(passwordClasses('abcDEF')).toBe(2);
    expect(passwordClasses('abcDEF12')).toBe(3);
    expect(passwordClasses('aB1!')).toBe(4);
    expect(passwordClasses('密码密码')).toBe(1);
  });

  it('needs 8 to 128 characters from 3 classes', () => {
    for (const pw of ['Abcdef12', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', 'Pass word 1'])
      expect(isStrongPassword(pw), pw).toBe(true);
    for (const pw of ['Abcde12', 'abcdefgh', 'abcdef12', 'ABCDEFGH', '12345678', '!!!!!!!!', 'abcd!!!!', ''])
      expect(isStrongPassword(pw), pw).toBe(false);
    expect(isStrongPassword(`Aa1${'x'.repeat(125)}`)).toBe(true);
    expect(isStrongPassword(`Aa1${'x'.repeat(126)}`)).toBe(false);
  });

  it('is the rule of the Password schema, with the weak_password message', () => {
    expect(Password.safeParse('Strong#2026').success).toBe(true);
    expect(Password.safeParse('weakpassword').error?.issues[0]?.message).toBe('weak_password');
    expect(Password.safeParse('Aa1'.repeat(50)).error?.issues[0]?.code).toBe('too_big');
  });

  it('generates passwords that satisfy it', () => {
    for (let i = 0; i < 300; i++) {
      const pw = generatePassword();
      expect(pw).toHaveLength(14);
      expect(isStrongPassword(pw), pw).toBe(true);
    }
    expect(generatePassword(20)).toHaveLength(20);
  });

  it('hashes with a salt and verifies', async () => {
    const a = await hashPassword('Strong#2026');
    const b = await hashPassword('Strong#2026');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Strong#2026', a)).toBe(true);
    expect(await verifyPassword('Strong#2027', a)).toBe(false);
    expect(await verifyPassword('Strong#2026', 'plain')).toBe(false);
    expect(await verifyPassword('Strong#2026', 'bcrypt$1$2$3$x$y')).toBe(false);
  });
});

describe('other field rules', () => {
  it('usernames: 3–32 of letters, digits, _ . -', () => {
    for (const u of ['abc', 'zhang.san', 'a_b-c', 'x'.repeat(32)])
      expect(Username.safeParse(u).success, u).toBe(true);
    for (const u of ['ab', 'x'.repeat(33), '张三', 'a b', 'a@b'])
      expect(Username.safeParse(u).error?.issues[0]?.message, u).toBe('username_format');
  });

  it('dates: real calendar dates, not in the future', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2023-02-29').error?.issues[0]?.message).toBe('date_format');
    expect(IsoDate.safeParse('2023-13-01').error?.issues[0]?.message).toBe('date_format');
    expect(IsoDate.safeParse('2023/01/01').error?.issues[0]?.message).toBe('date_format');
    // "Today" is China Standard Time (UTC+8), whatever the server's clock zone.
    const tomorrow = todayInChina(new Date(Date.now() + 86_400_000));
    expect(PastDate.safeParse(tomorrow).error?.issues[0]?.message).toBe('date_future');
    expect(PastDate.safeParse(todayInChina()).success).toBe(true);
  });

  it('takes today in UTC+8: 23:30 UTC is already the next day in Chongqing', () => {
    expect(todayInChina(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
  });
});
