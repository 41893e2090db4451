import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';

/** Written notices to the petitioner, each recorded with when and how it was served. */
export const NoticeKind = z.enum(['receipt', 'notAccepted', 'diversion', 'extension', 'reply', 'reviewAnswer', 'recheckAnswer']);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const noticeKindLabels = {
  receipt: { zh: '受理告知书', en: 'Notice of receipt' },
  notAccepted: { zh: '不予受理告知书', en: 'Notice of non-acceptance' },
  diversion: { zh: '法定途径告知书', en: 'Notice of the statutory channel' },
  extension: { zh: '延期告知书', en: 'Notice of extension' },
  reply: { zh: '信访处理意见书', en: 'Reply' },
  reviewAnswer: { zh: '复查意见书', en: 'Review decision' },
  recheckAnswer: { zh: '复核意见书', en: 'Recheck decision' },
} as const satisfies Record<NoticeKind, BilingualMessage>;

export const ServiceMethod = z.enum(['inPerson', 'post', 'online', 'sms']);
export type ServiceMethod = z.infer<typeof ServiceMethod>;

export const serviceMethodLabels = {
  inPerson: { zh: '当面送达', en: 'In person' },
  post: { zh: '邮寄送达', en: 'By post' },
  online: { zh: '网上送达', en: 'Online' },
  sms: { zh: '短信告知', en: 'By SMS' },
} as const satisfies Record<ServiceMethod, BilingualMessage>;

export const Notice = z.object({
  id: z.string().uuid(),
  petitionId: z.string().uuid(),
  kind: NoticeKind,
  text: z.string().trim().min(1, 'validation.required').max(20000, 'validation.text.tooLong'),
  issuedAt: IsoInstant,
  method: ServiceMethod,
  deliveredAt: IsoInstant.optional(),
});
export type Notice = z.infer<typeof Notice>;
