import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { CalendarDay } from '../time/calendar-day.ts';
import { IsoInstant } from '../time/iso-instant.ts';

export const MediationResult = z.enum(['agreement', 'terminated']);
export type MediationResult = z.infer<typeof MediationResult>;
export const mediationResultLabels = {
  agreement: { zh: '达成调解协议', en: 'Agreement reached' },
  terminated: { zh: '调解终止，告知其他途径', en: 'Terminated; other routes explained' },
} as const satisfies Record<MediationResult, BilingualMessage>;

export const JudicialConfirmationResult = z.enum(['pending', 'confirmed', 'rejected']);
export type JudicialConfirmationResult = z.infer<typeof JudicialConfirmationResult>;
export const judicialConfirmationResultLabels = {
  pending: { zh: '审查中', en: 'Pending' },
  confirmed: { zh: '裁定确认有效', en: 'Confirmed' },
  rejected: { zh: '驳回申请', en: 'Rejected' },
} as const satisfies Record<JudicialConfirmationResult, BilingualMessage>;

/** 人民调解: voluntary mediation, its sessions, agreement and judicial confirmation (人民调解法 Art. 33: within 30 days). */
export const Mediation = z.object({
  id: z.string().uuid(),
  petitionId: z.string().uuid().optional(),
  mediatorStaffId: z.string().uuid(),
  parties: z.array(z.object({ name: z.string().min(1), role: z.enum(['applicant', 'respondent']) })).min(2),
  sessions: z.array(z.object({ heldAt: IsoInstant, note: z.string().max(5000).optional() })).default([]),
  result: MediationResult.optional(),
  agreementText: z.string().max(20000, 'validation.text.tooLong').optional(),
  agreementEffectiveOn: CalendarDay.optional(),
  judicialConfirmation: z.object({ appliedOn: CalendarDay, court: z.string().min(1), result: JudicialConfirmationResult }).optional(),
});
export type Mediation = z.infer<typeof Mediation>;
