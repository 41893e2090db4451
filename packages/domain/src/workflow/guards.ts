import type { ClockKind } from '../clocks/clock-kind.ts';
import type { MessageCode } from '../messages/messages.ts';
import { isStatutoryChannel } from '../petition/claim-route.ts';
import type { ServedDocument } from '../records/reply.ts';
import { shanghaiDay } from '../time/calendar-day.ts';
import type { PetitionStatus } from '../petition/petition.ts';
import { findParentUnit, isWithinUnit, type UnitTree } from '../units/unit-tree.ts';
import type { PetitionAction } from './petition-action.ts';
import type { PayloadOf, PetitionCommand } from './petition-command.ts';
import type { EventActor } from './petition-event.ts';
import type { PetitionState } from './petition-state.ts';

/** What the workflow may need beyond the petition: the unit tree for appeal levels and the accusation firewall. */
export interface WorkflowContext {
  readonly unitTree?: UnitTree | undefined;
}

/** The most an extension may add (Art. 34). */
export const maximumExtensionDays = 30;

/** The clock that runs for the responsible unit in each status where it can be paused. */
const pausableClockByStatus: Partial<Record<PetitionStatus, ClockKind>> = {
  handling: 'conclude',
  extended: 'conclude',
  reviewRequested: 'answerReview',
  recheckRequested: 'answerRecheck',
};

/**
 * A claim whose route is one of Art. 31 (1)–(5) does not enter the petition procedure.
 * @example isStatutoryClaim({ petitionClass: 'claim', claimRoute: 'litigation' }) // true
 */
export function isStatutoryClaim(state: Pick<PetitionState, 'petitionClass' | 'claimRoute'>): boolean {
  return state.petitionClass === 'claim' && state.claimRoute !== undefined && isStatutoryChannel(state.claimRoute);
}

/**
 * The accusation firewall (Art. 30): an accusation never goes to a unit it accuses, nor to a unit inside one.
 * @example isAccusedUnit(state, accusedUnitId) // true for an accusation against that unit
 */
export function isAccusedUnit(state: Pick<PetitionState, 'petitionClass' | 'accusedParties'>, unitId: string, unitTree?: UnitTree): boolean {
  if (state.petitionClass !== 'accusation') return false;
  return state.accusedParties.unitIds.some((accused) => accused === unitId || (unitTree !== undefined && isWithinUnit(unitTree, unitId, accused)));
}

/**
 * Whether a staff member may not be assigned to the matter: recused for a direct interest (Art. 28), or accused by it.
 * @example isBarredStaff(state, staffId) // true after `recuse` named them
 */
export function isBarredStaff(state: Pick<PetitionState, 'petitionClass' | 'accusedParties' | 'recusedStaffIds'>, staffId: string): boolean {
  return state.recusedStaffIds.includes(staffId) || (state.petitionClass === 'accusation' && state.accusedParties.staffIds.includes(staffId));
}

/**
 * The clock the responsible unit may pause in the current status, if any.
 * @example pausableClock(handlingState) // 'conclude'
 */
export function pausableClock(state: Pick<PetitionState, 'status'>): ClockKind | undefined {
  return pausableClockByStatus[state.status];
}

/**
 * The unit that must take an action, when only one unit may (the responsible unit, the reviewer, the rechecker).
 * @example responsibleUnitFor(routedState, 'acknowledgeReceipt') // the unit it was routed to
 */
export function responsibleUnitFor(state: PetitionState, action: PetitionAction): string | undefined {
  switch (action) {
    case 'acknowledgeReceipt':
    case 'object':
    case 'startHandling':
    case 'requestExtension':
    case 'approveExtension':
    case 'reply':
      return state.routedTo?.unitId;
    case 'answerReview':
      return state.reviewingUnitId;
    case 'answerRecheck':
      return state.recheckingUnitId;
    case 'pauseClock':
    case 'resumeClock':
      if (state.status === 'reviewRequested') return state.reviewingUnitId;
      if (state.status === 'recheckRequested') return state.recheckingUnitId;
      return state.routedTo?.unitId;
    default:
      return undefined;
  }
}

/**
 * Guards that depend on the petition and the actor but not on the command's details; `availableActions`
 * hides an action they refuse. Returns the message code of the refusal, or undefined.
 * @example stateGuard(handlingStateWithExtension, 'requestExtension', actor) // 'workflow.extension.alreadyUsed'
 */
