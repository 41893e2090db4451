import { DomainError } from '../errors/domain-error.ts';
import type { PetitionEvent } from './petition-event.ts';
import { evolvePetition, type PetitionState } from './petition-state.ts';

/**
 * A petition's state from its event log. The log must start with `registered`.
 * @example replay([registeredEvent, triagedEvent]).status // 'triaged'
 */
export function replay(events: readonly PetitionEvent[]): PetitionState {
  const state = events.reduce<PetitionState | undefined>((current, event) => evolvePetition(current, event), undefined);
  if (!state) throw new DomainError('workflow.notRegistered', 'invalid');
  return state;
}
