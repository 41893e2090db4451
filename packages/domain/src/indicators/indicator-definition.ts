import type { BilingualMessage } from '../messages/messages.ts';
import type { CalendarDay } from '../time/calendar-day.ts';

/** A reporting period, both ends included (Asia/Shanghai calendar days). */
export interface Period {
  readonly from: CalendarDay;
  readonly to: CalendarDay;
}

/** An indicator's definition: code, versioned, so a published figure can be reproduced with the rule it used. */
export interface IndicatorDefinition {
  readonly id: string;
  readonly version: number;
  readonly name: BilingualMessage;
  readonly numerator: BilingualMessage;
  readonly denominator: BilingualMessage;
  readonly filters: BilingualMessage;
  /** Which day of a record places it in a period. */
  readonly periodBy: BilingualMessage;
  readonly decimals: 2;
}

/** A rate with its parts (shown on hover) and its percentage rounded to two decimals; null when the denominator is 0. */
export interface Rate {
  readonly indicatorId: string;
  readonly version: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number | null;
  readonly display: string;
}

/**
 * Rounds half away from zero to two decimals, robust to binary floating point (92.145 → 92.15).
 * @example roundTo2(92.14294) // 92.14
 */
export function roundTo2(value: number): number {
  const shifted = Math.round(Math.abs(value) * 100 + 1e-9) / 100;
  return value < 0 ? -shifted : shifted;
}

/**
 * A rate as a percentage with two decimals.
 * @example computeRate(diversionSuccessRateDefinition, 7271, 7891).display // '92.14%'
 */
export function computeRate(definition: Pick<IndicatorDefinition, 'id' | 'version'>, numerator: number, denominator: number): Rate {
  const percent = denominator === 0 ? null : roundTo2((numerator / denominator) * 100);
  return { indicatorId: definition.id, version: definition.version, numerator, denominator, percent, display: percent === null ? '—' : `${percent.toFixed(2)}%` };
}

/**
 * Year-on-year change (同比) in percent, two decimals: (this period − same period last year) / same period last year.
 * @example yearOnYearChange(5828, 1938) // 200.72
 */
export function yearOnYearChange(current: number, previous: number): number | null {
  return previous === 0 ? null : roundTo2(((current - previous) / previous) * 100);
}

/**
 * Whether a day falls in a period (both ends included).
 * @example isInPeriod('2025-03-01', { from: '2025-01-01', to: '2025-12-31' }) // true
 */
export function isInPeriod(day: CalendarDay, period: Period | undefined): boolean {
  return period === undefined || (day >= period.from && day <= period.to);
}
