import { describe, expect, it } from 'vitest';
import { actors, registration, sampleCommands as c, unitTree } from '../testing/fixtures.ts';
import { applyAction } from '../workflow/apply-action.ts';
import type { PetitionCommandInput } from '../workflow/petition-command.ts';
import type { EventActor, PetitionEvent } from '../workflow/petition-event.ts';
import { registerPetition } from '../workflow/register-petition.ts';
import { replay } from '../workflow/replay.ts';
import { futianPolicy, nationalPolicy } from './clock-rules.ts';
import { computeClocks, type ClockReading } from './compute-clocks.ts';
import { createWorkCalendar } from './work-calendar.ts';

const calendar = createWorkCalendar();

type TimedStep = readonly [string, PetitionCommandInput, EventActor];

function log(receivedAt: string, steps: readonly TimedStep[]): PetitionEvent[] {
  let { state, events } = registerPetition({ ...registration, receivedAt }, actors.officer, receivedAt);
  const all = [...events];
  for (const [at, command, actor] of steps) {
    ({ state, events } = applyAction(state, command, actor, at, { unitTree }));
    all.push(...events);
  }
  return all;
}

function clock(readings: readonly ClockReading[], kind: ClockReading['kind']): ClockReading {
  const reading = readings.find((candidate) => candidate.kind === kind);
  if (!reading) throw new Error(`no ${kind} clock`);
  return reading;
}

const received = '2025-01-24T09:00:00+08:00';

