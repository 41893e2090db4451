import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { Channel, PetitionClass } from '../petition/petition.ts';
import { Role } from '../staff/staff.ts';
import { SafeText } from '../text/safe-text.ts';
import { IsoInstant } from '../time/iso-instant.ts';
import { commandPayloads, AccusedParties, type PayloadOf } from './petition-command.ts';
import { PetitionAction } from './petition-action.ts';

/** Who acted: a staff member, or the petitioner themself (kiosk, online, phone page). */
export const ActorRole = z.enum([...Role.options, 'petitioner']);
export type ActorRole = z.infer<typeof ActorRole>;

/** The actor as recorded on an event. A petitioner has no staff id or unit. */
export const EventActor = z.object({
  staffId: z.string().uuid().nullable(),
  role: ActorRole,
  unitId: z.string().uuid().nullable(),
});
export type EventActor = z.infer<typeof EventActor>;

/** The payload of the first event of every petition. */
export const RegistrationPayload = z.object({
  petitionId: z.string().uuid('validation.invalid'),
  trackingCode: z.string().min(1, 'validation.required'),
  channel: Channel,
  kioskAssisted: z.boolean().default(false),
  receivedAt: IsoInstant,
  hallUnitId: z.string().uuid('validation.invalid'),
  petitionClass: PetitionClass.optional(),
  summary: SafeText.trim().min(1, 'validation.required').max(5000, 'validation.text.tooLong'),
  petitionerIds: z.array(z.string().uuid('validation.invalid')).max(200).default([]),
  accusedParties: AccusedParties.optional(),
  /** Set when the accused units cover the receiving unit: the nearest unit above that they do not (see escalationUnitOf). */
  escalatedToUnitId: z.string().uuid('validation.invalid').optional(),
  visitId: z.string().uuid('validation.invalid').optional(),
});
export type RegistrationPayload = z.infer<typeof RegistrationPayload>;

/** The event each action records: its name is the past tense of the action. */
export const eventTypeByAction = {
  triage: 'triaged',
  divert: 'diverted',
  recordDiversionOutcome: 'diversionOutcomeRecorded',
  startMediation: 'mediationStarted',
  concludeMediation: 'mediationConcluded',
  recordJudicialConfirmation: 'judicialConfirmationRecorded',
  route: 'routed',
  acknowledgeReceipt: 'receiptAcknowledged',
  object: 'objected',
  recuse: 'staffRecused',
  startHandling: 'handlingStarted',
  requestExtension: 'extensionRequested',
  approveExtension: 'extensionApproved',
  pauseClock: 'clockPaused',
  resumeClock: 'clockResumed',
  reply: 'replied',
  recordDelivery: 'deliveryRecorded',
  correctDelivery: 'deliveryCorrected',
  recordEvaluation: 'evaluationRecorded',
  requestReview: 'reviewRequested',
  answerReview: 'reviewAnswered',
  requestRecheck: 'recheckRequested',
  answerRecheck: 'recheckAnswered',
  close: 'closed',
  notAccept: 'notAccepted',
  withdraw: 'withdrawn',
  merge: 'merged',
} as const satisfies Record<PetitionAction, string>;

/** Every event type: `registered` first, then one per action. */
export const PetitionEventType = z.enum(['registered', ...Object.values(eventTypeByAction)]);
export type PetitionEventType = z.infer<typeof PetitionEventType>;

/** Timeline labels for staff. */
export const petitionEventTypeLabels = {
  registered: { zh: '登记', en: 'Registered' },
  triaged: { zh: '完成访前甄别', en: 'Triaged' },
  diverted: { zh: '疏导至法定途径', en: 'Diverted to statutory channel' },
  diversionOutcomeRecorded: { zh: '登记分流结果', en: 'Diversion outcome recorded' },
  mediationStarted: { zh: '进入人民调解', en: 'Mediation started' },
  mediationConcluded: { zh: '调解结束', en: 'Mediation concluded' },
  judicialConfirmationRecorded: { zh: '登记司法确认', en: 'Judicial confirmation recorded' },
  routed: { zh: '转送交办', en: 'Routed' },
  receiptAcknowledged: { zh: '受理告知', en: 'Receipt acknowledged' },
  objected: { zh: '提出异议', en: 'Objected' },
  staffRecused: { zh: '工作人员回避', en: 'Staff member recused' },
  handlingStarted: { zh: '开始办理', en: 'Handling started' },
  extensionRequested: { zh: '申请延期', en: 'Extension requested' },
  extensionApproved: { zh: '批准延期', en: 'Extension approved' },
  clockPaused: { zh: '暂停计时', en: 'Clock paused' },
  clockResumed: { zh: '恢复计时', en: 'Clock resumed' },
  replied: { zh: '出具处理意见', en: 'Replied' },
  deliveryRecorded: { zh: '已送达', en: 'Delivered' },
  deliveryCorrected: { zh: '更正送达日期', en: 'Delivery date corrected' },
  evaluationRecorded: { zh: '满意度评价', en: 'Evaluated' },
  reviewRequested: { zh: '申请复查', en: 'Review requested' },
  reviewAnswered: { zh: '出具复查意见', en: 'Review answered' },
  recheckRequested: { zh: '申请复核', en: 'Recheck requested' },
  recheckAnswered: { zh: '出具复核意见', en: 'Recheck answered' },
  closed: { zh: '办结', en: 'Closed' },
  notAccepted: { zh: '不予受理', en: 'Not accepted' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  merged: { zh: '合并至原事项', en: 'Merged' },
} as const satisfies Record<PetitionEventType, BilingualMessage>;

/** The first event of a petition. */
export interface RegisteredEvent {
  type: 'registered';
  occurredAt: string;
  actor: EventActor;
  payload: RegistrationPayload;
}

/** The event one action records. */
export interface ActionEvent<A extends PetitionAction> {
  type: (typeof eventTypeByAction)[A];
  occurredAt: string;
  actor: EventActor;
  payload: PayloadOf<A>;
}

/** One entry of a petition's append-only log: who, when, what (type) and the details (payload). */
export type PetitionEvent = RegisteredEvent | { [A in PetitionAction]: ActionEvent<A> }[PetitionAction];

function eventSchema<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({ type: z.literal(type), occurredAt: IsoInstant, actor: EventActor, payload });
}

/** Parses a stored event (e.g. a database row's JSON) back into a {@link PetitionEvent}. */
export const PetitionEvent = z.discriminatedUnion('type', [
  eventSchema('registered', RegistrationPayload),
  ...PetitionAction.options.map((action) => eventSchema(eventTypeByAction[action], commandPayloads[action])),
]) as unknown as z.ZodType<PetitionEvent>;

/**
 * A stored payload under today's field names: events written before December 2026 named the accused parties of an
 * accusation `respondents`. Applied to every stored payload before it is parsed.
 * @example upgradeStoredPayload({ respondents: { unitIds: [a], staffIds: [] } }) // { accusedParties: { unitIds: [a], staffIds: [] } }
 */
export function upgradeStoredPayload(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object' || !('respondents' in payload) || 'accusedParties' in payload) return payload;
  const { respondents, ...rest } = payload as Record<string, unknown>;
  return { ...rest, accusedParties: respondents };
}
