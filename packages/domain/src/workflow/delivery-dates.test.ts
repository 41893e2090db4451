import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { DomainFieldError } from '../errors/field-error.ts';
import { actors, registration, sampleCommands as c, unitTree } from '../testing/fixtures.ts';
import { addDays } from '../time/calendar-day.ts';
import { applyAction, availableActions } from './apply-action.ts';
import type { PetitionCommandInput } from './petition-command.ts';
import type { EventActor, PetitionEvent } from './petition-event.ts';
import type { PetitionState } from './petition-state.ts';
import { defaultEarliestReceivedOn, registerPetition } from './register-petition.ts';
import { replay } from './replay.ts';

const context = { unitTree };
type Step = readonly [at: string, command: PetitionCommandInput, actor: EventActor];

/** Shanghai noon of a day: the instant the tables act at. */
const noonOf = (day: string) => `${day}T12:00:00+08:00`;

function run(steps: readonly Step[]): { state: PetitionState; events: PetitionEvent[] } {
  let { state, events } = registerPetition(
    { ...registration, receivedAt: '2025-01-24T09:00:00+08:00' },
    actors.officer,
    '2025-01-24T09:00:00+08:00',
  );
  const all = [...events];
  for (const [at, command, actor] of steps) {
    ({ state, events } = applyAction(state, command, actor, at, context));
    all.push(...events);
  }
  return { state, events: all };
}

function refusal(
  action: () => unknown,
): { code: string; kind: string; field: string | undefined } | undefined {
  try {
    action();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      code: error.code,
      kind: error.kind,
      field: error instanceof DomainFieldError ? error.field : undefined,
    };
  }
  return undefined;
}

/** A reply issued at noon on 1 March 2025. */
const replyIssuedOn = '2025-03-01';
const toReplied: Step[] = [
  [noonOf('2025-01-24'), c.triage, actors.lawyer],
  [noonOf('2025-01-24'), c.route, actors.officer],
  [noonOf('2025-01-27'), c.acknowledgeReceipt, actors.handlerA],
  [noonOf('2025-01-27'), c.startHandling, actors.headA],
  [noonOf(replyIssuedOn), c.reply, actors.handlerA],
];
const toReviewed: Step[] = [
  ...toReplied,
  [noonOf('2025-03-10'), c.requestReview, actors.petitioner],
  [noonOf('2025-03-20'), c.answerReview, actors.districtHandler],
];

