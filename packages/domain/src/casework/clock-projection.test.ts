import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalPolicy } from '../clocks/clock-rules.ts';
import { computeClocks } from '../clocks/compute-clocks.ts';
import { createWorkCalendar } from '../clocks/work-calendar.ts';
import { actors, registration, sampleCommands as c, unitTree } from '../testing/fixtures.ts';
import { applyAction } from '../workflow/apply-action.ts';
import type { PetitionCommandInput } from '../workflow/petition-command.ts';
import type { EventActor, PetitionEvent } from '../workflow/petition-event.ts';
import { registerPetition } from '../workflow/register-petition.ts';
import { clockProjection, toClockView } from './clock-projection.ts';
import { ClockView } from './petition-detail.ts';

const calendar = createWorkCalendar();

type TimedStep = readonly [string, PetitionCommandInput, EventActor];

/** A petition's event log built through the real workflow: registration, then each action at its time. */
function log(receivedAt: string, steps: readonly TimedStep[]): PetitionEvent[] {
  let { state, events } = registerPetition({ ...registration, receivedAt }, actors.officer, receivedAt);
  const all = [...events];
  for (const [at, command, actor] of steps) {
    ({ state, events } = applyAction(state, command, actor, at, { unitTree }));
    all.push(...events);
  }
  return all;
}

const at = (instant: string) => new Date(instant);

const received = '2025-01-24T09:00:00+08:00';
const routedSteps = [
  ['2025-01-24T10:00:00+08:00', c.triage, actors.lawyer],
  ['2025-01-27T10:00:00+08:00', c.route, actors.officer],
] as const satisfies readonly TimedStep[];

const acceptance = [
  ['2025-03-03T09:30:00+08:00', c.triage, actors.lawyer],
  ['2025-03-03T10:00:00+08:00', c.route, actors.officer],
  ['2025-03-05T10:00:00+08:00', c.acknowledgeReceipt, actors.handlerA],
  ['2025-03-05T11:00:00+08:00', c.startHandling, actors.headA],
] as const satisfies readonly TimedStep[];

