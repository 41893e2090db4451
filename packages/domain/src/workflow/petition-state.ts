import type { ClockKind } from '../clocks/clock-kind.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { ClaimRoute } from '../petition/claim-route.ts';
import type { Channel, PetitionClass, PetitionStatus } from '../petition/petition.ts';
import type { EvaluationRating } from '../records/evaluation.ts';
import type { ServedDocument } from '../records/reply.ts';
import type { PetitionEvent } from './petition-event.ts';
import { nextStatus } from './transitions.ts';

/** A petition's current state, derived from its events (never stored as the truth). */
export interface PetitionState {
  readonly petitionId: string;
  readonly trackingCode: string;
  readonly status: PetitionStatus;
  readonly channel: Channel;
  readonly kioskAssisted: boolean;
  readonly receivedAt: string;
  readonly hallUnitId: string;
  readonly petitionClass?: PetitionClass | undefined;
  readonly claimRoute?: ClaimRoute | undefined;
  /** Units and staff the matter accuses or complains about. */
  readonly accusedParties: { readonly unitIds: readonly string[]; readonly staffIds: readonly string[] };
  /** An accusation against the receiving unit itself: the unit above that takes it instead (it may route it on). */
  readonly escalatedToUnitId?: string | undefined;
  /** The unit currently responsible after routing (转送/交办). */
  readonly routedTo?: { readonly unitId: string; readonly mode: 'transfer' | 'assign' } | undefined;
  readonly objectedUnitIds: readonly string[];
  readonly recusedStaffIds: readonly string[];
  readonly handlerStaffId?: string | undefined;
  readonly extensionRequest?: { readonly days: number; readonly reason: string } | undefined;
  readonly extension?: { readonly days: number; readonly reason: string; readonly approverStaffId: string | null } | undefined;
  readonly pausedClocks: readonly ClockKind[];
  readonly replyingUnitId?: string | undefined;
  readonly reviewingUnitId?: string | undefined;
  readonly recheckingUnitId?: string | undefined;
  readonly diversion?: { readonly destination: ClaimRoute; readonly outcome?: 'accepted' | 'refused' | undefined } | undefined;
  readonly mediation?:
    | { readonly mediatorStaffId: string; readonly result?: 'agreement' | 'terminated' | undefined; readonly agreementEffectiveOn?: string | undefined }
    | undefined;
  readonly evaluation?: EvaluationRating | undefined;
  /** The documents served on the petitioner: when each was issued, and the delivery date (送达) once recorded. */
  readonly servedDocuments: Readonly<Partial<Record<ServedDocument, ServedDocumentState>>>;
  readonly mergedInto?: string | undefined;
  /** How many events built this state: the version for optimistic locking. */
  readonly version: number;
  readonly lastEventAt: string;
}

/** A served document: issued at the instant of the event that issued it; delivered once recorded (and corrected). */
export interface ServedDocumentState {
  readonly issuedAt: string;
  readonly deliveredAt?: string | undefined;
}

function withDelivery(documents: PetitionState['servedDocuments'], document: ServedDocument, deliveredAt: string): PetitionState['servedDocuments'] {
  const issued = documents[document];
  return issued ? { ...documents, [document]: { ...issued, deliveredAt } } : documents;
}

function without<T>(items: readonly T[], item: T): readonly T[] {
  return items.filter((candidate) => candidate !== item);
}

function withItem<T>(items: readonly T[], item: T): readonly T[] {
  return items.includes(item) ? items : [...items, item];
}

/**
 * The state after one event: the single reducer that both {@link applyAction} and {@link replay} use,
 * so replaying a log always gives the state that applying its actions gave.
 * @example evolvePetition(undefined, registeredEvent).status // 'registered'
 */