describe('delivery dates (登记送达)', () => {
  it.each([
    [
      'on the day the reply was issued, earlier that morning',
      '2025-03-01T08:00:00+08:00',
      noonOf('2025-03-01'),
      undefined,
    ],
    [
      'the day after it was issued, recorded that day',
      '2025-03-02T10:00:00+08:00',
      noonOf('2025-03-02'),
      undefined,
    ],
    [
      'a week after it was issued, recorded later',
      '2025-03-08T10:00:00+08:00',
      noonOf('2025-03-20'),
      undefined,
    ],
    [
      'today, later than now (a day, not an instant)',
      '2025-03-05T18:00:00+08:00',
      noonOf('2025-03-05'),
      undefined,
    ],
    [
      'the day before the reply was issued',
      '2025-02-28T23:59:00+08:00',
      noonOf('2025-03-05'),
      'workflow.delivery.beforeIssued',
    ],
    [
      'before it was issued, written in UTC (Shanghai day 28 February)',
      '2025-02-28T15:00:00Z',
      noonOf('2025-03-05'),
      'workflow.delivery.beforeIssued',
    ],
    ['tomorrow', '2025-03-06T09:00:00+08:00', noonOf('2025-03-05'), 'workflow.delivery.inFuture'],
    [
      'tomorrow in Shanghai though still today in UTC',
      '2025-03-05T16:30:00Z',
      noonOf('2025-03-05'),
      'workflow.delivery.inFuture',
    ],
    ['next year', '2026-03-05T09:00:00+08:00', noonOf('2025-03-05'), 'workflow.delivery.inFuture'],
  ] as const)('a reply delivered %s: %s', (_, deliveredAt, now, code) => {
    const { state } = run(toReplied);
    const outcome = refusal(() =>
      applyAction(state, { ...c.recordDelivery, deliveredAt }, actors.handlerA, now, context),
    );
    expect(outcome).toEqual(code === undefined ? undefined : { code, kind: 'invalid', field: 'deliveredAt' });
  });

  it('checks a review answer’s delivery against the day the review answer was issued, not the reply', () => {
    const { state } = run(toReviewed);
    const record = (deliveredAt: string) =>
      refusal(() =>
        applyAction(
          state,
          { action: 'recordDelivery', document: 'reviewAnswer', deliveredAt },
          actors.officer,
          noonOf('2025-03-25'),
          context,
        ),
      );
    expect(record('2025-03-19T10:00:00+08:00')?.code).toBe('workflow.delivery.beforeIssued');
    expect(record('2025-03-20T10:00:00+08:00')).toBeUndefined();
  });

  it('records a delivery once: a second one is refused, whether the first came with the reply or on its own', () => {
    const recorded = run([
      ...toReplied,
      [
        noonOf('2025-03-03'),
        { ...c.recordDelivery, deliveredAt: '2025-03-02T10:00:00+08:00' },
        actors.handlerA,
      ],
    ]);
    expect(recorded.state.servedDocuments.reply).toEqual({
      issuedAt: noonOf(replyIssuedOn),
      deliveredAt: '2025-03-02T10:00:00+08:00',
    });
    expect(
      refusal(() =>
        applyAction(
          recorded.state,
          { ...c.recordDelivery, deliveredAt: '2025-03-03T10:00:00+08:00' },
          actors.handlerA,
          noonOf('2025-03-04'),
          context,
        ),
      ),
    ).toEqual({
      code: 'workflow.delivery.alreadyRecorded',
      kind: 'invalid',
      field: undefined,
    });
    const inline = run([
      ...toReplied.slice(0, -1),
      [noonOf(replyIssuedOn), { ...c.reply, deliveredAt: noonOf(replyIssuedOn) }, actors.handlerA],
    ]);
    expect(
      refusal(() =>
        applyAction(
          inline.state,
          { ...c.recordDelivery, deliveredAt: noonOf('2025-03-02') },
          actors.handlerA,
          noonOf('2025-03-02'),
          context,
        ),
      )?.code,
    ).toBe('workflow.delivery.alreadyRecorded');
  });

  it('offers 登记送达 while an issued document awaits its delivery, and 更正送达 once one is recorded', () => {
    const replied = run(toReplied).state;
    expect(availableActions(replied, actors.officer)).toContain('recordDelivery');
    expect(availableActions(replied, actors.officer)).not.toContain('correctDelivery');
    const delivered = applyAction(
      replied,
      { ...c.recordDelivery, deliveredAt: noonOf('2025-03-02') },
      actors.officer,
      noonOf('2025-03-02'),
      context,
    ).state;
    expect(availableActions(delivered, actors.officer)).not.toContain('recordDelivery');
    expect(availableActions(delivered, actors.officer)).toContain('correctDelivery');
    // the review answer is a new document awaiting its own delivery
    const reviewed = run([
      ...toReplied,
      [noonOf('2025-03-02'), { ...c.recordDelivery, deliveredAt: noonOf('2025-03-02') }, actors.officer],
      ...toReviewed.slice(toReplied.length),
    ]).state;
    expect(availableActions(reviewed, actors.officer)).toEqual(
      expect.arrayContaining(['recordDelivery', 'correctDelivery']),
    );
  });

  it('corrects a recorded delivery as its own action and event, within the same dates, with a reason', () => {
    const delivered = run([
      ...toReplied,
      [
        noonOf('2025-03-04'),
        { ...c.recordDelivery, deliveredAt: '2025-03-04T10:00:00+08:00' },
        actors.handlerA,
      ],
    ]);
    const { state, events } = applyAction(
      delivered.state,
      { ...c.correctDelivery, deliveredAt: '2025-03-02T10:00:00+08:00' },
      actors.officer,
      noonOf('2025-03-06'),
      context,
    );
    expect(events).toEqual([
      {
        type: 'deliveryCorrected',
        occurredAt: noonOf('2025-03-06'),
        actor: actors.officer,
        payload: {
          document: 'reply',
          deliveredAt: '2025-03-02T10:00:00+08:00',
          reason: c.correctDelivery.reason,
        },
      },
    ]);
    expect(state.servedDocuments.reply?.deliveredAt).toBe('2025-03-02T10:00:00+08:00');
    expect(state.status).toBe('replied');
    expect(replay([...delivered.events, ...events])).toEqual(state);
    const correct = (command: PetitionCommandInput) =>
      refusal(() => applyAction(delivered.state, command, actors.officer, noonOf('2025-03-06'), context));
    expect(correct({ ...c.correctDelivery, deliveredAt: '2025-02-27T10:00:00+08:00' })?.code).toBe(
      'workflow.delivery.beforeIssued',
    );
    expect(correct({ ...c.correctDelivery, deliveredAt: '2025-03-07T10:00:00+08:00' })?.code).toBe(
      'workflow.delivery.inFuture',
    );
    expect(correct({ ...c.correctDelivery, reason: ' ' })?.code).toBe('validation.required');
    expect(
      correct({ ...c.correctDelivery, deliveredAt: '2025-03-02T10:00:00+08:00', reason: '日期\u0000有误' })
        ?.code,
    ).toBe('validation.text.unsafeCharacters');
  });

  it('refuses to correct a delivery that was never recorded', () => {
    const { state } = run(toReplied);
    expect(availableActions(state, actors.officer)).not.toContain('correctDelivery');
    expect(
      refusal(() =>
        applyAction(
          state,
          { ...c.correctDelivery, deliveredAt: noonOf('2025-03-02') },
          actors.officer,
          noonOf('2025-03-02'),
          context,
        ),
      )?.code,
    ).toBe('workflow.delivery.notRecorded');
    const delivered = run([
      ...toReviewed.slice(0, toReplied.length),
      [noonOf('2025-03-02'), { ...c.recordDelivery, deliveredAt: noonOf('2025-03-02') }, actors.officer],
      ...toReviewed.slice(toReplied.length),
    ]);
    expect(
      refusal(() =>
        applyAction(
          delivered.state,
          {
            action: 'correctDelivery',
            document: 'reviewAnswer',
            deliveredAt: noonOf('2025-03-21'),
            reason: '更正',
          },
          actors.officer,
          noonOf('2025-03-22'),
          context,
        ),
      )?.code,
    ).toBe('workflow.delivery.notRecorded');
  });

  it('accepts a delivery exactly when its Shanghai day lies between the issue day and today', () => {
    const { state } = run(toReplied);
    fc.assert(
      fc.property(
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (deliveredOffset, todayOffset, minuteOfDay) => {
          const deliveredOn = addDays(replyIssuedOn, deliveredOffset);
          const time = `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}:00`;
          const outcome = refusal(() =>
            applyAction(
              state,
              { ...c.recordDelivery, deliveredAt: `${deliveredOn}T${time}+08:00` },
              actors.officer,
              noonOf(addDays(replyIssuedOn, todayOffset)),
              context,
            ),
          );
          const expected =
            deliveredOffset < 0
              ? 'workflow.delivery.beforeIssued'
              : deliveredOffset > todayOffset
                ? 'workflow.delivery.inFuture'
                : undefined;
          expect(outcome?.code).toBe(expected);
        },
      ),
    );
  });
});

