import type { CalendarDay } from '../time/calendar-day.ts';
import { collectiveVisitThreshold } from '../records/visit.ts';
import { computeRate, isInPeriod, yearOnYearChange, type IndicatorDefinition, type Period, type Rate } from './indicator-definition.ts';

/** What the visit indicators need of a visit batch. */
export interface VisitForIndicators {
  readonly arrivedOn: CalendarDay;
  readonly personCount: number;
  readonly repeat: boolean;
}

export const repeatVisitRateDefinition: IndicatorDefinition = {
  id: 'repeatVisitRate',
  version: 1,
  name: { zh: '重复访率', en: 'Repeat-visit rate' },
  numerator: { zh: '重复来访批次（或人次）', en: 'Repeat visit batches (or person-times)' },
  denominator: { zh: '接待厅全部来访批次（或人次）', en: 'All visit batches (or person-times) at the hall' },
  filters: { zh: '按接待厅', en: 'By hall' },
  periodBy: { zh: '来访日期', en: 'Day of the visit' },
  decimals: 2,
};

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
    persons: computeRate({ id: 'repeatVisitRate.persons', version: 1 }, persons(repeats), persons(relevant)),
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