describe('clockProjection', () => {
  it('on a fresh registration is driven by the route clock, due at the end of its statutory day in Beijing', () => {
    const projection = clockProjection(log(received, []), calendar, at('2025-01-27T09:00:00+08:00'));
    expect(projection.light).toBe('green');
    expect(projection.dueAt?.toISOString()).toBe('2025-02-08T15:59:59.999Z');
    expect(projection.clocks.due?.kind).toBe('route');
    expect(projection.clocks.due?.explanation.zh).toMatch(/^法定期限：/);
    expect(projection.clocks.computedOn).toBe('2025-01-27');
    expect(projection.clocks.readings).toEqual([
      expect.objectContaining({ kind: 'route', party: 'unit', state: 'running', startedOn: '2025-01-24', stoppedOn: null, statutoryDue: '2025-02-08', localTargetDue: '2025-02-05' }),
    ]);
  });

  it('records the Shanghai calendar day it was computed on, not the UTC one', () => {
    // 17:00 UTC on the 26th is 01:00 on the 27th in Beijing
    expect(clockProjection(log(received, []), calendar, at('2025-01-26T17:00:00Z')).clocks.computedOn).toBe('2025-01-27');
    expect(clockProjection(log(received, []), calendar, at('2025-01-26T15:59:00Z')).clocks.computedOn).toBe('2025-01-26');
  });

  // After routing two unit clocks run: the receipt notice (15 days, due 02-11) and the 5-working-day objection window
  // (due 02-10). The objection window is the unit's option, not an obligation: it is shown but never drives the due
  // date or the light, so a lapsed window (02-11) does not make the matter overdue while the notice is not yet late.
  it.each([
    ['2025-01-27T12:00:00+08:00', 'green', { receiptNotice: 'green', objection: 'green' }],
    ['2025-02-10T12:00:00+08:00', 'yellow', { receiptNotice: 'yellow', objection: 'yellow' }],
    ['2025-02-11T12:00:00+08:00', 'yellow', { receiptNotice: 'yellow', objection: 'red' }],
    ['2025-02-12T12:00:00+08:00', 'red', { receiptNotice: 'red', objection: 'red' }],
  ] as const)('after routing, at %s the light is %s (the worst open unit obligation)', (now, light, lights) => {
    const projection = clockProjection(log(received, routedSteps), calendar, at(now));
    expect(projection.light).toBe(light);
    expect(projection.dueAt?.toISOString()).toBe('2025-02-11T15:59:59.999Z');
    expect(projection.clocks.due?.kind).toBe('receiptNotice');
    const byKind = Object.fromEntries(projection.clocks.readings.map((reading) => [reading.kind, reading]));
    expect(byKind['route']).toMatchObject({ state: 'stopped', stoppedOn: '2025-01-27', light: 'green' });
    expect(byKind['receiptNotice']).toMatchObject({ state: 'running', statutoryDue: '2025-02-11', light: lights.receiptNotice });
    expect(byKind['objection']).toMatchObject({ state: 'running', statutoryDue: '2025-02-10', localTargetDue: null, light: lights.objection });
  });

  it('ignores stopped clocks, however red: a late route does not make the routed matter overdue', () => {
    const late = log(received, [
      ['2025-01-24T10:00:00+08:00', c.triage, actors.lawyer],
      ['2025-02-12T10:00:00+08:00', c.route, actors.officer],
    ]);
    const projection = clockProjection(late, calendar, at('2025-02-13T09:00:00+08:00'));
    expect(projection.clocks.readings.find((reading) => reading.kind === 'route')).toMatchObject({ state: 'stopped', light: 'red' });
    expect(projection.light).toBe('green');
    expect(projection.clocks.due?.kind).not.toBe('route');
  });

  it('keeps a paused conclude clock as the driver, with the due date moved by the paused days', () => {
    const now = at('2025-03-27T09:00:00+08:00');
    const handling = log('2025-03-03T09:00:00+08:00', acceptance);
    expect(clockProjection(handling, calendar, now)).toMatchObject({ light: 'green', clocks: { due: { kind: 'conclude' } } });
    expect(clockProjection(handling, calendar, now).dueAt?.toISOString()).toBe('2025-05-06T15:59:59.999Z');

    const paused = log('2025-03-03T09:00:00+08:00', [...acceptance, ['2025-03-10T10:00:00+08:00', c.pauseClock, actors.handlerA]]);
    const whilePaused = clockProjection(paused, calendar, now);
    expect(whilePaused.clocks.due?.kind).toBe('conclude');
    expect(whilePaused.clocks.readings.find((reading) => reading.kind === 'conclude')).toMatchObject({ state: 'paused', pausedDays: 17 });
    expect(whilePaused.dueAt?.toISOString()).toBe('2025-05-21T15:59:59.999Z');

    const resumed = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-03-10T10:00:00+08:00', c.pauseClock, actors.handlerA],
      ['2025-03-20T10:00:00+08:00', c.resumeClock, actors.handlerA],
    ]);
    expect(clockProjection(resumed, calendar, now).dueAt?.toISOString()).toBe('2025-05-14T15:59:59.999Z');
  });

  it('has no due date and no light once only the petitioner’s review window is open', () => {
    const replied = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-03-25T10:00:00+08:00', c.reply, actors.handlerA],
      ['2025-03-26T10:00:00+08:00', { ...c.recordDelivery, deliveredAt: '2025-03-26T15:00:00+08:00' }, actors.handlerA],
    ]);
    const projection = clockProjection(replied, calendar, at('2025-03-27T09:00:00+08:00'));
    expect(projection).toMatchObject({ dueAt: null, light: null, clocks: { due: null, computedOn: '2025-03-27' } });
    expect(projection.clocks.readings.find((reading) => reading.kind === 'requestReview')).toMatchObject({ party: 'petitioner', state: 'running' });
    expect(projection.clocks.readings.filter((reading) => reading.party === 'unit').every((reading) => reading.state === 'stopped')).toBe(true);
  });

  it('drives the queue by the review answer once a review is requested', () => {
    const reviewing = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-03-20T10:00:00+08:00', { ...c.reply, deliveredAt: '2025-03-20T16:00:00+08:00' }, actors.handlerA],
      ['2025-04-01T10:00:00+08:00', c.requestReview, actors.petitioner],
    ]);
    const projection = clockProjection(reviewing, calendar, at('2025-04-02T09:00:00+08:00'));
    expect(projection.clocks.due?.kind).toBe('answerReview');
    expect(projection.light).toBe('green');
  });

  it('is empty of open clocks for a closed matter', () => {
    const closed = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-03-20T10:00:00+08:00', { ...c.reply, deliveredAt: '2025-03-20T16:00:00+08:00' }, actors.handlerA],
      ['2025-03-21T10:00:00+08:00', c.close, actors.officer],
    ]);
    const projection = clockProjection(closed, calendar, at('2025-06-01T09:00:00+08:00'));
    expect(projection).toMatchObject({ dueAt: null, light: null, clocks: { due: null } });
    expect(projection.clocks.readings.every((reading) => reading.state === 'stopped')).toBe(true);
  });

  it('holds, at any moment after routing, the invariants the queues rely on', () => {
    const events = log(received, routedSteps);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 24 }), (hours) => {
        const now = new Date(Date.parse('2025-01-27T10:00:00+08:00') + hours * 3_600_000);
        const projection = clockProjection(events, calendar, now);
        // the unit's obligations: open unit clocks other than the optional objection window
        const open = projection.clocks.readings.filter((reading) => reading.party === 'unit' && reading.state !== 'stopped' && reading.kind !== 'objection');
        const rank = { green: 0, yellow: 1, red: 2 } as const;
        expect(open.length).toBeGreaterThan(0);
        expect(projection.clocks.due?.kind).toBeDefined();
        const driver = open.find((reading) => reading.kind === projection.clocks.due?.kind);
        expect(driver).toBeDefined();
        expect(projection.dueAt?.toISOString()).toBe(new Date(`${driver?.statutoryDue ?? ''}T23:59:59.999+08:00`).toISOString());
        for (const reading of open) {
          expect(reading.statutoryDue >= (driver?.statutoryDue ?? '')).toBe(true);
          expect(rank[reading.light]).toBeLessThanOrEqual(rank[projection.light ?? 'green']);
        }
        expect(open.some((reading) => reading.light === projection.light)).toBe(true);
        // the matter can only get worse as time passes while nothing happens
        const later = clockProjection(events, calendar, new Date(now.getTime() + 24 * 3_600_000));
        expect(rank[later.light ?? 'green']).toBeGreaterThanOrEqual(rank[projection.light ?? 'green']);
      }),
    );
  });
});