describe('the date a matter was received', () => {
  const now = '2026-12-05T10:00:00+08:00';
  const register = (receivedAt: string, policy?: { earliestReceivedOn: string }) =>
    refusal(() => registerPetition({ ...registration, receivedAt }, actors.officer, now, policy));

  it.each([
    ['today, earlier', '2026-12-05T08:00:00+08:00', undefined],
    [
      'the first day allowed, at midnight in Shanghai (still 1999 in UTC)',
      '2000-01-01T00:00:00+08:00',
      undefined,
    ],
    [
      'the last minute before the first day allowed',
      '1999-12-31T23:59:00+08:00',
      'workflow.receivedTooEarly',
    ],
    ['a typo’s year 0202', '0202-03-05T09:00:00+08:00', 'validation.instant.invalid'],
    ['1925', '1925-03-05T09:00:00+08:00', 'workflow.receivedTooEarly'],
    ['later today', '2026-12-05T15:00:00+08:00', 'workflow.receivedInFuture'],
    ['tomorrow', '2026-12-06T09:00:00+08:00', 'workflow.receivedInFuture'],
  ] as const)('%s: %s', (_, receivedAt, code) => {
    const outcome = register(receivedAt);
    if (code === undefined) expect(outcome).toBeUndefined();
    else expect(outcome?.code).toBe(code);
    if (code?.startsWith('workflow.'))
      expect(outcome).toMatchObject({ kind: 'invalid', field: 'receivedAt' });
  });

  it('takes the earliest day from the bureau’s policy, 2000-01-01 unless configured', () => {
    expect(defaultEarliestReceivedOn).toBe('2000-01-01');
    expect(register('2015-06-30T09:00:00+08:00', { earliestReceivedOn: '2015-07-01' })?.code).toBe(
      'workflow.receivedTooEarly',
    );
    expect(register('2015-07-01T09:00:00+08:00', { earliestReceivedOn: '2015-07-01' })).toBeUndefined();
    expect(register('1995-07-01T09:00:00+08:00', { earliestReceivedOn: '1990-01-01' })).toBeUndefined();
  });

  it('accepts a receipt exactly when it lies between the earliest day (Shanghai) and now', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2030-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (receivedAt) => {
          const shanghaiDayOfReceipt = new Date(receivedAt.getTime() + 8 * 3_600_000)
            .toISOString()
            .slice(0, 10);
          const expected =
            receivedAt.getTime() > Date.parse(now)
              ? 'workflow.receivedInFuture'
              : shanghaiDayOfReceipt < '2000-01-01'
                ? 'workflow.receivedTooEarly'
                : undefined;
          expect(register(receivedAt.toISOString())?.code).toBe(expected);
        },
      ),
    );
  });
});
