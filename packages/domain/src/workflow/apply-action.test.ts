import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { DomainFieldError } from '../errors/field-error.ts';
import { actors, earlierPetitionId, petitionId, registration, sampleCommands, unitTree, units } from '../testing/fixtures.ts';
import { applyAction, availableActions } from './apply-action.ts';
import { isRequiredWhen } from './guards.ts';
import type { PetitionCommandInput } from './petition-command.ts';
import type { EventActor, PetitionEvent } from './petition-event.ts';
import { PetitionEvent as PetitionEventSchema } from './petition-event.ts';
import type { PetitionState } from './petition-state.ts';
import { registerPetition } from './register-petition.ts';
import { replay } from './replay.ts';

const context = { unitTree };
let minute = 0;
function tick(): string {
  minute += 1;
  return new Date(Date.UTC(2025, 0, 24, 2, minute)).toISOString();
}

/** Applies steps in order and returns the final state and every event. */
function run(steps: readonly (readonly [PetitionCommandInput, EventActor])[], start = registerPetition(registration, actors.officer, tick())) {
  let state = start.state;
  const events: PetitionEvent[] = [...start.events];
  for (const [command, actor] of steps) {
    const result = applyAction(state, command, actor, tick(), context);
    state = result.state;
    events.push(...result.events);
  }
  return { state, events };
}

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

const c = sampleCommands;
const toRouted = [
  [c.triage, actors.lawyer],
  [c.route, actors.officer],
] as const;
const toHandling = [...toRouted, [c.acknowledgeReceipt, actors.handlerA], [c.startHandling, actors.headA]] as const;
const toReplied = [...toHandling, [c.reply, actors.handlerA]] as const;
const toReviewRequested = [...toReplied, [c.requestReview, actors.petitioner]] as const;
const toReviewed = [...toReviewRequested, [c.answerReview, actors.districtHandler]] as const;
const toRecheckRequested = [...toReviewed, [c.requestRecheck, actors.officer]] as const;

const accusationTriage: PetitionCommandInput = {
  action: 'triage',
  petitionClass: 'accusation',
  canHandle: true,
  guidance: '按检举控告办理',
  accusedParties: { unitIds: [units.departmentA], staffIds: [actors.handlerB.staffId] },
};
const litigationTriage: PetitionCommandInput = { action: 'triage', petitionClass: 'claim', claimRoute: 'litigation', canHandle: false, guidance: '请向人民法院起诉' };

describe('registerPetition', () => {
  it('starts every log with a registered event', () => {
    const { state, events } = registerPetition(registration, actors.officer, '2025-01-24T10:00:00+08:00');
    expect(state).toMatchObject({ petitionId, status: 'registered', channel: 'letter', kioskAssisted: false, version: 1 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'registered', occurredAt: '2025-01-24T10:00:00+08:00', actor: actors.officer });
    expect(PetitionEventSchema.parse(events[0])).toEqual(events[0]);
  });

  it('lets a petitioner register at a kiosk, but not a statistician', () => {
    expect(registerPetition({ ...registration, channel: 'online', kioskAssisted: true }, actors.petitioner, '2025-01-24T10:00:00+08:00').state.kioskAssisted).toBe(true);
    expect(errorCode(() => registerPetition(registration, actors.statistician, '2025-01-24T10:00:00+08:00'))).toBe('workflow.roleNotAllowed');
  });

  it.each([
    ['a receipt time in the future', { ...registration, receivedAt: '2025-01-25T09:00:00+08:00' }, '2025-01-24T10:00:00+08:00', 'workflow.receivedInFuture'],
    ['a malformed clock', registration, 'now', 'validation.instant.invalid'],
    ['an empty summary', { ...registration, summary: ' ' }, '2025-01-24T10:00:00+08:00', 'validation.required'],
    ['an unknown channel', { ...registration, channel: 'pigeon' }, '2025-01-24T10:00:00+08:00', 'validation.invalid'],
  ])('refuses %s', (_, input, now, code) => {
    expect(errorCode(() => registerPetition(input as typeof registration, actors.officer, now))).toBe(code);
  });
});

