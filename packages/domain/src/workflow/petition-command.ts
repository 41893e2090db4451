import { z } from 'zod';
import { ClockKind, PauseReason } from '../clocks/clock-kind.ts';
import { ClaimRoute } from '../petition/claim-route.ts';
import { NotAcceptReason } from '../petition/not-accept-reason.ts';
import { PetitionClass } from '../petition/petition.ts';
import { EvaluationRating } from '../records/evaluation.ts';
import { AppealOutcome, ReplyOutcome, ServedDocument } from '../records/reply.ts';
import { CalendarDay } from '../time/calendar-day.ts';
import { SafeText } from '../text/safe-text.ts';
import { IsoInstant } from '../time/iso-instant.ts';

const Id = z.string().uuid('validation.invalid');
const Text = SafeText.trim().min(1, 'validation.required').max(5000, 'validation.text.tooLong');
const Note = SafeText.trim().max(5000, 'validation.text.tooLong').optional();

/**
 * The accused parties of an accusation (检举控告的被检举控告对象): units — each together with every unit below it — and
 * staff members. They never see the matter or the accuser, and nothing is routed or assigned to them (Art. 30). Not the
 * free text "whom it is about" (反映谁) of any matter, nor a mediation's respondents.
 */
export const AccusedParties = z.object({
  unitIds: z.array(Id).max(20).default([]),
  staffIds: z.array(Id).max(20).default([]),
});
export type AccusedParties = z.infer<typeof AccusedParties>;

/** The fields each action carries, without its `action` key; an event's payload has the same shape. */
export const commandPayloads = {
  triage: z.object({
    petitionClass: PetitionClass,
    claimRoute: ClaimRoute.optional(),
    canHandle: z.boolean(),
    guidance: Text,
    legalBasis: Note,
    accusedParties: AccusedParties.optional(),
  }),
  divert: z.object({ destination: ClaimRoute, noticeText: Text, noticeGivenAt: IsoInstant }),
  recordDiversionOutcome: z.object({ outcome: z.enum(['accepted', 'refused']), filedInChannel: z.boolean().optional(), note: Note }),
  startMediation: z.object({ mediatorStaffId: Id, partiesAgreed: z.literal(true) }),
  concludeMediation: z.object({ result: z.enum(['agreement', 'terminated']), agreementEffectiveOn: CalendarDay.optional(), note: Note }),
  recordJudicialConfirmation: z.object({ appliedOn: CalendarDay, court: Text, result: z.enum(['pending', 'confirmed', 'rejected']).default('pending') }),
  route: z.object({ unitId: Id, mode: z.enum(['transfer', 'assign']), note: Note }),
  acknowledgeReceipt: z.object({ noticeText: Text, noticeGivenAt: IsoInstant }),
  object: z.object({ reason: Text, suggestedUnitId: Id.optional() }),
  recuse: z.object({ staffId: Id, reason: Text }),
  startHandling: z.object({ handlerStaffId: Id }),
  requestExtension: z.object({ days: z.number().int().positive(), reason: Text }),
  approveExtension: z.object({ days: z.number().int().positive(), reason: Text }),
  pauseClock: z.object({ clock: ClockKind, reason: PauseReason, note: Note }),
  resumeClock: z.object({ clock: ClockKind }),
  reply: z.object({ outcome: ReplyOutcome, facts: Text, legalBasis: Text, deliveredAt: IsoInstant.optional() }),
  recordDelivery: z.object({ document: ServedDocument, deliveredAt: IsoInstant }),
  correctDelivery: z.object({ document: ServedDocument, deliveredAt: IsoInstant, reason: Text }),
  recordEvaluation: z.object({ rating: EvaluationRating, comment: Note }),
  requestReview: z.object({ reviewingUnitId: Id, reason: Text }),
  answerReview: z.object({ outcome: AppealOutcome, text: Text, deliveredAt: IsoInstant.optional() }),
  requestRecheck: z.object({ recheckingUnitId: Id, reason: Text }),
  answerRecheck: z.object({ outcome: AppealOutcome, text: Text, deliveredAt: IsoInstant.optional() }),
  close: z.object({ note: Note }),
  notAccept: z.object({ reason: NotAcceptReason, noticeText: Text, matchedPetitionId: Id.optional() }),
  withdraw: z.object({ reason: Note }),
  merge: z.object({ intoPetitionId: Id }),
} as const;

type Payloads = typeof commandPayloads;

