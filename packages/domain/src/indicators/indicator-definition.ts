import type { BilingualMessage } from '../messages/messages.ts';
import type { CalendarDay } from '../time/calendar-day.ts';

/** A reporting period, both ends included (Asia/Shanghai calendar days). */
export interface Period {
  readonly from: CalendarDay;
  readonly to: CalendarDay;
}

/** A figure that is a share of a whole (rate, shown as a percentage) or a plain count (件, 人次, 批). */
export type IndicatorKind = 'rate' | 'count';

/**
 * Where an indicator's inputs come from: `records` — the recorded counts the database provides today;
 * `notRecordedYet` — records the product does not hold yet (the rooms, the division work): the dashboard shows
 * 未记录 / "not recorded yet" until the issue that adds the records wires the definition to them.
 */
export type IndicatorSource = 'records' | 'notRecordedYet';

/** The counts an indicator reads, by name. */
export type IndicatorInputs = Readonly<Record<string, number>>;

/** What a definition computes from its inputs: a count has no denominator. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number | null;
}

/**
 * An indicator's definition (DOMAIN.md §7): code, versioned, so a published figure can be reproduced with the rule
 * it used. One per file in `definitions/`, checked with `satisfies IndicatorDefinition<Inputs>`: `inputs` describes
 * each count it reads, `compute` is a pure function of those counts, and `drillDown` names the count whose records
 * stand behind the numerator and the denominator.
 * @example onlineShare.compute({ registered: 6449, registeredOnline: 5828 }) // { numerator: 5828, denominator: 6449 }
 */
export interface IndicatorDefinition<Inputs extends IndicatorInputs = IndicatorInputs> {
  readonly id: string;
  /** Raised whenever the rule changes, so older published figures stay reproducible. */
  readonly version: number;
  readonly kind: IndicatorKind;
  readonly source: IndicatorSource;
  readonly name: BilingualMessage;
  /** The definition in words, as a report footnote states it. */
  readonly definition: BilingualMessage;
  readonly numerator: BilingualMessage;
  /** null for a count. */
  readonly denominator: BilingualMessage | null;
  /** What a count counts in (件, 人次, 批); for a rate, what its numerator counts in. */
  readonly unit: BilingualMessage;
  readonly filters: BilingualMessage;
  /** Which day of a record places it in a period. */
  readonly periodBy: BilingualMessage;
  readonly inputs: { readonly [Name in keyof Inputs]: BilingualMessage };
  readonly compute: (inputs: Inputs) => Fraction;
  /** The inputs whose records a reader may open behind each part of the figure; null until records exist. */
  readonly drillDown: { readonly numerator: keyof Inputs & string; readonly denominator: (keyof Inputs & string) | null } | null;
  /** Whether a rise is good news (the dashboard colours the 同比), null when neither. */
  readonly higherIsBetter: boolean | null;
  /** Health data (个人信息保护法 Art. 28): shown at studio or district level only, cells under this count suppressed. */
  readonly suppressCellsBelow?: number;
  /** The Futian report's worked example (DOMAIN.md §7), reproduced by the definition's tests. */
  readonly reportExample?: { readonly inputs: Inputs; readonly figure: string };
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

/** What figures count in. */
export const indicatorUnits = {
  matters: { zh: '件', en: 'matters' },
  personTimes: { zh: '人次', en: 'person-times' },
  batches: { zh: '批', en: 'batches' },
  sessions: { zh: '场次', en: 'sessions' },
  disputes: { zh: '件', en: 'disputes' },
  cases: { zh: '件', en: 'cases' },
  incidents: { zh: '起', en: 'incidents' },
} as const satisfies Record<string, BilingualMessage>;