describe('applyAction: the main path', () => {
  it('walks from registration through review and recheck to closed, and replay agrees at every step', () => {
    const steps = [
      ...toHandling,
      [c.requestExtension, actors.handlerA],
      [c.approveExtension, actors.headA],
      [c.pauseClock, actors.handlerA],
      [c.resumeClock, actors.handlerA],
      [c.reply, actors.handlerA],
      [c.recordDelivery, actors.handlerA],
      [c.recordEvaluation, actors.petitioner],
      [c.requestReview, actors.petitioner],
      [{ ...c.pauseClock, clock: 'answerReview' }, actors.districtHandler],
      [{ ...c.resumeClock, clock: 'answerReview' }, actors.districtHandler],
      [c.answerReview, actors.districtHandler],
      [{ ...c.recordDelivery, document: 'reviewAnswer' }, actors.officer],
      [c.requestRecheck, actors.officer],
      [c.answerRecheck, actors.cityHandler],
      [{ ...c.recordDelivery, document: 'recheckAnswer' }, actors.officer],
      [c.close, actors.officer],
    ] as const;
    const { state, events } = run(steps);
    expect(events.map((event) => event.type)).toEqual([
      'registered', 'triaged', 'routed', 'receiptAcknowledged', 'handlingStarted', 'extensionRequested', 'extensionApproved',
      'clockPaused', 'clockResumed', 'replied', 'deliveryRecorded', 'evaluationRecorded', 'reviewRequested', 'clockPaused',
      'clockResumed', 'reviewAnswered', 'deliveryRecorded', 'recheckRequested', 'recheckAnswered', 'deliveryRecorded', 'closed',
    ]);
    expect(state).toMatchObject({
      status: 'closed',
      extension: { days: 30, approverStaffId: actors.headA.staffId },
      replyingUnitId: units.departmentA,
      reviewingUnitId: units.district,
      recheckingUnitId: units.city,
      evaluation: 'satisfied',
      version: events.length,
    });
    expect(replay(events)).toEqual(state);
    for (const event of events) expect(PetitionEventSchema.parse(event)).toEqual(event);
  });

  it.each([
    ['diversion', [[litigationTriage, actors.lawyer], [{ ...c.divert, destination: 'litigation' }, actors.lawyer], [c.recordDiversionOutcome, actors.lawyer], [c.close, actors.officer]], 'closed'],
    ['a mediation with agreement, then judicial confirmation', [[c.triage, actors.lawyer], [c.startMediation, actors.officer], [c.concludeMediation, actors.mediator], [c.recordJudicialConfirmation, actors.mediator]], 'closed'],
    ['a terminated mediation, back to triage', [[c.triage, actors.lawyer], [c.startMediation, actors.officer], [{ action: 'concludeMediation', result: 'terminated' }, actors.mediator]], 'triaged'],
    ['an objection and re-routing', [...toRouted, [c.object, actors.handlerA], [{ ...c.route, unitId: units.departmentB }, actors.officer]], 'routed'],
    ['a withdrawal by the petitioner', [...toHandling, [c.withdraw, actors.petitioner]], 'withdrawn'],
    ['a merge into an earlier matter', [[c.merge, actors.officer]], 'merged'],
    ['a refusal of a repeat after recheck', [[{ ...c.notAccept, reason: 'repeatAfterRecheck', matchedPetitionId: earlierPetitionId }, actors.officer]], 'notAccepted'],
  ] as const)('handles %s', (_, steps, status) => {
    const { state, events } = run(steps);
    expect(state.status).toBe(status);
    expect(replay(events)).toEqual(state);
  });

  it('records who objected so the bureau does not route back blindly', () => {
    const { state } = run([...toRouted, [c.object, actors.handlerA]]);
    expect(state.objectedUnitIds).toEqual([units.departmentA]);
  });

  it('clears the handler when they are recused', () => {
    const { state } = run([...toHandling, [{ ...c.recuse, staffId: actors.handlerA.staffId }, actors.headA]] as never);
    expect(state.handlerStaffId).toBeUndefined();
    expect(state.recusedStaffIds).toEqual([actors.handlerA.staffId]);
  });
});