describe('computeClocks', () => {
  it('starts the route clock when the bureau receives the letter, with Futian’s 3 working-day target', () => {
    const events = log(received, []);
    const route = clock(computeClocks(events, futianPolicy, calendar, '2025-01-27T09:00:00+08:00'), 'route');
    expect(route).toMatchObject({ state: 'running', party: 'unit', startedOn: '2025-01-24', light: 'green', uncertain: false });
    expect(route.statutory.date).toBe('2025-02-08');
    expect(route.localTarget?.date).toBe('2025-02-05');
    expect(route.explanation.zh).toMatch(/^法定期限：.*本地目标：/);
  });

  it.each([
    ['2025-01-27T09:00:00+08:00', 'green'],
    ['2025-02-05T09:00:00+08:00', 'green'],
    ['2025-02-06T09:00:00+08:00', 'yellow'],
    ['2025-02-08T23:59:00+08:00', 'yellow'],
    ['2025-02-08T16:30:00Z', 'red'],
  ])('lights the running route clock at %s %s', (now, light) => {
    expect(clock(computeClocks(log(received, []), futianPolicy, calendar, now), 'route').light).toBe(light);
  });

  it('under the national policy has no local target and warns near the limit', () => {
    const events = log(received, []);
    expect(clock(computeClocks(events, nationalPolicy, calendar, '2025-02-06T09:00:00+08:00'), 'route')).toMatchObject({ localTarget: undefined, light: 'yellow' });
    expect(clock(computeClocks(events, nationalPolicy, calendar, '2025-02-01T09:00:00+08:00'), 'route').light).toBe('green');
  });

  it('stops the route clock when routed and starts the receipt-notice and objection clocks', () => {
    const events = log(received, [
      ['2025-01-24T10:00:00+08:00', c.triage, actors.lawyer],
      ['2025-01-27T10:00:00+08:00', c.route, actors.officer],
    ]);
    const readings = computeClocks(events, futianPolicy, calendar, '2025-01-27T12:00:00+08:00');
    expect(clock(readings, 'route')).toMatchObject({ state: 'stopped', stoppedOn: '2025-01-27', light: 'green' });
    expect(clock(readings, 'receiptNotice')).toMatchObject({ state: 'running', startedOn: '2025-01-27' });
    expect(clock(readings, 'receiptNotice').statutory.date).toBe('2025-02-11');
    expect(clock(readings, 'receiptNotice').localTarget?.date).toBe('2025-02-10');
    expect(clock(readings, 'objection').statutory.date).toBe('2025-02-10');
  });

  it('keeps a late step red after it stopped', () => {
    const events = log(received, [
      ['2025-01-24T10:00:00+08:00', c.triage, actors.lawyer],
      ['2025-02-10T10:00:00+08:00', c.route, actors.officer],
    ]);
    expect(clock(computeClocks(events, futianPolicy, calendar, '2025-03-01T12:00:00+08:00'), 'route')).toMatchObject({ state: 'stopped', light: 'red' });
  });

  const acceptance = [
    ['2025-03-03T09:30:00+08:00', c.triage, actors.lawyer],
    ['2025-03-03T10:00:00+08:00', c.route, actors.officer],
    ['2025-03-05T10:00:00+08:00', c.acknowledgeReceipt, actors.handlerA],
    ['2025-03-05T11:00:00+08:00', c.startHandling, actors.headA],
  ] as const satisfies readonly TimedStep[];

  it('gives the conclude clock 60 days from acceptance, and Futian’s 30 working days', () => {
    const readings = computeClocks(log('2025-03-03T09:00:00+08:00', acceptance), futianPolicy, calendar, '2025-03-06T09:00:00+08:00');
    const conclude = clock(readings, 'conclude');
    expect(conclude.statutory).toMatchObject({ date: '2025-05-06', rolledForwardFrom: '2025-05-04' });
    expect(conclude.localTarget?.date).toBe('2025-04-17');
    expect(clock(readings, 'receiptNotice')).toMatchObject({ state: 'stopped', light: 'green' });
    expect(clock(readings, 'objection').state).toBe('stopped');
  });

  it('adds a one-off 30-day extension to the conclude clock', () => {
    const events = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-04-20T10:00:00+08:00', c.requestExtension, actors.handlerA],
      ['2025-04-21T10:00:00+08:00', c.approveExtension, actors.headA],
    ]);
    const conclude = clock(computeClocks(events, futianPolicy, calendar, '2025-05-10T09:00:00+08:00'), 'conclude');
    expect(conclude).toMatchObject({ extensionDays: 30, light: 'yellow' });
    expect(conclude.statutory).toMatchObject({ date: '2025-06-03', rolledForwardFrom: undefined });
    expect(conclude.explanation.zh).toContain('经批准延长 30 日');
  });

  it('does not count time while the clock is paused, and reports it as paused', () => {
    const paused = log('2025-03-03T09:00:00+08:00', [...acceptance, ['2025-03-10T10:00:00+08:00', c.pauseClock, actors.handlerA]]);
    const whilePaused = clock(computeClocks(paused, nationalPolicy, calendar, '2025-03-20T09:00:00+08:00'), 'conclude');
    expect(whilePaused).toMatchObject({ state: 'paused', pausedDays: 10 });
    expect(whilePaused.statutory.date).toBe('2025-05-14');
    const resumed = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-03-10T10:00:00+08:00', c.pauseClock, actors.handlerA],
      ['2025-03-20T10:00:00+08:00', c.resumeClock, actors.handlerA],
    ]);
    const afterwards = clock(computeClocks(resumed, nationalPolicy, calendar, '2025-06-01T09:00:00+08:00'), 'conclude');
    expect(afterwards).toMatchObject({ state: 'running', pausedDays: 10, light: 'red' });
    expect(afterwards.statutory.date).toBe('2025-05-14');
    expect(afterwards.explanation.en).toContain('10 paused days not counted');
  });

  it('runs the petitioner’s review window from the delivery of the reply, then the review clocks', () => {
    const events = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-03-20T10:00:00+08:00', c.reply, actors.handlerA],
      // recorded the day it happened: a delivery date cannot lie in the future
      ['2025-03-24T16:00:00+08:00', { ...c.recordDelivery, deliveredAt: '2025-03-24T15:00:00+08:00' }, actors.handlerA],
      ['2025-04-01T10:00:00+08:00', c.requestReview, actors.petitioner],
      ['2025-04-02T10:00:00+08:00', { ...c.pauseClock, clock: 'answerReview' }, actors.districtHandler],
      ['2025-04-09T10:00:00+08:00', { ...c.resumeClock, clock: 'answerReview' }, actors.districtHandler],
      ['2025-04-20T10:00:00+08:00', { ...c.answerReview, deliveredAt: '2025-04-22T10:00:00+08:00' }, actors.districtHandler],
    ]);
    const readings = computeClocks(events, nationalPolicy, calendar, '2025-04-23T09:00:00+08:00');
    expect(clock(readings, 'conclude')).toMatchObject({ state: 'stopped', light: 'green' });
    expect(clock(readings, 'requestReview')).toMatchObject({ party: 'petitioner', startedOn: '2025-03-24', stoppedOn: '2025-04-01', state: 'stopped' });
    expect(clock(readings, 'requestReview').statutory.date).toBe('2025-04-23');
    expect(clock(readings, 'answerReview')).toMatchObject({ state: 'stopped', pausedDays: 7 });
    expect(clock(readings, 'requestRecheck')).toMatchObject({ state: 'running', startedOn: '2025-04-22' });
  });

  it('moves the petitioner’s review window when the delivery date is corrected, until they have used it', () => {
    const delivered: Parameters<typeof log>[1] = [
      ...acceptance,
      ['2025-03-20T10:00:00+08:00', c.reply, actors.handlerA],
      ['2025-03-24T16:00:00+08:00', { ...c.recordDelivery, deliveredAt: '2025-03-24T15:00:00+08:00' }, actors.handlerA],
    ];
    const corrected = log('2025-03-03T09:00:00+08:00', [...delivered, ['2025-03-25T10:00:00+08:00', { ...c.correctDelivery, deliveredAt: '2025-03-21T11:00:00+08:00' }, actors.officer]]);
    expect(clock(computeClocks(corrected, nationalPolicy, calendar, '2025-03-26T09:00:00+08:00'), 'requestReview')).toMatchObject({ startedOn: '2025-03-21', state: 'running' });
    const afterUse = log('2025-03-03T09:00:00+08:00', [
      ...delivered,
      ['2025-04-01T10:00:00+08:00', c.requestReview, actors.petitioner],
      ['2025-04-20T10:00:00+08:00', c.answerReview, actors.districtHandler],
      ['2025-04-21T10:00:00+08:00', { ...c.correctDelivery, deliveredAt: '2025-03-21T11:00:00+08:00' }, actors.officer],
    ]);
    expect(clock(computeClocks(afterUse, nationalPolicy, calendar, '2025-04-22T09:00:00+08:00'), 'requestReview')).toMatchObject({ startedOn: '2025-03-24', stoppedOn: '2025-04-01' });
  });

  it('runs the recheck clocks and stops everything at closing', () => {
    const events = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-03-20T10:00:00+08:00', { ...c.reply, deliveredAt: '2025-03-20T16:00:00+08:00' }, actors.handlerA],
      ['2025-04-01T10:00:00+08:00', c.requestReview, actors.petitioner],
      ['2025-04-20T10:00:00+08:00', c.answerReview, actors.districtHandler],
      ['2025-04-21T10:00:00+08:00', { ...c.recordDelivery, document: 'reviewAnswer', deliveredAt: '2025-04-21T10:00:00+08:00' }, actors.officer],
      ['2025-05-06T10:00:00+08:00', c.requestRecheck, actors.petitioner],
      ['2025-05-20T10:00:00+08:00', c.answerRecheck, actors.cityHandler],
      ['2025-05-21T10:00:00+08:00', c.close, actors.officer],
    ]);
    const readings = computeClocks(events, nationalPolicy, calendar, '2025-06-01T09:00:00+08:00');
    expect(clock(readings, 'requestReview').startedOn).toBe('2025-03-20');
    expect(clock(readings, 'requestRecheck')).toMatchObject({ startedOn: '2025-04-21', stoppedOn: '2025-05-06' });
    expect(clock(readings, 'answerRecheck')).toMatchObject({ state: 'stopped', stoppedOn: '2025-05-20' });
    expect(readings.every((reading) => reading.state === 'stopped')).toBe(true);
  });

  it('restarts routing after an objection', () => {
    const events = log(received, [
      ['2025-01-24T10:00:00+08:00', c.triage, actors.lawyer],
      ['2025-01-24T11:00:00+08:00', c.route, actors.officer],
      ['2025-02-05T10:00:00+08:00', c.object, actors.handlerA],
    ]);
    const readings = computeClocks(events, futianPolicy, calendar, '2025-02-06T09:00:00+08:00');
    expect(clock(readings, 'route')).toMatchObject({ state: 'running', startedOn: '2025-02-05' });
    expect(clock(readings, 'objection')).toMatchObject({ state: 'stopped', stoppedOn: '2025-02-05' });
  });

  it('runs the judicial-confirmation window from the agreement', () => {
    const events = log(received, [
      ['2025-01-24T10:00:00+08:00', c.triage, actors.lawyer],
      ['2025-01-24T11:00:00+08:00', c.startMediation, actors.officer],
      ['2025-02-10T11:00:00+08:00', c.concludeMediation, actors.mediator],
    ]);
    const running = clock(computeClocks(events, nationalPolicy, calendar, '2025-02-11T09:00:00+08:00'), 'judicialConfirmation');
    expect(running).toMatchObject({ party: 'petitioner', state: 'running', startedOn: '2025-02-10' });
    expect(running.statutory.date).toBe('2025-03-12');
    const confirmation = applyAction(replay(events), c.recordJudicialConfirmation, actors.mediator, '2025-02-21T10:00:00+08:00');
    const applied = [...events, ...confirmation.events];
    expect(clock(computeClocks(applied, nationalPolicy, calendar, '2025-04-01T09:00:00+08:00'), 'judicialConfirmation')).toMatchObject({ state: 'stopped', stoppedOn: '2025-02-20', light: 'green' });
  });

  it('flags a clock whose limit falls past the calendar coverage', () => {
    const events = log('2026-12-20T09:00:00+08:00', []);
    const route = clock(computeClocks(events, futianPolicy, calendar, '2026-12-21T09:00:00+08:00'), 'route');
    expect(route.uncertain).toBe(true);
    expect(route.explanation.en).toContain('past the published holiday calendar');
  });
});
