import { z } from 'zod';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1991. */
const shanghaiOffsetMilliseconds = 8 * 3_600_000;

function toUtcMilliseconds(day: string): number {
  const match = dayPattern.exec(day);
  if (!match) return Number.NaN;
  const [, year, month, date] = match;
  const milliseconds = Date.UTC(Number(year), Number(month) - 1, Number(date));
  return formatUtcDay(milliseconds) === day ? milliseconds : Number.NaN;
}

function formatUtcDay(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/**
 * Whether a string is a real calendar day written `YYYY-MM-DD`.
 * @example isCalendarDay('2025-02-29') // false
 */
export function isCalendarDay(value: string): boolean {
  return !Number.isNaN(toUtcMilliseconds(value));
}

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`: no time, no time zone, so no off-by-one across zones. */
export const CalendarDay = z.string().refine(isCalendarDay, { message: 'validation.calendarDay.invalid' });
export type CalendarDay = z.infer<typeof CalendarDay>;

function requireDay(day: string): number {
  const milliseconds = toUtcMilliseconds(day);
  if (Number.isNaN(milliseconds)) throw new RangeError(`not a calendar day: ${day}`);
  return milliseconds;
}

/**
 * The day `count` days after (or before, when negative) `day`.
 * @example addDays('2025-01-31', 1) // '2025-02-01'
 */
export function addDays(day: CalendarDay, count: number): CalendarDay {
  return formatUtcDay(requireDay(day) + count * millisecondsPerDay);
}

/**
 * Days from `from` to `to` (positive when `to` is later).
 * @example daysBetween('2025-01-24', '2025-02-05') // 12
 */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((requireDay(to) - requireDay(from)) / millisecondsPerDay);
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday.
 * @example dayOfWeek('2025-01-26') // 0
 */
export function dayOfWeek(day: CalendarDay): number {
  return new Date(requireDay(day)).getUTCDay();
}

/**
 * The Asia/Shanghai calendar day of an instant.
 * @example shanghaiDay('2025-01-23T16:30:00Z') // '2025-01-24'
 */
export function shanghaiDay(instant: string): CalendarDay {
  const milliseconds = Date.parse(instant);
  if (Number.isNaN(milliseconds)) throw new RangeError(`not an instant: ${instant}`);
  return formatUtcDay(milliseconds + shanghaiOffsetMilliseconds);
}

/**
 * The later of two days.
 * @example laterDay('2025-01-01', '2024-12-31') // '2025-01-01'
 */
export function laterDay(first: CalendarDay, second: CalendarDay): CalendarDay {
  return first >= second ? first : second;
}