export function evolvePetition(state: PetitionState | undefined, event: PetitionEvent): PetitionState {
  if (event.type === 'registered') {
    if (state) throw new DomainError('workflow.alreadyRegistered', 'conflict');
    const { payload } = event;
    return {
      petitionId: payload.petitionId,
      trackingCode: payload.trackingCode,
      status: 'registered',
      channel: payload.channel,
      kioskAssisted: payload.kioskAssisted,
      receivedAt: payload.receivedAt,
      hallUnitId: payload.hallUnitId,
      petitionClass: payload.petitionClass,
      accusedParties: { unitIds: payload.accusedParties?.unitIds ?? [], staffIds: payload.accusedParties?.staffIds ?? [] },
      escalatedToUnitId: payload.escalatedToUnitId,
      objectedUnitIds: [],
      recusedStaffIds: [],
      pausedClocks: [],
      servedDocuments: {},
      version: 1,
      lastEventAt: event.occurredAt,
    };
  }
  if (!state) throw new DomainError('workflow.notRegistered', 'invalid');
  const base = { ...state, version: state.version + 1, lastEventAt: event.occurredAt };
  switch (event.type) {
    case 'triaged': {
      const { payload } = event;
      return {
        ...base,
        status: nextStatus(state.status, 'triage'),
        petitionClass: payload.petitionClass,
        claimRoute: payload.claimRoute,
        accusedParties: payload.accusedParties ?? state.accusedParties,
      };
    }
    case 'diverted':
      return { ...base, status: nextStatus(state.status, 'divert'), diversion: { destination: event.payload.destination } };
    case 'diversionOutcomeRecorded':
      return state.diversion ? { ...base, diversion: { ...state.diversion, outcome: event.payload.outcome } } : base;
    case 'mediationStarted':
      return { ...base, status: nextStatus(state.status, 'startMediation'), mediation: { mediatorStaffId: event.payload.mediatorStaffId } };
    case 'mediationConcluded': {
      const { result, agreementEffectiveOn } = event.payload;
      const mediatorStaffId = state.mediation?.mediatorStaffId ?? '';
      return { ...base, status: nextStatus(state.status, 'concludeMediation', result), mediation: { mediatorStaffId, result, agreementEffectiveOn } };
    }
    case 'routed':
      return {
        ...base,
        status: nextStatus(state.status, 'route'),
        routedTo: { unitId: event.payload.unitId, mode: event.payload.mode },
        handlerStaffId: undefined,
      };
    case 'objected':
      return {
        ...base,
        status: nextStatus(state.status, 'object'),
        objectedUnitIds: state.routedTo ? withItem(state.objectedUnitIds, state.routedTo.unitId) : state.objectedUnitIds,
      };
    case 'receiptAcknowledged':
      return { ...base, status: nextStatus(state.status, 'acknowledgeReceipt') };
    case 'staffRecused':
      return {
        ...base,
        recusedStaffIds: withItem(state.recusedStaffIds, event.payload.staffId),
        handlerStaffId: state.handlerStaffId === event.payload.staffId ? undefined : state.handlerStaffId,
      };
    case 'handlingStarted':
      return { ...base, status: nextStatus(state.status, 'startHandling'), handlerStaffId: event.payload.handlerStaffId };
    case 'extensionRequested':
      return { ...base, extensionRequest: { days: event.payload.days, reason: event.payload.reason } };
    case 'extensionApproved':
      return {
        ...base,
        status: nextStatus(state.status, 'approveExtension'),
        extensionRequest: undefined,
        extension: { days: event.payload.days, reason: event.payload.reason, approverStaffId: event.actor.staffId },
      };
    case 'clockPaused':
      return { ...base, pausedClocks: withItem(state.pausedClocks, event.payload.clock) };
    case 'clockResumed':
      return { ...base, pausedClocks: without(state.pausedClocks, event.payload.clock) };
    case 'replied':
      return {
        ...base,
        status: nextStatus(state.status, 'reply'),
        replyingUnitId: state.routedTo?.unitId ?? event.actor.unitId ?? undefined,
        pausedClocks: [],
        servedDocuments: { ...state.servedDocuments, reply: { issuedAt: event.occurredAt, deliveredAt: event.payload.deliveredAt } },
      };
    case 'evaluationRecorded':
      return { ...base, status: nextStatus(state.status, 'recordEvaluation'), evaluation: event.payload.rating };
    case 'reviewRequested':
      return { ...base, status: nextStatus(state.status, 'requestReview'), reviewingUnitId: event.payload.reviewingUnitId };
    case 'reviewAnswered':
      return {
        ...base,
        status: nextStatus(state.status, 'answerReview'),
        pausedClocks: [],
        servedDocuments: { ...state.servedDocuments, reviewAnswer: { issuedAt: event.occurredAt, deliveredAt: event.payload.deliveredAt } },
      };
    case 'recheckRequested':
      return { ...base, status: nextStatus(state.status, 'requestRecheck'), recheckingUnitId: event.payload.recheckingUnitId };
    case 'recheckAnswered':
      return {
        ...base,
        status: nextStatus(state.status, 'answerRecheck'),
        pausedClocks: [],
        servedDocuments: { ...state.servedDocuments, recheckAnswer: { issuedAt: event.occurredAt, deliveredAt: event.payload.deliveredAt } },
      };
    case 'closed':
      return { ...base, status: nextStatus(state.status, 'close') };
    case 'notAccepted':
      return { ...base, status: nextStatus(state.status, 'notAccept') };
    case 'withdrawn':
      return { ...base, status: nextStatus(state.status, 'withdraw'), pausedClocks: [] };
    case 'merged':
      return { ...base, status: nextStatus(state.status, 'merge'), mergedInto: event.payload.intoPetitionId };
    case 'deliveryRecorded':
    case 'deliveryCorrected':
      return { ...base, servedDocuments: withDelivery(state.servedDocuments, event.payload.document, event.payload.deliveredAt) };
    case 'judicialConfirmationRecorded':
      return base;
  }
}
