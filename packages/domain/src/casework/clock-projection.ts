import { computeClocks, type ClockReading } from '../clocks/compute-clocks.ts';
import { futianPolicy } from '../clocks/clock-rules.ts';
import type { WorkCalendar } from '../clocks/work-calendar.ts';
import type { Light } from '../petition/petition.ts';
import { shanghaiDay } from '../time/calendar-day.ts';
import type { PetitionEvent } from '../workflow/petition-event.ts';
import type { ClockView } from './petition-detail.ts';

/** A clock reading flattened for transport and storage. */
export function toClockView(reading: ClockReading): ClockView {
  return {
    kind: reading.kind,
    party: reading.party,
    state: reading.state,
    startedOn: reading.startedOn,
    stoppedOn: reading.stoppedOn ?? null,
    statutoryDue: reading.statutory.date,
    localTargetDue: reading.localTarget?.date ?? null,
    extensionDays: reading.extensionDays,
    pausedDays: reading.pausedDays,
    light: reading.light,
    uncertain: reading.uncertain,
    explanation: reading.explanation,
  };
}

const lightRank: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** What the petitions table stores about clocks, for queues (due date, light) and the queue's hover explanation. */
export interface ClockProjection {
  dueAt: Date | null;
  light: Light | null;
  clocks: {
    computedOn: string;
    due: { kind: string; explanation: { zh: string; en: string } } | null;
    readings: ClockView[];
  };
}

/**
 * Clocks that are the unit's option rather than its obligation: the objection window (Art. 23) lapsing only means
 * the unit has kept the matter, so it never makes a matter due or overdue.
 */
const optionalClockKinds: ReadonlySet<string> = new Set(['objection']);

/**
 * The clock projection stored for queues: every clock, plus the one that drives the queue — the unit obligation
 * still open (running or paused) with the earliest statutory due date; the light is the worst of those.
 * Used by the workflow service on every step and by the demo seed, so both store the same thing.
 * @example clockProjection(events, createWorkCalendar(), new Date()).light // 'green'
 */
export function clockProjection(events: readonly PetitionEvent[], calendar: WorkCalendar, now: Date): ClockProjection {
  const readings = computeClocks(events, futianPolicy, calendar, now.toISOString());
  const open = readings.filter((reading) => reading.party === 'unit' && reading.state !== 'stopped' && !optionalClockKinds.has(reading.kind));
  const due = open.reduce<ClockReading | undefined>((earliest, reading) => (!earliest || reading.statutory.date < earliest.statutory.date ? reading : earliest), undefined);
  const light = open.reduce<Light | null>((worst, reading) => (worst === null || lightRank[reading.light] > lightRank[worst] ? reading.light : worst), null);
  return {
    dueAt: due ? new Date(`${due.statutory.date}T23:59:59.999+08:00`) : null,
    light,
    clocks: {
      computedOn: shanghaiDay(now.toISOString()),
      due: due ? { kind: due.kind, explanation: due.explanation } : null,
      readings: readings.map(toClockView),
    },
  };
}