export const TriageCommand = commandPayloads.triage.extend({ action: z.literal('triage') });
export const DivertCommand = commandPayloads.divert.extend({ action: z.literal('divert') });
export const RecordDiversionOutcomeCommand = commandPayloads.recordDiversionOutcome.extend({ action: z.literal('recordDiversionOutcome') });
export const StartMediationCommand = commandPayloads.startMediation.extend({ action: z.literal('startMediation') });
export const ConcludeMediationCommand = commandPayloads.concludeMediation.extend({ action: z.literal('concludeMediation') });
export const RecordJudicialConfirmationCommand = commandPayloads.recordJudicialConfirmation.extend({ action: z.literal('recordJudicialConfirmation') });
export const RouteCommand = commandPayloads.route.extend({ action: z.literal('route') });
export const AcknowledgeReceiptCommand = commandPayloads.acknowledgeReceipt.extend({ action: z.literal('acknowledgeReceipt') });
export const ObjectCommand = commandPayloads.object.extend({ action: z.literal('object') });
export const RecuseCommand = commandPayloads.recuse.extend({ action: z.literal('recuse') });
export const StartHandlingCommand = commandPayloads.startHandling.extend({ action: z.literal('startHandling') });
export const RequestExtensionCommand = commandPayloads.requestExtension.extend({ action: z.literal('requestExtension') });
export const ApproveExtensionCommand = commandPayloads.approveExtension.extend({ action: z.literal('approveExtension') });
export const PauseClockCommand = commandPayloads.pauseClock.extend({ action: z.literal('pauseClock') });
export const ResumeClockCommand = commandPayloads.resumeClock.extend({ action: z.literal('resumeClock') });
export const ReplyCommand = commandPayloads.reply.extend({ action: z.literal('reply') });
export const RecordDeliveryCommand = commandPayloads.recordDelivery.extend({ action: z.literal('recordDelivery') });
export const CorrectDeliveryCommand = commandPayloads.correctDelivery.extend({ action: z.literal('correctDelivery') });
export const RecordEvaluationCommand = commandPayloads.recordEvaluation.extend({ action: z.literal('recordEvaluation') });
export const RequestReviewCommand = commandPayloads.requestReview.extend({ action: z.literal('requestReview') });
export const AnswerReviewCommand = commandPayloads.answerReview.extend({ action: z.literal('answerReview') });
export const RequestRecheckCommand = commandPayloads.requestRecheck.extend({ action: z.literal('requestRecheck') });
export const AnswerRecheckCommand = commandPayloads.answerRecheck.extend({ action: z.literal('answerRecheck') });
export const CloseCommand = commandPayloads.close.extend({ action: z.literal('close') });
export const NotAcceptCommand = commandPayloads.notAccept.extend({ action: z.literal('notAccept') });
export const WithdrawCommand = commandPayloads.withdraw.extend({ action: z.literal('withdraw') });
export const MergeCommand = commandPayloads.merge.extend({ action: z.literal('merge') });

/**
 * A request to change a petition, keyed by `action`; each member is also exported alone
 * (e.g. `RouteCommand`) to serve as a tRPC input.
 */
export const PetitionCommand = z.discriminatedUnion('action', [
  TriageCommand,
  DivertCommand,
  RecordDiversionOutcomeCommand,
  StartMediationCommand,
  ConcludeMediationCommand,
  RecordJudicialConfirmationCommand,
  RouteCommand,
  AcknowledgeReceiptCommand,
  ObjectCommand,
  RecuseCommand,
  StartHandlingCommand,
  RequestExtensionCommand,
  ApproveExtensionCommand,
  PauseClockCommand,
  ResumeClockCommand,
  ReplyCommand,
  RecordDeliveryCommand,
  CorrectDeliveryCommand,
  RecordEvaluationCommand,
  RequestReviewCommand,
  AnswerReviewCommand,
  RequestRecheckCommand,
  AnswerRecheckCommand,
  CloseCommand,
  NotAcceptCommand,
  WithdrawCommand,
  MergeCommand,
]);
export type PetitionCommand = z.infer<typeof PetitionCommand>;
/** What a caller may send (defaults not yet applied). */
export type PetitionCommandInput = z.input<typeof PetitionCommand>;

/** The command of one action. */
export type CommandOf<A extends PetitionCommand['action']> = Extract<PetitionCommand, { action: A }>;
/** The payload of one action's command (and of the event it records). */
export type PayloadOf<A extends PetitionCommand['action']> = z.infer<Payloads[A]>;
