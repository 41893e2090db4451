import { z } from 'zod';

const mobilePattern = /^(?:\+?86)?(1[3-9]\d{9})$/;

/**
 * Normalises a mainland mobile number (DOMAIN.md §9): removes spaces and hyphens and the +86 prefix.
 * Returns undefined when it is not a mobile number.
 * @example normaliseMobile('+86 138-0013-8000') // '13800138000'
 */
export function normaliseMobile(input: string): string | undefined {
  const compact = input.replace(/[\s-]/g, '');
  return mobilePattern.exec(compact)?.[1];
}

/** A mainland mobile number, normalised to 11 digits. @example MobileNumber.parse('138 0013 8000') // '13800138000' */
export const MobileNumber = z
  .string({ message: 'validation.mobile.invalid' })
  .transform((value, context) => {
    const normalised = normaliseMobile(value);
    if (!normalised) {
      context.addIssue({ code: 'custom', message: 'validation.mobile.invalid' });
      return z.NEVER;
    }
    return normalised;
  });
export type MobileNumber = z.infer<typeof MobileNumber>;
