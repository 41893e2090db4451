import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';

/** The clocks of DOMAIN.md §4. */
export const ClockKind = z.enum([
  'route',
  'receiptNotice',
  'objection',
  'conclude',
  'requestReview',
  'answerReview',
  'requestRecheck',
  'answerRecheck',
  'judicialConfirmation',
]);
export type ClockKind = z.infer<typeof ClockKind>;

export const clockKindLabels = {
  route: { zh: '转送交办', en: 'Routing' },
  receiptNotice: { zh: '受理告知', en: 'Receipt notice' },
  objection: { zh: '提出异议', en: 'Objection' },
  conclude: { zh: '办结答复', en: 'Conclusion and reply' },
  requestReview: { zh: '申请复查', en: 'Requesting a review' },
  answerReview: { zh: '复查答复', en: 'Answering a review' },
  requestRecheck: { zh: '申请复核', en: 'Requesting a recheck' },
  answerRecheck: { zh: '复核答复', en: 'Answering a recheck' },
  judicialConfirmation: { zh: '申请司法确认', en: 'Applying for judicial confirmation' },
} as const satisfies Record<ClockKind, BilingualMessage>;

/** Why a clock stands still. */
export const PauseReason = z.enum(['hearing', 'awaitingPetitioner', 'other']);
export type PauseReason = z.infer<typeof PauseReason>;

export const pauseReasonLabels = {
  hearing: { zh: '听证期间', en: 'Hearing in progress' },
  awaitingPetitioner: { zh: '等待信访人补充材料', en: 'Waiting for the petitioner' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<PauseReason, BilingualMessage>;
