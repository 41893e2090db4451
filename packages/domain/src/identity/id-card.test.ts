import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, CreditCode, creditCodeAlphabet, creditCodeCheckCharacter } from './credit-code.ts';
import { checkIdCardNumber, IdCardNumber, idCardCheckCharacter, maskIdCardNumber } from './id-card.ts';

// Only DOMAIN.md §9's published examples and obviously synthetic numbers (all-zero region, 0000 sequences).
describe('居民身份证号', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female', false],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female', false],
    ['440524188001010014', '440524188001010014', '1880-01-01', 'male', false],
    [' 4405 2418 8001 0100 14 ', '440524188001010014', '1880-01-01', 'male', false],
    ['110105491231002', '11010519491231002X', '1949-12-31', 'female', true],
  ] as const)('accepts %j', (input, normalised, birthDate, sex, upgraded) => {
    expect(checkIdCardNumber(input)).toEqual({ valid: true, normalised, birthDate, sex, upgraded });
    expect(IdCardNumber.parse(input)).toBe(normalised);
  });

  it.each([
    ['', 'validation.idCard.invalid'],
    ['11010519491231002', 'validation.idCard.invalid'],
    ['1101051949123100XX', 'validation.idCard.invalid'],
    ['110105194912310021', 'validation.idCard.checksum'],
    ['440524188001010015', 'validation.idCard.checksum'],
    ['000000202502300000', 'validation.idCard.birthDate'],
    ['000000170001010000', 'validation.idCard.birthDate'],
    ['000000991301000', 'validation.idCard.birthDate'],
  ])('rejects %j with %s', (input, code) => {
    expect(checkIdCardNumber(input)).toEqual({ valid: false, code });
    expect(IdCardNumber.safeParse(input).error?.issues[0]?.message).toBe(code);
  });

  it('computes the check character of the published examples', () => {
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
    expect(idCardCheckCharacter('44052418800101001')).toBe('4');
  });

  it('detects every single-digit change in the body (property)', () => {
    fc.assert(
      fc.property(fc.nat(16), fc.integer({ min: 1, max: 9 }), (position, shift) => {
        const original = '11010519491231002X';
        const digit = (Number(original[position]) + shift) % 10;
        const changed = original.slice(0, position) + String(digit) + original.slice(position + 1);
        const result = checkIdCardNumber(changed);
        expect(result.valid).toBe(false);
      }),
    );
  });

  it('masks all but the first 6 and last 4', () => {
    expect(maskIdCardNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdCardNumber('12345')).toBe('*****');
  });
});

describe('统一社会信用代码', () => {
  it('accepts the published example, normalising case and spaces', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ wellFormed: true, normalised: '91350100M000100Y43', checksumValid: true });
    expect(checkCreditCode('9135 0100 m000 100y 43')).toMatchObject({ wellFormed: true, checksumValid: true });
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(CreditCode.parse('91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('turns a checksum failure into a warning a person may override', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({
      wellFormed: true,
      normalised: '91350100M000100Y44',
      checksumValid: false,
      warning: 'validation.creditCode.checksum',
    });
    expect(CreditCode.parse('91350100M000100Y44')).toBe('91350100M000100Y44');
  });

  it.each(['', '91350100M000100Y4', '91350100M000100Y43X', '91350100I000100Y43', '91350100O000100Y43', '91350100S000100Y43'])('rejects the format of %j', (input) => {
    expect(checkCreditCode(input)).toEqual({ wellFormed: false, code: 'validation.creditCode.invalid' });
    expect(CreditCode.safeParse(input).error?.issues[0]?.message).toBe('validation.creditCode.invalid');
  });

  it('validates every code whose check character it computed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...creditCodeAlphabet), { minLength: 17, maxLength: 17 }), (characters) => {
        const body = characters.join('');
        const code = body + creditCodeCheckCharacter(body);
        expect(checkCreditCode(code)).toMatchObject({ checksumValid: true });
      }),
    );
  });
});
