import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';

export const ReliefApprovalStep = z.enum(['proposed', 'unitApproved', 'bureauApproved', 'paid', 'rejected']);
export type ReliefApprovalStep = z.infer<typeof ReliefApprovalStep>;

export const reliefApprovalStepLabels = {
  proposed: { zh: '已提出', en: 'Proposed' },
  unitApproved: { zh: '单位审核通过', en: 'Approved by the unit' },
  bureauApproved: { zh: '信访局审批通过', en: 'Approved by the bureau' },
  paid: { zh: '已发放', en: 'Paid' },
  rejected: { zh: '未获批准', en: 'Rejected' },
} as const satisfies Record<ReliefApprovalStep, BilingualMessage>;

/** 信访救助: hardship relief, in fen (分) to avoid floating point, with its approval chain. */
export const Relief = z.object({
  id: z.string().uuid(),
  hardCaseId: z.string().uuid().optional(),
  petitionId: z.string().uuid(),
  amountFen: z.number().int().positive(),
  reason: z.string().trim().min(1, 'validation.required'),
  approvals: z.array(z.object({ step: ReliefApprovalStep, staffId: z.string().uuid(), at: IsoInstant, note: z.string().optional() })).default([]),
});
export type Relief = z.infer<typeof Relief>;