export function stateGuard(state: PetitionState, action: PetitionAction, actor: EventActor): MessageCode | undefined {
  const unitId = responsibleUnitFor(state, action);
  if (unitId !== undefined && actor.unitId !== unitId) return 'workflow.unitNotResponsible';
  switch (action) {
    case 'divert':
      return isStatutoryClaim(state) ? undefined : 'workflow.divert.notStatutory';
    case 'route':
      return isStatutoryClaim(state) ? 'workflow.claim.statutoryChannel' : undefined;
    case 'requestExtension':
      if (state.extension) return 'workflow.extension.alreadyUsed';
      return state.extensionRequest ? 'workflow.extension.alreadyRequested' : undefined;
    case 'approveExtension':
      if (state.extension) return 'workflow.extension.alreadyUsed';
      return state.extensionRequest ? undefined : 'workflow.extension.notRequested';
    case 'pauseClock': {
      const clock = pausableClock(state);
      return clock === undefined || state.pausedClocks.includes(clock) ? 'workflow.clock.notRunning' : undefined;
    }
    case 'resumeClock':
      return state.pausedClocks.length === 0 ? 'workflow.clock.notPaused' : undefined;
    case 'recordJudicialConfirmation':
      return state.mediation?.result === 'agreement' ? undefined : 'workflow.mediation.noAgreement';
    case 'recordDiversionOutcome':
      return state.diversion ? undefined : 'workflow.divert.notStatutory';
    case 'recordDelivery':
      // a delivery is recorded once; a later change is `correctDelivery`
      return Object.values(state.servedDocuments).some((document) => document.deliveredAt === undefined) ? undefined : 'workflow.delivery.alreadyRecorded';
    case 'correctDelivery':
      return Object.values(state.servedDocuments).some((document) => document.deliveredAt !== undefined) ? undefined : 'workflow.delivery.notRecorded';
    default:
      return undefined;
  }
}

function parentLevelGuard(context: WorkflowContext, lowerUnitId: string | undefined, upperUnitId: string, code: MessageCode): MessageCode | undefined {
  if (!context.unitTree) return 'workflow.unitTreeRequired';
  if (lowerUnitId === undefined) return code;
  return findParentUnit(context.unitTree, lowerUnitId) === upperUnitId ? undefined : code;
}

/**
 * Guards that look at the command's details: the legal guards of DOMAIN.md §3.
 * Returns the message code of the refusal, or undefined.
 * @example commandGuard(state, { action: 'requestExtension', days: 45, reason: '…' }, {}) // 'workflow.extension.tooLong'
 */
export function commandGuard(state: PetitionState, command: PetitionCommand, context: WorkflowContext): MessageCode | undefined {
  switch (command.action) {
    case 'triage':
      return command.petitionClass === 'claim' && command.claimRoute === undefined ? 'workflow.triage.claimRouteRequired' : undefined;
    case 'divert':
      return command.destination === state.claimRoute ? undefined : 'workflow.divert.wrongDestination';
    case 'route':
      return isAccusedUnit(state, command.unitId, context.unitTree) ? 'workflow.accusation.routedToAccused' : undefined;
    case 'startHandling':
      return isBarredStaff(state, command.handlerStaffId) ? 'workflow.staff.recused' : undefined;
    case 'startMediation':
      return isBarredStaff(state, command.mediatorStaffId) ? 'workflow.staff.recused' : undefined;
    case 'concludeMediation':
      return command.result === 'agreement' && command.agreementEffectiveOn === undefined ? 'workflow.mediation.agreementDateRequired' : undefined;
    case 'requestExtension':
    case 'approveExtension':
      return command.days > maximumExtensionDays ? 'workflow.extension.tooLong' : undefined;
    case 'pauseClock':
      return command.clock === pausableClock(state) ? undefined : 'workflow.clock.notRunning';
    case 'resumeClock':
      return state.pausedClocks.includes(command.clock) ? undefined : 'workflow.clock.notPaused';
    case 'recordDelivery':
      return deliveryGuard(state, command) ?? (state.servedDocuments[command.document]?.deliveredAt === undefined ? undefined : 'workflow.delivery.alreadyRecorded');
    case 'correctDelivery':
      return deliveryGuard(state, command) ?? (state.servedDocuments[command.document]?.deliveredAt === undefined ? 'workflow.delivery.notRecorded' : undefined);
    case 'requestReview':
      return parentLevelGuard(context, state.replyingUnitId, command.reviewingUnitId, 'workflow.review.wrongLevel');
    case 'requestRecheck':
      return parentLevelGuard(context, state.reviewingUnitId, command.recheckingUnitId, 'workflow.recheck.wrongLevel');
    case 'notAccept':
      return command.reason === 'repeatAfterRecheck' && command.matchedPetitionId === undefined ? 'workflow.notAccept.matchRequired' : undefined;
    case 'merge':
      return command.intoPetitionId === state.petitionId ? 'workflow.merge.self' : undefined;
    default:
      return undefined;
  }
}