type Step = readonly [PetitionCommandInput, EventActor];
describe('applyAction: guards', () => {
  it.each<[string, readonly Step[], Step, string]>([
    ['an action the table forbids', [], [c.reply, actors.handlerA], 'workflow.actionNotAllowed'],
    ['a role that may not act', [[c.triage, actors.lawyer]], [c.route, actors.handlerA], 'workflow.roleNotAllowed'],
    ['a unit other than the responsible one', toRouted, [c.acknowledgeReceipt, actors.handlerB], 'workflow.unitNotResponsible'],
    ['a claim without a route', [], [{ action: 'triage', petitionClass: 'claim', canHandle: true, guidance: '待定' }, actors.lawyer], 'workflow.triage.claimRouteRequired'],
    ['routing a statutory claim into the petition procedure (Art. 31)', [[litigationTriage, actors.lawyer]], [c.route, actors.officer], 'workflow.claim.statutoryChannel'],
    ['diverting a suggestion', [[c.triage, actors.lawyer]], [c.divert, actors.lawyer], 'workflow.divert.notStatutory'],
    ['diverting to another channel than triage decided', [[litigationTriage, actors.lawyer]], [{ ...c.divert, destination: 'arbitration' }, actors.lawyer], 'workflow.divert.wrongDestination'],
    ['routing an accusation to the accused unit (Art. 30)', [[accusationTriage, actors.lawyer]], [c.route, actors.officer], 'workflow.accusation.routedToAccused'],
    ['routing an accusation to a section of the accused unit', [[accusationTriage, actors.lawyer]], [{ ...c.route, unitId: units.departmentASection }, actors.officer], 'workflow.accusation.routedToAccused'],
    ['assigning an accused staff member', [[accusationTriage, actors.lawyer], [{ ...c.route, unitId: units.departmentB }, actors.officer], [c.acknowledgeReceipt, actors.handlerB]], [{ action: 'startHandling', handlerStaffId: actors.handlerB.staffId }, actors.handlerB], 'workflow.staff.recused'],
    ['assigning a recused staff member (Art. 28)', [...toRouted, [c.acknowledgeReceipt, actors.handlerA], [{ ...c.recuse, staffId: actors.handlerA.staffId }, actors.officer]], [c.startHandling, actors.headA], 'workflow.staff.recused'],
    ['a recused mediator', [[c.triage, actors.lawyer], [{ ...c.recuse, staffId: actors.mediator.staffId }, actors.officer]], [c.startMediation, actors.officer], 'workflow.staff.recused'],
    ['an agreement without its effective date', [[c.triage, actors.lawyer], [c.startMediation, actors.officer]], [{ action: 'concludeMediation', result: 'agreement' }, actors.mediator], 'workflow.mediation.agreementDateRequired'],
    ['an extension longer than 30 days', toHandling, [{ ...c.requestExtension, days: 31 }, actors.handlerA], 'workflow.extension.tooLong'],
    ['approving more than 30 days', [...toHandling, [c.requestExtension, actors.handlerA]], [{ ...c.approveExtension, days: 45 }, actors.headA], 'workflow.extension.tooLong'],
    ['approving without a request', toHandling, [c.approveExtension, actors.headA], 'workflow.extension.notRequested'],
    ['a second request while one is pending', [...toHandling, [c.requestExtension, actors.handlerA]], [c.requestExtension, actors.handlerA], 'workflow.extension.alreadyRequested'],
    ['a second extension', [...toHandling, [c.requestExtension, actors.handlerA], [c.approveExtension, actors.headA]], [c.requestExtension, actors.handlerA], 'workflow.actionNotAllowed'],
    ['a handler approving their own extension', [...toHandling, [c.requestExtension, actors.handlerA]], [c.approveExtension, actors.handlerA], 'workflow.roleNotAllowed'],
    ['pausing a clock twice', [...toHandling, [c.pauseClock, actors.handlerA]], [c.pauseClock, actors.handlerA], 'workflow.clock.notRunning'],
    ['pausing a clock that is not running', toHandling, [{ ...c.pauseClock, clock: 'answerReview' }, actors.handlerA], 'workflow.clock.notRunning'],
    ['resuming a clock that is not paused', toHandling, [c.resumeClock, actors.handlerA], 'workflow.clock.notPaused'],
    ['resuming another clock than the paused one', [...toHandling, [c.pauseClock, actors.handlerA]], [{ ...c.resumeClock, clock: 'answerReview' }, actors.handlerA], 'workflow.clock.notPaused'],
    ['delivering a review answer before there is one', toReplied, [{ ...c.recordDelivery, document: 'reviewAnswer' }, actors.officer], 'workflow.delivery.nothingToDeliver'],
    ['a review that skips a level', toReplied, [{ ...c.requestReview, reviewingUnitId: units.city }, actors.petitioner], 'workflow.review.wrongLevel'],
    ['a review by a sibling unit', toReplied, [{ ...c.requestReview, reviewingUnitId: units.departmentB }, actors.petitioner], 'workflow.review.wrongLevel'],
    ['a recheck not one level above the reviewer', toReviewed, [{ ...c.requestRecheck, recheckingUnitId: units.district }, actors.officer], 'workflow.recheck.wrongLevel'],
    ['a review answer from another unit', toReviewRequested, [c.answerReview, actors.handlerA], 'workflow.unitNotResponsible'],
    ['a recheck answer from another unit', toRecheckRequested, [c.answerRecheck, actors.districtHandler], 'workflow.unitNotResponsible'],
    ['refusing a repeat without naming the earlier matter', [], [{ ...c.notAccept, reason: 'repeatAfterRecheck' }, actors.officer], 'workflow.notAccept.matchRequired'],
    ['merging a matter into itself', [], [{ ...c.merge, intoPetitionId: petitionId }, actors.officer], 'workflow.merge.self'],
    ['judicial confirmation without an agreement', [[litigationTriage, actors.lawyer], [c.divert, actors.lawyer], [c.close, actors.officer]], [c.recordJudicialConfirmation, actors.mediator], 'workflow.mediation.noAgreement'],
    ['a malformed command', [], [{ action: 'triage' } as unknown as PetitionCommandInput, actors.lawyer], 'validation.invalid'],
    ['a petitioner replying', toHandling, [c.reply, actors.petitioner], 'workflow.roleNotAllowed'],
  ])('refuses %s', (_, before, [command, actor], code) => {
    const { state } = run(before);
    expect(errorCode(() => applyAction(state, command, actor, tick(), context))).toBe(code);
  });

  it('needs the unit tree to check a review level', () => {
    const { state } = run(toReplied);
    expect(errorCode(() => applyAction(state, c.requestReview, actors.petitioner, tick()))).toBe('workflow.unitTreeRequired');
  });

  it('checks the accusation firewall by id even without the unit tree', () => {
    const { state } = run([[accusationTriage, actors.lawyer]]);
    expect(errorCode(() => applyAction(state, c.route, actors.officer, tick()))).toBe('workflow.accusation.routedToAccused');
    expect(applyAction(state, { ...c.route, unitId: units.departmentASection }, actors.officer, tick()).state.status).toBe('routed');
  });

  it('marks refusals with a kind the API maps to a status', () => {
    const { state } = run(toRouted);
    const attempt = (command: PetitionCommandInput, actor: EventActor): DomainError => {
      try {
        applyAction(state, command, actor, tick(), context);
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('expected a refusal');
    };
    expect(attempt(c.acknowledgeReceipt, actors.handlerB).kind).toBe('forbidden');
    expect(attempt(c.reply, actors.handlerA).kind).toBe('invalid');
  });

  it.each<[string, readonly Step[], Step, string, string]>([
    ['a claim without a route', [], [{ action: 'triage', petitionClass: 'claim', canHandle: true, guidance: '待定' }, actors.lawyer], 'workflow.triage.claimRouteRequired', 'claimRoute'],
    ['an agreement without its effective date', [[c.triage, actors.lawyer], [c.startMediation, actors.officer]], [{ action: 'concludeMediation', result: 'agreement' }, actors.mediator], 'workflow.mediation.agreementDateRequired', 'agreementEffectiveOn'],
    ['routing an accusation to the accused unit', [[accusationTriage, actors.lawyer]], [c.route, actors.officer], 'workflow.accusation.routedToAccused', 'unitId'],
    ['an extension longer than 30 days', toHandling, [{ ...c.requestExtension, days: 31 }, actors.handlerA], 'workflow.extension.tooLong', 'days'],
    ['a review that skips a level', toReplied, [{ ...c.requestReview, reviewingUnitId: units.city }, actors.petitioner], 'workflow.review.wrongLevel', 'reviewingUnitId'],
    ['refusing a repeat without naming the earlier matter', [], [{ ...c.notAccept, reason: 'repeatAfterRecheck' }, actors.officer], 'workflow.notAccept.matchRequired', 'matchedPetitionId'],
    ['a command missing a required field', [], [{ action: 'route', mode: 'transfer' } as unknown as PetitionCommandInput, actors.officer], 'validation.invalid', 'unitId'],
  ])('refuses %s as invalid, naming the field (the API answers 422 with it)', (_, before, [command, actor], code, field) => {
    const { state } = run(before);
    try {
      applyAction(state, command, actor, tick(), context);
      expect.unreachable('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainFieldError);
      expect(error).toMatchObject({ code, kind: 'invalid', field });
    }
  });

  it('marks a field required while the condition its guard checks holds, and only then', () => {
    expect(isRequiredWhen('triage', 'claimRoute', { petitionClass: 'claim' })).toBe(true);
    expect(isRequiredWhen('triage', 'claimRoute', { petitionClass: 'suggestion' })).toBe(false);
    expect(isRequiredWhen('concludeMediation', 'agreementEffectiveOn', { result: 'agreement' })).toBe(true);
    expect(isRequiredWhen('concludeMediation', 'agreementEffectiveOn', { result: 'terminated' })).toBe(false);
    expect(isRequiredWhen('notAccept', 'matchedPetitionId', { reason: 'repeatAfterRecheck' })).toBe(true);
    expect(isRequiredWhen('route', 'note', {})).toBe(false);
  });

  it('does not change the state it was given', () => {
    const { state } = run(toRouted);
    const copy = JSON.parse(JSON.stringify(state)) as PetitionState;
    applyAction(state, c.acknowledgeReceipt, actors.handlerA, tick(), context);
    expect(state).toEqual(copy);
  });
});

describe('availableActions', () => {
  const cases: [string, readonly Step[], EventActor, string[]][] = [
    ['a lawyer at registration', [], actors.lawyer, ['triage', 'notAccept']],
    ['an officer at registration', [], actors.officer, ['triage', 'notAccept', 'withdraw', 'merge', 'recuse']],
    ['an officer after triage of a suggestion', [[c.triage, actors.lawyer]], actors.officer, ['startMediation', 'route', 'recuse', 'notAccept', 'withdraw', 'merge']],
    ['a lawyer after triage of a statutory claim', [[litigationTriage, actors.lawyer]], actors.lawyer, ['divert', 'notAccept']],
    ['the routed unit', toRouted, actors.handlerA, ['acknowledgeReceipt', 'object']],
    ['another unit', toRouted, actors.handlerB, []],
    ['the handler while handling', toHandling, actors.handlerA, ['requestExtension', 'pauseClock', 'reply']],
    ['the head after an extension request', [...toHandling, [c.requestExtension, actors.handlerA]], actors.headA, ['recuse', 'approveExtension', 'pauseClock', 'reply']],
    ['the petitioner after the reply', toReplied, actors.petitioner, ['recordEvaluation', 'requestReview']],
    ['a statistician anywhere', toReplied, actors.statistician, []],
  ];
  it.each(cases)('%s', (_, steps, actor, expected) => {
    const { state } = run(steps);
    expect(availableActions(state, actor).sort()).toEqual([...expected].sort());
  });

  it('offers only actions that then succeed with a sample command', () => {
    const { state } = run(toHandling);
    for (const action of availableActions(state, actors.headA)) {
      if (action === 'approveExtension') continue;
      expect(() => applyAction(state, sampleCommands[action], actors.headA, tick(), context)).not.toThrow();
    }
  });
});

describe('replay', () => {
  it('refuses a log that does not start with registration', () => {
    const { events } = run(toRouted);
    expect(errorCode(() => replay(events.slice(1)))).toBe('workflow.notRegistered');
    expect(errorCode(() => replay([]))).toBe('workflow.notRegistered');
    expect(errorCode(() => replay([events[0]!, events[0]!]))).toBe('workflow.alreadyRegistered');
  });

  it('is what applying gave', () => {
    const { state, events } = run(toRecheckRequested);
    expect(replay(events) satisfies PetitionState).toEqual(state);
  });
});
