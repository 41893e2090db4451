import { z } from 'zod';
import type { MessageCode } from '../messages/messages.ts';
import { isCalendarDay } from '../time/calendar-day.ts';

/** GB 11643 weights for the 17 body digits and the ISO 7064 MOD 11-2 check characters by remainder. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';

/** The result of checking a 居民身份证号. */
export type IdCardCheck =
  | {
      readonly valid: true;
      /** 18 characters, upper-case X. */
      readonly normalised: string;
      readonly birthDate: string;
      readonly sex: 'male' | 'female';
      /** True when a 15-digit legacy number was upgraded to 18. */
      readonly upgraded: boolean;
    }
  | { readonly valid: false; readonly code: MessageCode };

/**
 * The check character of 17 body digits (ISO 7064 MOD 11-2).
 * @example idCardCheckCharacter('11010519491231002') // 'X'
 */
export function idCardCheckCharacter(body: string): string {
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (weights[index] ?? 0), 0);
  return checkCharacters[sum % 11] ?? '';
}

function birthDateOf(compact: string): string {
  return `${compact.slice(6, 10)}-${compact.slice(10, 12)}-${compact.slice(12, 14)}`;
}

/**
 * Checks and normalises an ID card number: spaces removed, lower-case x upper-cased, a 15-digit legacy number
 * upgraded (19 inserted before the year, check character added). The 7th–14th digits must be a real date.
 * @example checkIdCardNumber('11010519491231002x') // { valid: true, normalised: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', upgraded: false }
 */
export function checkIdCardNumber(input: string): IdCardCheck {
  const compact = input.replace(/\s/g, '').toUpperCase();
  let body: string;
  let upgraded = false;
  if (/^\d{15}$/.test(compact)) {
    body = `${compact.slice(0, 6)}19${compact.slice(6)}`;
    upgraded = true;
  } else if (/^\d{17}[\dX]$/.test(compact)) {
    body = compact.slice(0, 17);
  } else {
    return { valid: false, code: 'validation.idCard.invalid' };
  }
  const birthDate = birthDateOf(body);
  if (!isCalendarDay(birthDate) || birthDate < '1800-01-01') return { valid: false, code: 'validation.idCard.birthDate' };
  const check = idCardCheckCharacter(body);
  if (!upgraded && compact[17] !== check) return { valid: false, code: 'validation.idCard.checksum' };
  return { valid: true, normalised: body + check, birthDate, sex: Number(body[16]) % 2 === 1 ? 'male' : 'female', upgraded };
}

/**
 * Masks an ID card number for lists: first 6 and last 4 characters (DOMAIN.md §8).
 * @example maskIdCardNumber('11010519491231002X') // '110105********002X'
 */
export function maskIdCardNumber(normalised: string): string {
  if (normalised.length <= 10) return '*'.repeat(normalised.length);
  return normalised.slice(0, 6) + '*'.repeat(normalised.length - 10) + normalised.slice(-4);
}

/** A 居民身份证号, normalised to 18 characters. @example IdCardNumber.parse('110105491231002') // '11010519491231002X' */
export const IdCardNumber = z.string({ message: 'validation.idCard.invalid' }).transform((value, context) => {
  const result = checkIdCardNumber(value);
  if (!result.valid) {
    context.addIssue({ code: 'custom', message: result.code });
    return z.NEVER;
  }
  return result.normalised;
});
export type IdCardNumber = z.infer<typeof IdCardNumber>;