/**
 * The command field each action's {@link commandGuard} judges: its refusal names that field, so the form marks it and
 * the API answers 422 with it (`DomainFieldError`).
 * @example commandGuardFields.concludeMediation // 'agreementEffectiveOn'
 */
export const commandGuardFields = {
  triage: 'claimRoute',
  divert: 'destination',
  route: 'unitId',
  startHandling: 'handlerStaffId',
  startMediation: 'mediatorStaffId',
  concludeMediation: 'agreementEffectiveOn',
  requestExtension: 'days',
  approveExtension: 'days',
  pauseClock: 'clock',
  resumeClock: 'clock',
  recordDelivery: 'document',
  correctDelivery: 'document',
  requestReview: 'reviewingUnitId',
  requestRecheck: 'recheckingUnitId',
  notAccept: 'matchedPetitionId',
  merge: 'intoPetitionId',
} as const satisfies { [A in PetitionAction]?: keyof PayloadOf<A> & string };

/**
 * Fields a command needs only when another of its fields has a given value (the schema has them optional; the
 * command guard refuses without them): a form marks them required while the condition holds.
 * @example isRequiredWhen('triage', 'claimRoute', { petitionClass: 'claim' }) // true
 */
export const conditionallyRequired = {
  triage: { claimRoute: { field: 'petitionClass', value: 'claim' } },
  concludeMediation: { agreementEffectiveOn: { field: 'result', value: 'agreement' } },
  notAccept: { matchedPetitionId: { field: 'reason', value: 'repeatAfterRecheck' } },
} as const satisfies { [A in PetitionAction]?: { [F in keyof PayloadOf<A> & string]?: { field: keyof PayloadOf<A> & string; value: string } } };

/**
 * Whether a command field is required given the values entered so far (see {@link conditionallyRequired}).
 * @example isRequiredWhen('concludeMediation', 'agreementEffectiveOn', { result: 'terminated' }) // false
 */
export function isRequiredWhen(action: PetitionAction, field: string, values: Readonly<Record<string, unknown>>): boolean {
  const conditions = (conditionallyRequired as Partial<Record<PetitionAction, Record<string, { field: string; value: string }>>>)[action];
  const condition = conditions?.[field];
  return condition !== undefined && values[condition.field] === condition.value;
}

function deliveryGuard(state: PetitionState, command: { document: ServedDocument }): MessageCode | undefined {
  const served: Record<ServedDocument, readonly PetitionStatus[]> = {
    reply: ['replied', 'evaluated', 'reviewed', 'rechecked'],
    reviewAnswer: ['reviewed', 'rechecked'],
    recheckAnswer: ['rechecked'],
  };
  return served[command.document].includes(state.status) ? undefined : 'workflow.delivery.nothingToDeliver';
}

/**
 * The date of a delivery (登记送达, and its correction) lies between the day the document was issued and today, both
 * included, as days in Asia/Shanghai; `now` is the current instant. Returns the message code for the `deliveredAt`
 * field, or undefined.
 * @example deliveryDateRefusal(repliedOn24January, { action: 'recordDelivery', document: 'reply', deliveredAt: '2025-01-23T10:00:00+08:00' }, now) // 'workflow.delivery.beforeIssued'
 */
export function deliveryDateRefusal(state: PetitionState, command: PetitionCommand, now: string): MessageCode | undefined {
  if (command.action !== 'recordDelivery' && command.action !== 'correctDelivery') return undefined;
  const deliveredOn = shanghaiDay(command.deliveredAt);
  if (deliveredOn > shanghaiDay(now)) return 'workflow.delivery.inFuture';
  const issuedAt = state.servedDocuments[command.document]?.issuedAt;
  if (issuedAt !== undefined && deliveredOn < shanghaiDay(issuedAt)) return 'workflow.delivery.beforeIssued';
  return undefined;
}
