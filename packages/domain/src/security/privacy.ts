import { z } from 'zod';

/** The personal values a reveal can show in full; lists only ever show the masked form. */
export const RevealField = z.enum(['mobile', 'idNumber', 'address']);
export type RevealField = z.infer<typeof RevealField>;

export const revealFieldLabels = {
  mobile: { zh: '手机号码', en: 'Mobile number' },
  idNumber: { zh: '身份证号码', en: 'ID number' },
  address: { zh: '住址', en: 'Address' },
} as const satisfies Record<RevealField, { zh: string; en: string }>;

/** A reveal needs the record, the field and a stated reason (kept in the audit log). */
export const RevealInput = z.object({
  petitionId: z.string().uuid('validation.invalid'),
  /** One of the petition's persons (a collective visit lists several); the main petitioner when left out. */
  petitionerId: z.string().uuid('validation.invalid').optional(),
  field: RevealField,
  reason: z.string().trim().min(4, 'validation.text.tooShort').max(200, 'validation.text.tooLong'),
});
export type RevealInput = z.infer<typeof RevealInput>;

export const RevealResult = z.object({ field: RevealField, value: z.string() });
export type RevealResult = z.infer<typeof RevealResult>;
