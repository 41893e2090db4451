import chineseDays from 'chinese-days';
import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { addDays, CalendarDay, dayOfWeek } from '../time/calendar-day.ts';

/** A holiday an administrator adds, with an optional name for explanations. */
export const HolidayEntry = z.object({ date: CalendarDay, nameZh: z.string().optional(), nameEn: z.string().optional() });
export type HolidayEntry = z.infer<typeof HolidayEntry>;

/** A whole year's arrangement from the State Council's notice: its holidays and its make-up workdays (调休). */
export const YearArrangement = z.object({
  year: z.number().int().min(2000).max(2100),
  holidays: z.array(HolidayEntry),
  workdays: z.array(CalendarDay),
  source: z.string().optional(),
});
export type YearArrangement = z.infer<typeof YearArrangement>;

/** What an administrator may add on top of the package's data; overrides win. */
export const CalendarOverrides = z.object({
  extraHolidays: z.array(HolidayEntry).default([]),
  extraWorkdays: z.array(CalendarDay).default([]),
  years: z.array(YearArrangement).default([]),
});
export type CalendarOverrides = z.input<typeof CalendarOverrides>;

/** What a day is: a plain workday, a weekend, a public holiday, or a make-up workday. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

/** Where the answer for a day came from. */
export type DaySource = 'override' | 'arrangement' | 'package' | 'weekday';

export interface DayInfo {
  readonly date: CalendarDay;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday's name, for holidays and make-up workdays. */
  readonly name?: BilingualMessage | undefined;
  /** False when no official arrangement covers the day: the answer is a plain weekday guess. */
  readonly covered: boolean;
  readonly source: DaySource;
}

/** The official working-day calendar (Asia/Shanghai calendar days). */
export interface WorkCalendar {
  readonly firstCoveredDay: CalendarDay;
  /** The last day an official arrangement (package or administrator) covers. */
  readonly lastCoveredDay: CalendarDay;
  isCovered(day: CalendarDay): boolean;
  isWorkingDay(day: CalendarDay): boolean;
  describeDay(day: CalendarDay): DayInfo;
}

const packageFirstYear = 2004;

function packageDetail(day: CalendarDay): { work: boolean; name: string } {
  const [year, month, date] = day.split('-').map(Number);
  // local noon: the package formats with local getters, so noon keeps the same date in every time zone
  return chineseDays.getDayDetail(new Date(year ?? 0, (month ?? 1) - 1, date ?? 1, 12));
}

let packageLastYearCache: number | undefined;

/**
 * The last year the `chinese-days` package has official data for: the last year whose National Day week has
 * weekday holidays (every published year has them; unpublished years fall back to plain weekdays).
 * @example packageLastCoveredYear() // 2026 with chinese-days 1.5.7
 */
export function packageLastCoveredYear(): number {
  if (packageLastYearCache !== undefined) return packageLastYearCache;
  let year = packageFirstYear;
  const hasData = (candidate: number) =>
    [1, 2, 3, 4, 5, 6, 7].some((date) => packageDetail(`${candidate}-10-0${date}`).name.includes(','));
  while (hasData(year + 1)) year += 1;
  packageLastYearCache = year;
  return year;
}

function packageName(name: string): BilingualMessage | undefined {
  const [en, zh] = name.split(',');
  return zh !== undefined && en !== undefined ? { zh, en } : undefined;
}

function entryName(entry: HolidayEntry): BilingualMessage | undefined {
  if (entry.nameZh === undefined && entry.nameEn === undefined) return undefined;
  return { zh: entry.nameZh ?? entry.nameEn ?? '', en: entry.nameEn ?? entry.nameZh ?? '' };
}

function isWeekend(day: CalendarDay): boolean {
  const weekday = dayOfWeek(day);
  return weekday === 0 || weekday === 6;
}

/**
 * A working-day calendar on the `chinese-days` package, with an administrator's overrides that win over it:
 * single extra holidays or workdays, and whole years' arrangements that also extend the covered range.
 * @example
 * const calendar = createWorkCalendar({ years: [{ year: 2027, holidays: [{ date: '2027-10-01', nameZh: '国庆节' }], workdays: [] }] });
 * calendar.isWorkingDay('2025-01-26') // true (make-up workday)
 * calendar.lastCoveredDay // '2027-12-31'
 */
export function createWorkCalendar(overrides: CalendarOverrides = {}): WorkCalendar {
  const parsed = CalendarOverrides.parse(overrides);
  const extraHolidays = new Map(parsed.extraHolidays.map((entry) => [entry.date, entry]));
  const extraWorkdays = new Set(parsed.extraWorkdays);
  const arrangements = new Map(parsed.years.map((arrangement) => [arrangement.year, arrangement]));
  const packageLastYear = packageLastCoveredYear();
  let lastYear = packageLastYear;
  while (arrangements.has(lastYear + 1)) lastYear += 1;
  const firstCoveredDay = `${packageFirstYear}-01-01`;
  const lastCoveredDay = `${lastYear}-12-31`;
  const cache = new Map<CalendarDay, DayInfo>();

  function isCovered(day: CalendarDay): boolean {
    return day >= firstCoveredDay && day <= lastCoveredDay;
  }

  function classify(day: CalendarDay): DayInfo {
    const covered = isCovered(day);
    const holiday = extraHolidays.get(day);
    if (holiday) return { date: day, working: false, kind: 'holiday', name: entryName(holiday), covered, source: 'override' };
    if (extraWorkdays.has(day)) return { date: day, working: true, kind: isWeekend(day) ? 'makeUpWorkday' : 'workday', covered, source: 'override' };
    const arrangement = arrangements.get(Number(day.slice(0, 4)));
    if (arrangement) {
      const arranged = arrangement.holidays.find((entry) => entry.date === day);
      if (arranged) return { date: day, working: false, kind: 'holiday', name: entryName(arranged), covered, source: 'arrangement' };
      if (arrangement.workdays.includes(day)) return { date: day, working: true, kind: 'makeUpWorkday', covered, source: 'arrangement' };
      return { date: day, working: !isWeekend(day), kind: isWeekend(day) ? 'weekend' : 'workday', covered, source: 'arrangement' };
    }
    if (covered) {
      const detail = packageDetail(day);
      const name = packageName(detail.name);
      if (name) return { date: day, working: detail.work, kind: detail.work ? 'makeUpWorkday' : 'holiday', name, covered, source: 'package' };
      return { date: day, working: detail.work, kind: detail.work ? 'workday' : 'weekend', covered, source: 'package' };
    }
    return { date: day, working: !isWeekend(day), kind: isWeekend(day) ? 'weekend' : 'workday', covered, source: 'weekday' };
  }

  function describeDay(day: CalendarDay): DayInfo {
    const known = cache.get(day);
    if (known) return known;
    const info = classify(CalendarDay.parse(day));
    cache.set(day, info);
    return info;
  }

  return {
    firstCoveredDay,
    lastCoveredDay,
    isCovered,
    isWorkingDay: (day) => describeDay(day).working,
    describeDay,
  };
}

/**
 * The next working day on or after `day`.
 * @example nextWorkingDay(createWorkCalendar(), '2026-10-01') // '2026-10-08'
 */
export function nextWorkingDay(calendar: WorkCalendar, day: CalendarDay): CalendarDay {
  let candidate = day;
  while (!calendar.isWorkingDay(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}
