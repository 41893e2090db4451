import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';

/** A petition's status (DOMAIN.md §3). */
export const PetitionStatus = z.enum([
  'registered',
  'triaged',
  'diverted',
  'mediating',
  'routed',
  'received',
  'handling',
  'extended',
  'replied',
  'evaluated',
  'reviewRequested',
  'reviewed',
  'recheckRequested',
  'rechecked',
  'closed',
  'objected',
  'notAccepted',
  'withdrawn',
  'merged',
]);
export type PetitionStatus = z.infer<typeof PetitionStatus>;

/** What staff see for each status. */
export const petitionStatusStaffLabels = {
  registered: { zh: '已登记', en: 'Registered' },
  triaged: { zh: '已甄别', en: 'Triaged' },
  diverted: { zh: '已分流', en: 'Diverted' },
  mediating: { zh: '调解中', en: 'In mediation' },
  routed: { zh: '已转送', en: 'Routed' },
  received: { zh: '已告知受理', en: 'Receipt notified' },
  handling: { zh: '办理中', en: 'Handling' },
  extended: { zh: '已延期', en: 'Extended' },
  replied: { zh: '已答复', en: 'Replied' },
  evaluated: { zh: '已评价', en: 'Evaluated' },
  reviewRequested: { zh: '复查申请中', en: 'Review requested' },
  reviewed: { zh: '已复查', en: 'Reviewed' },
  recheckRequested: { zh: '复核申请中', en: 'Recheck requested' },
  rechecked: { zh: '已复核', en: 'Rechecked' },
  closed: { zh: '已办结', en: 'Closed' },
  objected: { zh: '异议退回', en: 'Objected' },
  notAccepted: { zh: '不予受理', en: 'Not accepted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  merged: { zh: '已合并', en: 'Merged' },
} as const satisfies Record<PetitionStatus, BilingualMessage>;

/** What the petitioner sees: fewer, plainer steps; internal states are not exposed. */
export const petitionStatusPublicLabels = {
  registered: { zh: '已收到', en: 'Received' },
  triaged: { zh: '正在审查', en: 'Being examined' },
  diverted: { zh: '已引导至法定途径', en: 'Referred to the statutory channel' },
  mediating: { zh: '调解中', en: 'In mediation' },
  routed: { zh: '已转交办理单位', en: 'Passed to the responsible unit' },
  received: { zh: '办理单位已受理', en: 'Accepted by the responsible unit' },
  handling: { zh: '办理中', en: 'Being handled' },
  extended: { zh: '办理中（已延期）', en: 'Being handled (extended)' },
  replied: { zh: '已答复', en: 'Answered' },
  evaluated: { zh: '已评价', en: 'Rated' },
  reviewRequested: { zh: '复查中', en: 'Under review' },
  reviewed: { zh: '已复查', en: 'Reviewed' },
  recheckRequested: { zh: '复核中', en: 'Under recheck' },
  rechecked: { zh: '已复核', en: 'Rechecked' },
  closed: { zh: '已办结', en: 'Concluded' },
  objected: { zh: '正在重新确定办理单位', en: 'Finding the responsible unit' },
  notAccepted: { zh: '不予受理', en: 'Not accepted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  merged: { zh: '已与您此前反映的事项合并办理', en: 'Merged with your earlier matter' },
} as const satisfies Record<PetitionStatus, BilingualMessage>;

/** How a matter reached the bureau (渠道). */
export const Channel = z.enum(['online', 'letter', 'visit', 'phone', 'fax']);
export type Channel = z.infer<typeof Channel>;

export const channelLabels = {
  online: { zh: '网上', en: 'Online' },
  letter: { zh: '来信', en: 'Letter' },
  visit: { zh: '来访', en: 'Visit' },
  phone: { zh: '来电', en: 'Phone' },
  fax: { zh: '传真', en: 'Fax' },
} as const satisfies Record<Channel, BilingualMessage>;

/** 信访类别 (Arts. 29–31). */
export const PetitionClass = z.enum(['suggestion', 'accusation', 'claim']);
export type PetitionClass = z.infer<typeof PetitionClass>;

export const petitionClassLabels = {
  suggestion: { zh: '建议意见类', en: 'Suggestion' },
  accusation: { zh: '检举控告类', en: 'Accusation' },
  claim: { zh: '申诉求决类', en: 'Claim' },
} as const satisfies Record<PetitionClass, BilingualMessage>;

/** Clock light (亮灯). */
export const Light = z.enum(['green', 'yellow', 'red']);
export type Light = z.infer<typeof Light>;

/** One row of a work queue, as staff see it: identity already masked. */
export const PetitionListItem = z.object({
  id: z.string().uuid(),
  trackingCode: z.string(),
  status: PetitionStatus,
  channel: Channel,
  kioskAssisted: z.boolean(),
  summary: z.string(),
  petitionClass: PetitionClass.nullable(),
  /** Masked for an accusation when the reader may not see the accuser. */
  petitionerName: z.string(),
  mobileMasked: z.string().nullable(),
  hallName: z.string(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  light: Light.nullable(),
  version: z.number().int(),
});
export type PetitionListItem = z.infer<typeof PetitionListItem>;

/** Where a keyset page ends: the sort key of its last row, checked as it goes into the query (a storable instant, a uuid). */
export const PageCursor = z.object({ receivedAt: IsoInstant, id: z.string().uuid('validation.invalid') });
export type PageCursor = z.infer<typeof PageCursor>;

export const PetitionListQuery = z.object({
  statuses: z.array(PetitionStatus).max(20).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  after: PageCursor.optional(),
});
export type PetitionListQuery = z.input<typeof PetitionListQuery>;

export const PetitionListPage = z.object({
  items: z.array(PetitionListItem),
  nextCursor: PageCursor.nullable(),
  total: z.number().int(),
});
export type PetitionListPage = z.infer<typeof PetitionListPage>;
