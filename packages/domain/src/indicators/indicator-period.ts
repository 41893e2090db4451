import { z } from 'zod';
import { addDays, CalendarDay, daysBetween, isCalendarDay } from '../time/calendar-day.ts';
import type { Period } from './indicator-definition.ts';

const Year = z.number().int().min(2000, 'validation.invalid').max(2100, 'validation.invalid');

/** The longest custom range a figure is computed for (about three years). */
export const maximumRangeDays = 1100;

/**
 * A reporting period: a month, a quarter, a year, or a custom range of days such as January–October
 * (both ends included). Days are Asia/Shanghai calendar days.
 */
export const IndicatorPeriod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year: Year, month: z.number().int().min(1, 'validation.invalid').max(12, 'validation.invalid') }),
  z.object({ kind: z.literal('quarter'), year: Year, quarter: z.number().int().min(1, 'validation.invalid').max(4, 'validation.invalid') }),
  z.object({ kind: z.literal('year'), year: Year }),
  z
    .object({ kind: z.literal('range'), from: CalendarDay, to: CalendarDay })
    .refine((range) => isCalendarDay(range.from) && isCalendarDay(range.to) && range.from <= range.to && daysBetween(range.from, range.to) < maximumRangeDays && range.from >= '2000-01-01' && range.to <= '2100-12-31', {
      message: 'validation.invalid',
      path: ['to'],
    }),
]);
export type IndicatorPeriod = z.infer<typeof IndicatorPeriod>;

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): CalendarDay {
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);
}

/**
 * The days a period covers, both ends included.
 * @example resolvePeriod({ kind: 'quarter', year: 2025, quarter: 1 }) // { from: '2025-01-01', to: '2025-03-31' }
 */
export function resolvePeriod(period: IndicatorPeriod): Period {
  switch (period.kind) {
    case 'month':
      return { from: `${period.year}-${pad(period.month)}-01`, to: lastDayOfMonth(period.year, period.month) };
    case 'quarter':
      return { from: `${period.year}-${pad(period.quarter * 3 - 2)}-01`, to: lastDayOfMonth(period.year, period.quarter * 3) };
    case 'year':
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
    case 'range':
      return { from: period.from, to: period.to };
  }
}

/** The same day a year earlier; 29 February becomes the 28th, and a month's last day stays its month's last day. */
function dayAYearEarlier(day: CalendarDay): CalendarDay {
  const year = Number(day.slice(0, 4)) - 1;
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  const last = lastDayOfMonth(year + 1, month);
  if (day === last) return lastDayOfMonth(year, month);
  const candidate = `${year}-${pad(month)}-${pad(date)}`;
  return CalendarDay.safeParse(candidate).success ? candidate : lastDayOfMonth(year, month);
}

/**
 * The same period last year, for 同比: January–October 2025 → January–October 2024; a range ending on a month's last
 * day ends on that month's last day (February 2025 → 1–29 February 2024).
 * @example samePeriodLastYear({ from: '2025-01-01', to: '2025-10-31' }) // { from: '2024-01-01', to: '2024-10-31' }
 */
export function samePeriodLastYear(period: Period): Period {
  return { from: dayAYearEarlier(period.from), to: dayAYearEarlier(period.to) };
}

/** One calendar month of a period, cut to the period's ends. */
export interface PeriodMonth extends Period {
  /** `YYYY-MM` */
  readonly month: string;
}

/**
 * The months a period touches, each cut to the period (for monthly trends).
 * @example monthsOf({ from: '2025-01-15', to: '2025-03-10' }).map((m) => m.month) // ['2025-01', '2025-02', '2025-03']
 */
export function monthsOf(period: Period): PeriodMonth[] {
  const months: PeriodMonth[] = [];
  let start = period.from;
  while (start <= period.to) {
    const year = Number(start.slice(0, 4));
    const month = Number(start.slice(5, 7));
    const end = lastDayOfMonth(year, month);
    months.push({ month: start.slice(0, 7), from: start, to: end < period.to ? end : period.to });
    start = addDays(end, 1);
  }
  return months;
}