describe('toClockView', () => {
  it('flattens a reading: absent stop day and local target become null, and the result satisfies ClockView', () => {
    const readings = computeClocks(log(received, routedSteps), nationalPolicy, calendar, '2025-01-28T09:00:00+08:00');
    const views = readings.map(toClockView);
    for (const view of views) expect(ClockView.parse(view)).toEqual(view);
    expect(views.find((view) => view.kind === 'route')).toMatchObject({ state: 'stopped', stoppedOn: '2025-01-27', statutoryDue: '2025-02-08', localTargetDue: null });
    expect(views.find((view) => view.kind === 'receiptNotice')).toMatchObject({ state: 'running', stoppedOn: null, startedOn: '2025-01-27', extensionDays: 0, pausedDays: 0, uncertain: false });
  });

  it('keeps the extension days and the explanation of the reading', () => {
    const extended = log('2025-03-03T09:00:00+08:00', [
      ...acceptance,
      ['2025-04-20T10:00:00+08:00', c.requestExtension, actors.handlerA],
      ['2025-04-21T10:00:00+08:00', c.approveExtension, actors.headA],
    ]);
    const reading = computeClocks(extended, nationalPolicy, calendar, '2025-05-10T09:00:00+08:00').find((candidate) => candidate.kind === 'conclude');
    expect(reading).toBeDefined();
    if (!reading) return;
    expect(toClockView(reading)).toMatchObject({ extensionDays: 30, statutoryDue: '2025-06-03', explanation: reading.explanation });
    expect(toClockView(reading).explanation.zh).toContain('经批准延长 30 日');
  });
});
