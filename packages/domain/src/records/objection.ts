import { z } from 'zod';
import { IsoInstant } from '../time/iso-instant.ts';

/** 异议: the unit says a routed matter is outside its remit, within 5 working days of receiving it (Art. 23). */
export const Objection = z.object({
  petitionId: z.string().uuid(),
  unitId: z.string().uuid(),
  reason: z.string().trim().min(1, 'validation.required').max(5000, 'validation.text.tooLong'),
  suggestedUnitId: z.string().uuid().optional(),
  raisedAt: IsoInstant,
});
export type Objection = z.infer<typeof Objection>;
