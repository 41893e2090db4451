import { z } from 'zod';
import { roundTo2, yearOnYearChange, type Fraction } from './indicator-definition.ts';
import { IndicatorId, type AnyIndicator } from './indicator-registry.ts';

/** A figure's value: numerator, denominator (null for a count), the rate as a percentage to two decimals. */
export const IndicatorValue = z.object({
  numerator: z.number().int(),
  denominator: z.number().int().nullable(),
  /** Percent, two decimals; null for a count or a zero denominator. */
  rate: z.number().nullable(),
  display: z.string(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/**
 * 同比 against the same period last year. `percent` is the relative change of the headline figure (the count, or
 * the rate); for a rate, `ratePoints` is the change in percentage points and `numeratorPercent` the change of its
 * numerator (the report's "网上信访 … 同比提升200.72%" is the online count's). Where a report is ambiguous, show both.
 */
export const IndicatorChange = z.object({
  percent: z.number().nullable(),
  ratePoints: z.number().nullable(),
  numeratorPercent: z.number().nullable(),
});
export type IndicatorChange = z.infer<typeof IndicatorChange>;

export const IndicatorFigure = z.object({
  id: IndicatorId,
  version: z.number().int(),
  kind: z.enum(['rate', 'count']),
  /** `notRecordedYet`: the records behind it do not exist yet; the figure has no value (未记录). */
  status: z.enum(['computed', 'notRecordedYet']),
  current: IndicatorValue.nullable(),
  previous: IndicatorValue.nullable(),
  change: IndicatorChange.nullable(),
});
export type IndicatorFigure = z.infer<typeof IndicatorFigure>;

/**
 * A fraction as a figure's value: the rate rounded half away from zero to two decimals.
 * @example valueOf({ numerator: 7271, denominator: 7891 }) // { numerator: 7271, denominator: 7891, rate: 92.14, display: '92.14%' }
 */
export function valueOf(fraction: Fraction): IndicatorValue {
  const { numerator, denominator } = fraction;
  if (denominator === null) return { numerator, denominator, rate: null, display: String(numerator) };
  const rate = denominator === 0 ? null : roundTo2((numerator / denominator) * 100);
  return { numerator, denominator, rate, display: rate === null ? '—' : `${rate.toFixed(2)}%` };
}

/**
 * The change of a figure on the same period last year.
 * @example changeOf(valueOf({ numerator: 254, denominator: null }), valueOf({ numerator: 497, denominator: null })).percent // -48.89
 */
export function changeOf(current: IndicatorValue, previous: IndicatorValue): IndicatorChange {
  const numeratorPercent = yearOnYearChange(current.numerator, previous.numerator);
  if (current.denominator === null) return { percent: numeratorPercent, ratePoints: null, numeratorPercent };
  const bothRates = current.rate !== null && previous.rate !== null;
  return {
    percent: bothRates ? yearOnYearChange(current.rate!, previous.rate!) : null,
    ratePoints: bothRates ? roundTo2(current.rate! - previous.rate!) : null,
    numeratorPercent,
  };
}

/**
 * A definition's figure for a period from its inputs, and for the same period last year when given; a definition
 * whose records do not exist yet gets a figure without values.
 * @example figureOf(onlineShare, { registered: 6449, registeredOnline: 5828 }).current?.display // '90.37%'
 */
export function figureOf(definition: AnyIndicator, current: Readonly<Record<string, number>> | undefined, previous?: Readonly<Record<string, number>>): IndicatorFigure {
  const base = { id: definition.id, version: definition.version, kind: definition.kind };
  if (definition.source === 'notRecordedYet' || current === undefined) return { ...base, status: 'notRecordedYet', current: null, previous: null, change: null };
  const now = valueOf(definition.compute(current));
  const before = previous === undefined ? null : valueOf(definition.compute(previous));
  return { ...base, status: 'computed', current: now, previous: before, change: before === null ? null : changeOf(now, before) };
}
