import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';

/** What a 信访处理意见书 decides. */
export const ReplyOutcome = z.enum(['support', 'explain', 'notSupport']);
export type ReplyOutcome = z.infer<typeof ReplyOutcome>;

export const replyOutcomeLabels = {
  support: { zh: '予以支持', en: 'Supported' },
  explain: { zh: '解释说明', en: 'Explained' },
  notSupport: { zh: '不予支持', en: 'Not supported' },
} as const satisfies Record<ReplyOutcome, BilingualMessage>;

/** What a review (复查) or recheck (复核) decides about the decision below it. */
export const AppealOutcome = z.enum(['upheld', 'changed', 'revoked']);
export type AppealOutcome = z.infer<typeof AppealOutcome>;

export const appealOutcomeLabels = {
  upheld: { zh: '维持', en: 'Upheld' },
  changed: { zh: '变更', en: 'Changed' },
  revoked: { zh: '撤销', en: 'Revoked' },
} as const satisfies Record<AppealOutcome, BilingualMessage>;

/** The documents that are served on the petitioner and start their windows (送达). */
export const ServedDocument = z.enum(['reply', 'reviewAnswer', 'recheckAnswer']);
export type ServedDocument = z.infer<typeof ServedDocument>;

export const servedDocumentLabels = {
  reply: { zh: '信访处理意见书', en: 'Reply' },
  reviewAnswer: { zh: '复查意见书', en: 'Review decision' },
  recheckAnswer: { zh: '复核意见书', en: 'Recheck decision' },
} as const satisfies Record<ServedDocument, BilingualMessage>;
