import type { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { DomainFieldError } from '../errors/field-error.ts';
import { isMessageCode, type MessageCode } from '../messages/messages.ts';
import { IsoInstant } from '../time/iso-instant.ts';
import { roleMayTakeAction } from './action-roles.ts';
import { commandGuard, commandGuardFields, deliveryDateRefusal, stateGuard, type WorkflowContext } from './guards.ts';
import { PetitionAction } from './petition-action.ts';
import { PetitionCommand, type PetitionCommandInput } from './petition-command.ts';
import { eventTypeByAction, type EventActor, type PetitionEvent } from './petition-event.ts';
import { evolvePetition, type PetitionState } from './petition-state.ts';
import { isActionInTable } from './transitions.ts';

/** What an action produced: the new state and the events to append to the log, in order. */
export interface ActionResult {
  readonly state: PetitionState;
  readonly events: readonly PetitionEvent[];
}

/**
 * The actor as recorded on events; a staff `Actor` (with username and display name) is narrowed to this.
 * @example toEventActor(actor) // { staffId, role, unitId }
 */
export function toEventActor(actor: EventActor): EventActor {
  return { staffId: actor.staffId, role: actor.role, unitId: actor.unitId };
}

/**
 * Throws the DomainError of a zod failure: the first issue's message code when it is one, else a generic one; a
 * `DomainFieldError` naming the field when the issue has a path.
 * @example parseOrThrow(IsoInstant, 'yesterday') // throws DomainError('validation.instant.invalid')
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const code = isMessageCode(issue?.message ?? '') ? (issue!.message as MessageCode) : 'validation.invalid';
  if (issue && issue.path.length > 0) throw new DomainFieldError(code, issue.path.map(String).join('.'));
  throw new DomainError(code, 'invalid', { cause: result.error });
}

/**
 * Why an actor may not take an action on a petition now (table, role, then state guards), or undefined. A rule of the
 * matter's current state is `invalid` (the API's 422), not a conflict: the caller saw this very version (a stale one
 * is refused before, as the only conflict).
 * @example refusalOf(registeredState, 'reply', handler) // 'workflow.actionNotAllowed'
 */
function refusalOf(state: PetitionState, action: PetitionAction, actor: EventActor): DomainError | undefined {
  if (!isActionInTable(state.status, action)) return new DomainError('workflow.actionNotAllowed', 'invalid');
  if (!roleMayTakeAction(actor.role, action)) return new DomainError('workflow.roleNotAllowed', 'forbidden');
  const code = stateGuard(state, action, actor);
  if (code === undefined) return undefined;
  return new DomainError(code, code === 'workflow.unitNotResponsible' ? 'forbidden' : 'invalid');
}

/** A command guard's refusal, naming the field it judged (the unit tree missing is the caller's fault, no field's). */
function commandRefusal(action: PetitionAction, code: MessageCode): DomainError {
  const field = (commandGuardFields as Partial<Record<PetitionAction, string>>)[action];
  return code === 'workflow.unitTreeRequired' || field === undefined ? new DomainError(code, 'invalid') : new DomainFieldError(code, field);
}

/**
 * Applies one command to a petition: checks the workflow table, the actor's role and unit, and the legal guards,
 * then returns the new state and the events to record. Throws a DomainError when any of them says no.
 * `now` is the current instant (ISO 8601); the unit tree in `context` is needed for reviews and rechecks.
 * @example
 * const { state, events } = applyAction(state, { action: 'route', unitId, mode: 'transfer' }, receptionOfficer, '2025-01-24T10:00:00+08:00');
 * state.status // 'routed'; events[0].type // 'routed'
 */
export function applyAction(state: PetitionState, command: PetitionCommandInput, actor: EventActor, now: string, context: WorkflowContext = {}): ActionResult {
  const occurredAt = parseOrThrow(IsoInstant, now);
  const parsed = parseOrThrow(PetitionCommand, command);
  const refusal = refusalOf(state, parsed.action, actor);
  if (refusal) throw refusal;
  const code = commandGuard(state, parsed, context);
  if (code !== undefined) throw commandRefusal(parsed.action, code);
  const dateRefusal = deliveryDateRefusal(state, parsed, occurredAt);
  if (dateRefusal !== undefined) throw new DomainFieldError(dateRefusal, 'deliveredAt');
  const { action, ...payload } = parsed;
  const event = { type: eventTypeByAction[action], occurredAt, actor: toEventActor(actor), payload } as PetitionEvent;
  return { state: evolvePetition(state, event), events: [event] };
}

/**
 * The actions this actor may take now: the table for the status, filtered by role, unit and the guards
 * that do not depend on a command's details. The console shows these as buttons.
 * @example availableActions(routedState, handlerOfTheRoutedUnit) // ['acknowledgeReceipt', 'object']
 */
export function availableActions(state: PetitionState, actor: EventActor): PetitionAction[] {
  return PetitionAction.options.filter((action) => refusalOf(state, action, actor) === undefined);
}
