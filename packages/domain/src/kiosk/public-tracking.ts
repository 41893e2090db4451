import { z } from 'zod';
import { ClockKind } from '../clocks/clock-kind.ts';
import { MobileNumber } from '../identity/mobile.ts';
import { PetitionStatus } from '../petition/petition.ts';
import { EvaluationRating } from '../records/evaluation.ts';
import { SafeText } from '../text/safe-text.ts';
import { parseTrackingCode } from '../tracking/tracking-code.ts';
import type { BilingualMessage } from '../messages/messages.ts';
import type { PetitionEventType } from '../workflow/petition-event.ts';

const Bilingual = z.object({ zh: z.string(), en: z.string() });

/** A tracking code as typed: case, spaces and hyphens do not matter; normalised to `XXXX-XXXX-XX`. */
export const TrackingCodeInput = z.string({ message: 'validation.trackingCode.invalid' }).transform((value, context) => {
  const parsed = parseTrackingCode(value);
  if (parsed === undefined) {
    context.addIssue({ code: 'custom', message: 'validation.trackingCode.invalid' });
    return z.NEVER;
  }
  return parsed;
});

/** The second factor of a public lookup: the last 4 digits of the mobile number given at submission. */
export const MobileLast4 = z.string({ message: 'tracking.last4.invalid' }).trim().regex(/^\d{4}$/, 'tracking.last4.invalid');

/**
 * A public lookup: tracking code + last 4 digits of the mobile number (DOMAIN.md §8). `mobile`, the full number given at
 * submission, opens a code whose last-4 budget strangers have used up (see `trackingCodeBudget`); when it is present it
 * is what is checked.
 */
export const TrackingLookup = z.object({ trackingCode: TrackingCodeInput, mobileLast4: MobileLast4, mobile: MobileNumber.optional() });
export type TrackingLookup = z.input<typeof TrackingLookup>;

/** One step of the public timeline: only steps a petitioner should see, with plain labels. */
export const PublicTimelineStep = z.object({ type: z.string(), label: Bilingual, occurredAt: z.string(), detail: Bilingual.nullable() });
export type PublicTimelineStep = z.infer<typeof PublicTimelineStep>;

/** A due date the petitioner may rely on, with how it was counted. */
export const PublicDueDate = z.object({
  kind: ClockKind,
  label: Bilingual,
  party: z.enum(['unit', 'petitioner']),
  dueOn: z.string(),
  state: z.enum(['running', 'paused', 'stopped']),
  explanation: Bilingual,
  uncertain: z.boolean(),
});
export type PublicDueDate = z.infer<typeof PublicDueDate>;

/** A document issued to the petitioner (告知书, 处理意见书, 不予受理告知书…). */
export const PublicNotice = z.object({ kind: z.string(), title: Bilingual, issuedAt: z.string(), text: z.string() });
export type PublicNotice = z.infer<typeof PublicNotice>;

/** What a public lookup shows: the petitioner's own matter, never anyone else's personal data. */
export const PublicTimeline = z.object({
  trackingCode: z.string(),
  status: PetitionStatus,
  statusLabel: Bilingual,
  receivedAt: z.string(),
  handlingUnit: Bilingual.nullable(),
  steps: z.array(PublicTimelineStep),
  dueDates: z.array(PublicDueDate),
  notices: z.array(PublicNotice),
  evaluation: EvaluationRating.nullable(),
  canRate: z.boolean(),
  canRequestReview: z.boolean(),
  /** The last day a review may be requested (30 days from receiving the reply, Art. 35). */
  reviewWindowEndsOn: z.string().nullable(),
});
export type PublicTimeline = z.infer<typeof PublicTimeline>;

/** A petitioner's rating of the reply, with an optional comment. */
export const RateInput = TrackingLookup.extend({
  rating: EvaluationRating,
  comment: SafeText.trim().max(500, 'validation.text.tooLong').default(''),
});
export type RateInput = z.input<typeof RateInput>;

/** A petitioner's review request (申请复查) with the reasons. */
export const ReviewRequestInput = TrackingLookup.extend({
  reason: SafeText.trim().min(1, 'validation.required').min(5, 'validation.text.tooShort').max(2000, 'validation.text.tooLong'),
});
export type ReviewRequestInput = z.input<typeof ReviewRequestInput>;

/** The labels a petitioner sees for the steps of their matter; internal steps (recusal, clock pauses…) are left out. */
export const publicStepLabels: Partial<Record<PetitionEventType, BilingualMessage>> = {
  registered: { zh: '已收到您反映的事项', en: 'Your matter was received' },
  triaged: { zh: '完成初步审查', en: 'First examination done' },
  diverted: { zh: '已告知您应通过的法定途径', en: 'You were told the statutory channel to use' },
  mediationStarted: { zh: '进入人民调解', en: 'Mediation started' },
  mediationConcluded: { zh: '调解结束', en: 'Mediation ended' },
  routed: { zh: '已转交办理单位', en: 'Passed to the responsible unit' },
  receiptAcknowledged: { zh: '办理单位已受理并告知', en: 'The responsible unit accepted the matter' },
  objected: { zh: '正在重新确定办理单位', en: 'Finding the right responsible unit' },
  handlingStarted: { zh: '开始办理', en: 'Handling started' },
  extensionApproved: { zh: '办理期限依法延长', en: 'The time limit was extended as the law allows' },
  replied: { zh: '已出具处理意见', en: 'A written reply was issued' },
  deliveryRecorded: { zh: '文书已送达', en: 'A document was delivered' },
  deliveryCorrected: { zh: '文书送达日期已更正', en: 'The delivery date of a document was corrected' },
  evaluationRecorded: { zh: '您已评价', en: 'You rated the reply' },
  reviewRequested: { zh: '您已申请复查', en: 'You requested a review' },
  reviewAnswered: { zh: '已出具复查意见', en: 'The review was answered' },
  recheckRequested: { zh: '您已申请复核', en: 'You requested a recheck' },
  recheckAnswered: { zh: '已出具复核意见', en: 'The recheck was answered' },
  closed: { zh: '已办结', en: 'Concluded' },
  notAccepted: { zh: '不予受理，已告知理由', en: 'Not accepted; you were told why' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  merged: { zh: '已与您此前反映的事项合并办理', en: 'Merged with your earlier matter' },
};
