import { z } from 'zod';
import type { MessageCode } from '../messages/messages.ts';

/** GB 32100 characters: digits and capitals without I, O, S, V, Z; a character's value is its index. */
export const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const modulus = creditCodeAlphabet.length; // 31
const weights = Array.from({ length: 17 }, (_, index) => 3 ** index % modulus);
const pattern = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The result of checking a 统一社会信用代码: a format failure is an error, a checksum failure only a warning. */
export type CreditCodeCheck =
  | { readonly wellFormed: true; readonly normalised: string; readonly checksumValid: boolean; readonly warning?: MessageCode | undefined }
  | { readonly wellFormed: false; readonly code: MessageCode };

/**
 * The check character of the first 17 characters: 31 − (Σ value·3^(i−1) mod 31) mod 31, with 31 written 0.
 * @example creditCodeCheckCharacter('91350100M000100Y4') // '3'
 */
export function creditCodeCheckCharacter(body: string): string {
  const sum = [...body].reduce((total, character, index) => total + creditCodeAlphabet.indexOf(character) * (weights[index] ?? 0), 0);
  return creditCodeAlphabet[(modulus - (sum % modulus)) % modulus] ?? '';
}

/**
 * Checks a 统一社会信用代码. Old codes with a wrong check character exist, so a checksum failure comes back as a
 * warning (`validation.creditCode.checksum`) a person may override, not as an error.
 * @example checkCreditCode('91350100m000100y43') // { wellFormed: true, normalised: '91350100M000100Y43', checksumValid: true }
 */
export function checkCreditCode(input: string): CreditCodeCheck {
  const normalised = input.replace(/[\s-]/g, '').toUpperCase();
  if (!pattern.test(normalised)) return { wellFormed: false, code: 'validation.creditCode.invalid' };
  const checksumValid = creditCodeCheckCharacter(normalised.slice(0, 17)) === normalised[17];
  return checksumValid ? { wellFormed: true, normalised, checksumValid } : { wellFormed: true, normalised, checksumValid, warning: 'validation.creditCode.checksum' };
}

/**
 * A 统一社会信用代码, normalised; only the format is enforced (use {@link checkCreditCode} for the warning).
 * @example CreditCode.parse('91350100M000100Y43') // '91350100M000100Y43'
 */
export const CreditCode = z.string({ message: 'validation.creditCode.invalid' }).transform((value, context) => {
  const result = checkCreditCode(value);
  if (!result.wellFormed) {
    context.addIssue({ code: 'custom', message: result.code });
    return z.NEVER;
  }
  return result.normalised;
});
export type CreditCode = z.infer<typeof CreditCode>;
