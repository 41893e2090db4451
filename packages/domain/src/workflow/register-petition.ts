import type { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { DomainFieldError } from '../errors/field-error.ts';
import { shanghaiDay, type CalendarDay } from '../time/calendar-day.ts';
import { IsoInstant } from '../time/iso-instant.ts';
import { parseOrThrow, toEventActor, type ActionResult } from './apply-action.ts';
import { RegistrationPayload, type EventActor, type PetitionEvent } from './petition-event.ts';
import { evolvePetition } from './petition-state.ts';

/** What registering a petition takes: the `registered` event's payload, before defaults. */
export const RegisterPetitionInput = RegistrationPayload;
export type RegisterPetitionInput = z.input<typeof RegisterPetitionInput>;

/** The earliest day a matter may have been received, unless the bureau configures another (a typo's year 0202, 1925…). */
export const defaultEarliestReceivedOn: CalendarDay = '2000-01-01';

/** What the bureau configures about registration. */
export interface RegistrationPolicy {
  /** The earliest receipt day accepted (Asia/Shanghai); the ledger import has its own. */
  readonly earliestReceivedOn?: CalendarDay | undefined;
}

const registeringRoles = new Set<EventActor['role']>(['receptionOfficer', 'hallLead', 'petitioner']);

/**
 * Registers a new petition: the first event of every petition's log. Reception officers register visits,
 * letters and calls; a petitioner registers their own matter online or at a kiosk. `receivedAt` may be earlier than
 * `now` (a letter opened today arrived yesterday) but not later, nor before the policy's earliest day (2000-01-01 by
 * default, in Asia/Shanghai): both are errors of the `receivedAt` field.
 * @example
 * const { state, events } = registerPetition({ petitionId, trackingCode, channel: 'letter', receivedAt, hallUnitId, summary }, officer, now);
 * state.status // 'registered'
 */
export function registerPetition(input: RegisterPetitionInput, actor: EventActor, now: string, policy: RegistrationPolicy = {}): ActionResult {
  const occurredAt = parseOrThrow(IsoInstant, now);
  const payload = parseOrThrow(RegisterPetitionInput, input);
  if (!registeringRoles.has(actor.role)) throw new DomainError('workflow.roleNotAllowed', 'forbidden');
  if (Date.parse(payload.receivedAt) > Date.parse(occurredAt)) throw new DomainFieldError('workflow.receivedInFuture', 'receivedAt');
  if (shanghaiDay(payload.receivedAt) < (policy.earliestReceivedOn ?? defaultEarliestReceivedOn)) throw new DomainFieldError('workflow.receivedTooEarly', 'receivedAt');
  const event: PetitionEvent = { type: 'registered', occurredAt, actor: toEventActor(actor), payload };
  return { state: evolvePetition(undefined, event), events: [event] };
}
