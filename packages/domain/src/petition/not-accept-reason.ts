import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';

/** Why a matter is not accepted (不予受理 / 不再受理). */
export const NotAcceptReason = z.enum(['outsideScope', 'statutoryChannel', 'repeatAfterRecheck', 'other']);
export type NotAcceptReason = z.infer<typeof NotAcceptReason>;

export const notAcceptReasonLabels = {
  outsideScope: { zh: '不属于信访受理范围', en: 'Outside the scope of petition work' },
  statutoryChannel: { zh: '应通过法定途径解决', en: 'Belongs to a statutory channel' },
  repeatAfterRecheck: { zh: '已复核终结，同一事实和理由不再受理', en: 'Already rechecked; same facts and reasons not accepted again' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<NotAcceptReason, BilingualMessage>;
