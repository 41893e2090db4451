import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { CalendarDay } from '../time/calendar-day.ts';

export const CaseReviewResult = z.enum(['pending', 'accepted', 'returned', 'concluded']);
export type CaseReviewResult = z.infer<typeof CaseReviewResult>;

export const caseReviewResultLabels = {
  pending: { zh: '待审', en: 'Pending' },
  accepted: { zh: '已受理', en: 'Accepted' },
  returned: { zh: '退回补充', en: 'Returned for more material' },
  concluded: { zh: '已审结', en: 'Concluded' },
} as const satisfies Record<CaseReviewResult, BilingualMessage>;

/** 案审: a bone case submitted to the city's case-review mechanism, in batches. */
export const CaseReviewSubmission = z.object({
  id: z.string().uuid(),
  hardCaseId: z.string().uuid(),
  batch: z.string().min(1),
  submittedOn: CalendarDay,
  result: CaseReviewResult.default('pending'),
  conclusion: z.string().max(20000, 'validation.text.tooLong').optional(),
});
export type CaseReviewSubmission = z.infer<typeof CaseReviewSubmission>;
