import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/domain-error.ts';
import { actors, registration, sampleCommands, unitTree, units } from '../testing/fixtures.ts';
import { applyAction, availableActions } from './apply-action.ts';
import type { PetitionCommandInput } from './petition-command.ts';
import type { PetitionEvent } from './petition-event.ts';
import { evolvePetition } from './petition-state.ts';
import { registerPetition } from './register-petition.ts';
import { replay } from './replay.ts';
import { isActionInTable, nextStatus } from './transitions.ts';

const variants: PetitionCommandInput[] = [
  ...Object.values(sampleCommands),
  { action: 'triage', petitionClass: 'claim', claimRoute: 'litigation', canHandle: false, guidance: '请起诉' },
  { action: 'triage', petitionClass: 'accusation', canHandle: true, guidance: '检举', accusedParties: { unitIds: [units.departmentA], staffIds: [] } },
  { action: 'route', unitId: units.departmentB, mode: 'assign' },
  { action: 'concludeMediation', result: 'terminated' },
  { action: 'pauseClock', clock: 'answerReview', reason: 'hearing' },
  { action: 'resumeClock', clock: 'answerReview' },
  { action: 'pauseClock', clock: 'answerRecheck', reason: 'other' },
  { action: 'resumeClock', clock: 'answerRecheck' },
  { action: 'recordDelivery', document: 'reviewAnswer', deliveredAt: '2025-04-01T10:00:00+08:00' },
  { action: 'requestExtension', days: 31, reason: '过长' },
];
const actorList = Object.values(actors);

const stepArbitrary = fc.tuple(fc.constantFrom(...variants), fc.constantFrom(...actorList));

describe('workflow properties', () => {
  it('no action sequence reaches a status the table forbids, and replay equals step-by-step application', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 40 }), (steps) => {
        let { state } = registerPetition(registration, actors.officer, '2025-01-24T09:00:00+08:00');
        const events: PetitionEvent[] = [];
        events.push(...registerPetition(registration, actors.officer, '2025-01-24T09:00:00+08:00').events);
        steps.forEach(([command, actor], index) => {
          const before = state;
          const offered = availableActions(before, actor).includes(command.action);
          try {
            const result = applyAction(before, command, actor, new Date(Date.UTC(2025, 0, 25, 0, index)).toISOString(), { unitTree });
            expect(isActionInTable(before.status, command.action)).toBe(true);
            expect(offered).toBe(true);
            const mediationResult = command.action === 'concludeMediation' ? command.result : undefined;
            expect(result.state.status).toBe(nextStatus(before.status, command.action, mediationResult));
            expect(result.state.version).toBe(before.version + 1);
            state = result.state;
            events.push(...result.events);
          } catch (error) {
            if (!isDomainError(error)) throw error;
            expect(state).toBe(before);
          }
        });
        expect(replay(events)).toEqual(state);
        expect(events.reduce<typeof state | undefined>((current, event) => evolvePetition(current, event), undefined)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('a guided walk through offered actions stays inside the table and replays to the same state', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 30 }), (choices) => {
        let { state, events } = registerPetition(registration, actors.officer, '2025-01-24T09:00:00+08:00');
        let log: PetitionEvent[] = [...events];
        choices.forEach(([actorIndex, actionIndex, variantIndex], index) => {
          const actor = actorList[actorIndex % actorList.length]!;
          const offered = availableActions(state, actor);
          if (offered.length === 0) return;
          const action = offered[actionIndex % offered.length]!;
          const candidates = variants.filter((variant) => variant.action === action);
          const command = candidates[variantIndex % candidates.length]!;
          try {
            ({ state, events } = applyAction(state, command, actor, new Date(Date.UTC(2025, 0, 25, 0, index)).toISOString(), { unitTree }));
            log = [...log, ...events];
          } catch (error) {
            if (!isDomainError(error)) throw error;
          }
        });
        expect(replay(log)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
});
