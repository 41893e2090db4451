import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import type { PetitionAction } from '../workflow/petition-action.ts';

/** The written notices the workflow issues (DOMAIN.md §3; 信访工作条例 Arts. 23, 31, 33–36). */
export const DocumentKind = z.enum([
  'legalGuidance',
  'diversion',
  'receipt',
  'notAccepted',
  'notReaccepted',
  'extension',
  'reply',
  'reviewAnswer',
  'recheckAnswer',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const documentKindLabels = {
  legalGuidance: { zh: '法律指引告知书', en: 'Legal guidance letter' },
  diversion: { zh: '法定途径告知书', en: 'Notice of the statutory channel' },
  receipt: { zh: '受理告知书', en: 'Notice of acceptance' },
  notAccepted: { zh: '不予受理告知书', en: 'Notice of non-acceptance' },
  notReaccepted: { zh: '不再受理告知书', en: 'Notice of no further acceptance' },
  extension: { zh: '延期告知书', en: 'Notice of extension' },
  reply: { zh: '信访事项处理意见书', en: 'Decision on the petition' },
  reviewAnswer: { zh: '信访事项复查意见书', en: 'Review decision' },
  recheckAnswer: { zh: '信访事项复核意见书', en: 'Recheck decision' },
} as const satisfies Record<DocumentKind, BilingualMessage>;

/** The word in each serial number: 福信受〔2026〕0001号. */
export const documentSerialWords = {
  legalGuidance: '指',
  diversion: '导',
  receipt: '受',
  notAccepted: '不受',
  notReaccepted: '不再受',
  extension: '延',
  reply: '处',
  reviewAnswer: '复查',
  recheckAnswer: '复核',
} as const satisfies Record<DocumentKind, string>;

/**
 * A notice's serial number: the bureau's prefix, the word of its kind, the year and a per-kind, per-year number.
 * @example formatSerialNumber('receipt', 2026, 7) // '福信受〔2026〕0007号'
 */
export function formatSerialNumber(kind: DocumentKind, year: number, number: number, prefix = '福信'): string {
  return `${prefix}${documentSerialWords[kind]}〔${year}〕${String(number).padStart(4, '0')}号`;
}

/**
 * The notice an action issues, if any; a refusal after a recheck is a 不再受理 notice.
 * @example documentKindOfAction('acknowledgeReceipt') // 'receipt'
 */
export function documentKindOfAction(action: PetitionAction, notAcceptReason?: string): DocumentKind | undefined {
  switch (action) {
    case 'triage':
      return 'legalGuidance';
    case 'divert':
      return 'diversion';
    case 'acknowledgeReceipt':
      return 'receipt';
    case 'notAccept':
      return notAcceptReason === 'repeatAfterRecheck' ? 'notReaccepted' : 'notAccepted';
    case 'approveExtension':
      return 'extension';
    case 'reply':
      return 'reply';
    case 'answerReview':
      return 'reviewAnswer';
    case 'answerRecheck':
      return 'recheckAnswer';
    default:
      return undefined;
  }
}

/** One paragraph of a notice: an optional heading and its text. */
export const DocumentSection = z.object({ heading: z.string().optional(), text: z.string() });

/** A notice as issued: frozen at the moment of issue, rendered by the console as an A4 page. */
export const PetitionDocument = z.object({
  id: z.string().uuid(),
  petitionId: z.string().uuid(),
  kind: DocumentKind,
  title: z.string(),
  serialNumber: z.string(),
  issuedAt: z.string(),
  /** The date printed on the notice (Asia/Shanghai), e.g. 2026年11月25日. */
  dateText: z.string(),
  issuingUnitName: z.string(),
  addressee: z.string(),
  trackingCode: z.string(),
  summary: z.string(),
  receivedOn: z.string(),
  sections: z.array(DocumentSection),
});
export type PetitionDocument = z.infer<typeof PetitionDocument>;
