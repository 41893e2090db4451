import type { CalendarDay } from '../time/calendar-day.ts';
import { collectiveVisitThreshold } from '../records/visit.ts';
import { repeatVisitPersonRate } from './definitions/repeat-visit-person-rate.ts';
import { repeatVisitRate as repeatVisitRateDefinition } from './definitions/repeat-visit-rate.ts';
import { computeRate, isInPeriod, yearOnYearChange, type Period, type Rate } from './indicator-definition.ts';

export { repeatVisitRateDefinition };

/** What the visit indicators need of a visit batch. */
export interface VisitForIndicators {
  readonly arrivedOn: CalendarDay;
  readonly personCount: number;
  readonly repeat: boolean;
}

/**
 * 重复访率 by batches and by person-times.
 * @example repeatVisitRate(visits).batches.display // '32.53%' for 202 of 621 batches
 */
export function repeatVisitRate(visits: readonly VisitForIndicators[], period?: Period): { batches: Rate; persons: Rate } {
  const relevant = visits.filter((visit) => isInPeriod(visit.arrivedOn, period));
  const repeats = relevant.filter((visit) => visit.repeat);
  const persons = (list: readonly VisitForIndicators[]) => list.reduce((sum, visit) => sum + visit.personCount, 0);
  return {
    batches: computeRate(repeatVisitRateDefinition, repeats.length, relevant.length),
    persons: computeRate(repeatVisitPersonRate, persons(repeats), persons(relevant)),
  };
}

/** Collective visits in a period, with the change on the same period last year. */
export interface CollectiveVisitFigures {
  readonly batches: number;
  readonly persons: number;
  readonly batchesChange: number | null;
  readonly personsChange: number | null;
}

function collective(visits: readonly VisitForIndicators[], period: Period): { batches: number; persons: number } {
  const relevant = visits.filter((visit) => visit.personCount >= collectiveVisitThreshold && isInPeriod(visit.arrivedOn, period));
  return { batches: relevant.length, persons: relevant.reduce((sum, visit) => sum + visit.personCount, 0) };
}

/**
 * 集体访: batches of 5 or more people and their persons, with the year-on-year change.
 * @example collectiveVisits(visits, thisYear, lastYear) // { batches: 254, persons: 1983, batchesChange: -48.89, personsChange: -83.57 }
 */
export function collectiveVisits(visits: readonly VisitForIndicators[], period: Period, samePeriodLastYear: Period): CollectiveVisitFigures {
  const current = collective(visits, period);
  const previous = collective(visits, samePeriodLastYear);
  return { ...current, batchesChange: yearOnYearChange(current.batches, previous.batches), personsChange: yearOnYearChange(current.persons, previous.persons) };
}
