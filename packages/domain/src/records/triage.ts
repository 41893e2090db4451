import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { ClaimRoute } from '../petition/claim-route.ts';
import { PetitionClass } from '../petition/petition.ts';
import { IsoInstant } from '../time/iso-instant.ts';

/** Whether the visitor accepted the diversion to a statutory channel (疏导成功). */
export const DiversionOutcome = z.enum(['accepted', 'refused']);
export type DiversionOutcome = z.infer<typeof DiversionOutcome>;

export const diversionOutcomeLabels = {
  accepted: { zh: '接受疏导', en: 'Accepted the diversion' },
  refused: { zh: '未接受疏导', en: 'Refused the diversion' },
} as const satisfies Record<DiversionOutcome, BilingualMessage>;

/** 访前甄别: the lawyer's classification of a matter at the pre-visit legal studio. */
export const TriageRecord = z.object({
  petitionId: z.string().uuid(),
  lawyerStaffId: z.string().uuid(),
  triagedAt: IsoInstant,
  petitionClass: PetitionClass,
  claimRoute: ClaimRoute.optional(),
  /** 涉法涉诉: the matter belongs to litigation, arbitration or another statutory channel. */
  litigationRelated: z.boolean(),
  canHandle: z.boolean(),
  guidance: z.string().trim().min(1, 'validation.required').max(5000, 'validation.text.tooLong'),
  legalBasis: z.string().max(2000, 'validation.text.tooLong').optional(),
  diversionOutcome: DiversionOutcome.optional(),
  /** Follow-up: did the visitor file in the statutory channel? */
  filedInChannel: z.boolean().optional(),
  personCount: z.number().int().positive().default(1),
});
export type TriageRecord = z.infer<typeof TriageRecord>;
