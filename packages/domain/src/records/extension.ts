import { z } from 'zod';
import { IsoInstant } from '../time/iso-instant.ts';
import { maximumExtensionDays } from '../workflow/guards.ts';

/** 延期: once, at most 30 days, approved by the unit's head, the reason told to the petitioner (Art. 34). */
export const Extension = z.object({
  petitionId: z.string().uuid(),
  days: z.number().int().positive().max(maximumExtensionDays, 'workflow.extension.tooLong'),
  reason: z.string().trim().min(1, 'validation.required'),
  requestedByStaffId: z.string().uuid(),
  approvedByStaffId: z.string().uuid(),
  approvedAt: IsoInstant,
  petitionerNotifiedAt: IsoInstant.optional(),
});
export type Extension = z.infer<typeof Extension>;
