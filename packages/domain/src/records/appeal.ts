import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';
import { AppealOutcome } from './reply.ts';

/** 复查 (review, one level above the replying unit) and 复核 (recheck, one level above the reviewer). */
export const AppealLevel = z.enum(['review', 'recheck']);
export type AppealLevel = z.infer<typeof AppealLevel>;

export const appealLevelLabels = {
  review: { zh: '复查', en: 'Review' },
  recheck: { zh: '复核', en: 'Recheck' },
} as const satisfies Record<AppealLevel, BilingualMessage>;

export const Appeal = z.object({
  petitionId: z.string().uuid(),
  level: AppealLevel,
  unitId: z.string().uuid(),
  requestedAt: IsoInstant,
  reason: z.string().trim().min(1, 'validation.required'),
  outcome: AppealOutcome.optional(),
  answeredAt: IsoInstant.optional(),
  deliveredAt: IsoInstant.optional(),
  /** Hearing time is excluded from the answer clock (Art. 36). */
  hearingHeld: z.boolean().default(false),
});
export type Appeal = z.infer<typeof Appeal>;
