import { z } from 'zod';
import { MobileNumber } from '../identity/mobile.ts';
import { PetitionStatus } from '../petition/petition.ts';

/** Letters, CJK, the middle dot of minority names, spaces: no digits or markup in a name. */
const namePattern = /^[\p{L}\p{M}·•.\s'-]+$/u;

/** A person's name as typed: trimmed, 1–50 characters, letters only. */
export const PersonName = z
  .string({ message: 'validation.name.invalid' })
  .trim()
  .min(1, 'validation.required')
  .max(50, 'validation.name.invalid')
  .regex(namePattern, 'validation.name.invalid');

/** Free text describing the matter: 5–5000 characters after trimming. */
export const MatterText = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .min(5, 'validation.text.tooShort')
  .max(5000, 'validation.text.tooLong');

/**
 * What a visitor submits at the kiosk (访转网) in the first, thin version: who, how to reach them, what happened.
 * The idempotency key makes a double tap or a retry create one petition.
 */
export const KioskSubmission = z.object({
  name: PersonName,
  mobile: MobileNumber,
  content: MatterText,
  idempotencyKey: z.string().uuid('validation.invalid'),
});
export type KioskSubmission = z.input<typeof KioskSubmission>;

export const KioskReceipt = z.object({
  trackingCode: z.string(),
  receivedAt: z.string(),
  status: PetitionStatus,
});
export type KioskReceipt = z.infer<typeof KioskReceipt>;

/** What the kiosk needs from the server at start: which hall it stands in, and its idle timings. */
export const KioskConfiguration = z.object({
  hallCode: z.string(),
  hallNameZh: z.string(),
  hallNameEn: z.string(),
  idleWarningSeconds: z.number().int().positive(),
  idleResetSeconds: z.number().int().positive(),
});
export type KioskConfiguration = z.infer<typeof KioskConfiguration>;
