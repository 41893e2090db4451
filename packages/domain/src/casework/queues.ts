import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { Channel, Light, PetitionClass, PetitionStatus } from '../petition/petition.ts';
import { SafeText } from '../text/safe-text.ts';
import { CalendarDay } from '../time/calendar-day.ts';
import { IsoInstant } from '../time/iso-instant.ts';

/**
 * The work queues of the console. Status queues partition the open statuses; `dueSoon` (临期) and `overdue` (超期)
 * cut across them by light; `finished` holds final statuses; `all` is everything in the reader's jurisdiction.
 */
export const QueueKey = z.enum([
  'pendingRegistration',
  'pendingTriage',
  'pendingRouting',
  'pendingReceipt',
  'handling',
  'pendingReply',
  'pendingEvaluation',
  'appeals',
  'dueSoon',
  'overdue',
  'finished',
  'all',
]);
export type QueueKey = z.infer<typeof QueueKey>;

export const queueLabels = {
  pendingRegistration: { zh: '待登记', en: 'To register' },
  pendingTriage: { zh: '待甄别', en: 'To triage' },
  pendingRouting: { zh: '待转送', en: 'To route' },
  pendingReceipt: { zh: '待告知', en: 'Receipt notice due' },
  handling: { zh: '办理中', en: 'Accepted' },
  pendingReply: { zh: '待答复', en: 'Reply due' },
  pendingEvaluation: { zh: '待评价', en: 'To evaluate' },
  appeals: { zh: '复查复核', en: 'Review & recheck' },
  dueSoon: { zh: '临期', en: 'Due soon' },
  overdue: { zh: '超期', en: 'Overdue' },
  finished: { zh: '已终结', en: 'Finished' },
  all: { zh: '全部', en: 'All' },
} as const satisfies Record<QueueKey, BilingualMessage>;

/** Statuses from which nothing more happens. */
export const finishedStatuses = ['closed', 'notAccepted', 'withdrawn', 'merged'] as const satisfies readonly PetitionStatus[];

/**
 * Which statuses each status queue holds. 待登记 are matters the public submitted themselves (kiosk, online) that no
 * officer has checked yet; 待甄别 those an officer registered. 办理中 is accepted but not yet under a handler (or in
 * mediation / diverted); 待答复 is under a handler with the reply owed.
 */
export const queueStatuses = {
  pendingRegistration: ['registered'],
  pendingTriage: ['registered'],
  pendingRouting: ['triaged', 'objected'],
  pendingReceipt: ['routed'],
  handling: ['received', 'mediating', 'diverted'],
  pendingReply: ['handling', 'extended'],
  pendingEvaluation: ['replied', 'evaluated'],
  appeals: ['reviewRequested', 'reviewed', 'recheckRequested', 'rechecked'],
  dueSoon: undefined,
  overdue: undefined,
  finished: finishedStatuses,
  all: undefined,
} as const satisfies Record<QueueKey, readonly PetitionStatus[] | undefined>;

/** The queues a role works from, in menu order (every role can still open `all`). */
export const queuesByRole: Record<string, readonly QueueKey[]> = {
  receptionOfficer: ['pendingRegistration', 'pendingTriage', 'pendingRouting', 'pendingEvaluation', 'appeals', 'dueSoon', 'overdue', 'finished', 'all'],
  lawyer: ['pendingRegistration', 'pendingTriage', 'handling', 'dueSoon', 'overdue', 'all'],
  mediator: ['handling', 'all'],
  departmentHandler: ['pendingReceipt', 'handling', 'pendingReply', 'appeals', 'dueSoon', 'overdue', 'all'],
  departmentHead: ['pendingReceipt', 'handling', 'pendingReply', 'appeals', 'dueSoon', 'overdue', 'all'],
  bureauLeader: ['pendingRouting', 'pendingReceipt', 'pendingReply', 'appeals', 'dueSoon', 'overdue', 'finished', 'all'],
  counsellor: ['all'],
  statistician: ['all', 'finished'],
  studioHead: ['all'],
  hallLead: ['pendingRegistration', 'pendingTriage', 'pendingRouting', 'pendingEvaluation', 'appeals', 'dueSoon', 'overdue', 'finished', 'all'],
  streetLeader: ['pendingRouting', 'pendingReceipt', 'pendingReply', 'appeals', 'dueSoon', 'overdue', 'finished', 'all'],
};

/**
 * Where a due-date page ends: the last row's sort key (rows without a due date sort last). Both parts are checked, as
 * they go into the query: a storable instant (or null) and a uuid.
 */
export const QueueCursor = z.object({ dueAt: IsoInstant.nullable(), id: z.string().uuid('validation.invalid') });
export type QueueCursor = z.infer<typeof QueueCursor>;

export const QueueFilters = z.object({
  streetUnitId: z.string().uuid().optional(),
  unitId: z.string().uuid().optional(),
  petitionClass: PetitionClass.optional(),
  channel: Channel.optional(),
  light: Light.optional(),
  receivedFrom: CalendarDay.optional(),
  receivedTo: CalendarDay.optional(),
  search: SafeText.trim().max(50, 'validation.text.tooLong').optional(),
});
export type QueueFilters = z.input<typeof QueueFilters>;

export const QueueQuery = QueueFilters.extend({
  queue: QueueKey.default('all'),
  limit: z.number().int().min(1).max(100).default(20),
  after: QueueCursor.optional(),
});
export type QueueQuery = z.input<typeof QueueQuery>;

export const QueueItem = z.object({
  id: z.string().uuid(),
  trackingCode: z.string(),
  status: PetitionStatus,
  channel: Channel,
  kioskAssisted: z.boolean(),
  petitionClass: PetitionClass.nullable(),
  summary: z.string(),
  petitionerName: z.string(),
  mobileMasked: z.string().nullable(),
  hallName: z.string(),
  streetName: z.string().nullable(),
  handlingUnitName: z.string().nullable(),
  isCollective: z.boolean(),
  headcount: z.number().int(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  light: Light.nullable(),
  /** The clock behind the due date and light, with its explanation. */
  dueClock: z.object({ kind: z.string(), explanation: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
  version: z.number().int(),
  /** With a search: where its words occur in the content, request or respondent, when not all are in the summary. */
  excerpt: z.string().nullable().default(null),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** `total` is exact unless `totalIsCapped`: then the queue holds more than `total` (big lists are counted up to a cap). */
export const QueuePage = z.object({ items: z.array(QueueItem), nextCursor: QueueCursor.nullable(), total: z.number().int(), totalIsCapped: z.boolean() });
export type QueuePage = z.infer<typeof QueuePage>;

export const QueueCounts = z.record(QueueKey, z.number().int());
export type QueueCounts = z.infer<typeof QueueCounts>;
