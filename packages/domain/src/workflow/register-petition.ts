import type { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import { IsoInstant } from '../time/iso-instant.ts';
import { parseOrThrow, toEventActor, type ActionResult } from './apply-action.ts';
import { RegistrationPayload, type EventActor, type PetitionEvent } from './petition-event.ts';
import { evolvePetition } from './petition-state.ts';

/** What registering a petition takes: the `registered` event's payload, before defaults. */
export const RegisterPetitionInput = RegistrationPayload;
export type RegisterPetitionInput = z.input<typeof RegisterPetitionInput>;

const registeringRoles = new Set<EventActor['role']>(['receptionOfficer', 'petitioner']);

/**
 * Registers a new petition: the first event of every petition's log. Reception officers register visits,
 * letters and calls; a petitioner registers their own matter online or at a kiosk. `receivedAt` may be earlier than
 * `now` (a letter opened today arrived yesterday) but not later.
 * @example
 * const { state, events } = registerPetition({ petitionId, trackingCode, channel: 'letter', receivedAt, hallUnitId, summary }, officer, now);
 * state.status // 'registered'
 */
export function registerPetition(input: RegisterPetitionInput, actor: EventActor, now: string): ActionResult {
  const occurredAt = parseOrThrow(IsoInstant, now);
  const payload = parseOrThrow(RegisterPetitionInput, input);
  if (!registeringRoles.has(actor.role)) throw new DomainError('workflow.roleNotAllowed', 'forbidden');
  if (Date.parse(payload.receivedAt) > Date.parse(occurredAt)) throw new DomainError('workflow.receivedInFuture', 'invalid');
  const event: PetitionEvent = { type: 'registered', occurredAt, actor: toEventActor(actor), payload };
  return { state: evolvePetition(undefined, event), events: [event] };
}
