import type { BilingualMessage } from '../messages/messages.ts';
import { addDays, type CalendarDay } from '../time/calendar-day.ts';
import type { Period } from './clock-rules.ts';
import type { DayInfo, WorkCalendar } from './work-calendar.ts';

/** A due date with the working that produced it, fit to show a petitioner. */
export interface DueDate {
  readonly date: CalendarDay;
  readonly period: Period;
  /** Days not counted because the clock was paused. */
  readonly pausedDays: number;
  /** Holidays passed over while counting working days, or rolled past at the end. */
  readonly holidaysSkipped: readonly CalendarDay[];
  /** Make-up workdays (调休) that counted as working days. */
  readonly makeUpWorkdaysCounted: readonly CalendarDay[];
  /** When the last day fell on a rest day: that day (the deadline moved to the next working day). */
  readonly rolledForwardFrom?: CalendarDay | undefined;
  /** True when counting went past the calendar's last covered day: the date is a weekday estimate. */
  readonly uncertain: boolean;
  readonly explanation: BilingualMessage;
}

export interface DueDateOptions {
  /** Days on which the clock stood still. */
  readonly isPaused?: (day: CalendarDay) => boolean;
  /** Extra calendar days granted (an extension), added to the count. */
  readonly extensionDays?: number;
}

function describeRanges(days: readonly DayInfo[], language: 'zh' | 'en'): string {
  const groups: { name: string; from: CalendarDay; to: CalendarDay }[] = [];
  for (const day of days) {
    const name = day.name?.[language] ?? (language === 'zh' ? '节假日' : 'holiday');
    const last = groups.at(-1);
    if (last && last.name === name && addDays(last.to, 1) === day.date) last.to = day.date;
    else groups.push({ name, from: day.date, to: day.date });
  }
  const joiner = language === 'zh' ? '至' : ' to ';
  return groups.map((group) => `${group.name} ${group.from === group.to ? group.from : group.from + joiner + group.to}`).join(language === 'zh' ? '、' : '; ');
}

/**
 * The due date of a period that starts counting the day after `trigger` (民法典 Art. 201). Calendar days roll past a
 * rest day at the end (Art. 203); working days skip rest days and count make-up workdays; paused days do not count.
 * Past the calendar's coverage the date is still given, but flagged `uncertain`.
 * @example computeDueDate('2025-01-24', { count: 3, unit: 'workingDays' }, createWorkCalendar()).date // '2025-02-05'
 */
export function computeDueDate(trigger: CalendarDay, period: Period, calendar: WorkCalendar, options: DueDateOptions = {}): DueDate {
  const isPaused = options.isPaused ?? (() => false);
  const extensionDays = options.extensionDays ?? 0;
  const total = period.count + extensionDays;
  const holidays: DayInfo[] = [];
  const makeUps: DayInfo[] = [];
  let uncertain = false;
  let pausedDays = 0;
  let counted = 0;
  let day = trigger;
  while (counted < total) {
    day = addDays(day, 1);
    const info = calendar.describeDay(day);
    if (!info.covered) uncertain = true;
    if (isPaused(day)) {
      pausedDays += 1;
      continue;
    }
    if (period.unit === 'workingDays') {
      if (!info.working) {
        if (info.kind === 'holiday') holidays.push(info);
        continue;
      }
      if (info.kind === 'makeUpWorkday') makeUps.push(info);
    }
    counted += 1;
  }
  let rolledForwardFrom: CalendarDay | undefined;
  let due = day;
  if (period.unit === 'calendarDays') {
    while (!calendar.isWorkingDay(due)) {
      const info = calendar.describeDay(due);
      if (!info.covered) uncertain = true;
      if (info.kind === 'holiday') holidays.push(info);
      rolledForwardFrom ??= due;
      due = addDays(due, 1);
    }
  }
  const explanation = explain({ trigger, period, extensionDays, due, pausedDays, holidays, makeUps, rolledForwardFrom, uncertain, calendar });
  return {
    date: due,
    period,
    pausedDays,
    holidaysSkipped: holidays.map((info) => info.date),
    makeUpWorkdaysCounted: makeUps.map((info) => info.date),
    rolledForwardFrom,
    uncertain,
    explanation,
  };
}

interface ExplainInput {
  trigger: CalendarDay;
  period: Period;
  extensionDays: number;
  due: CalendarDay;
  pausedDays: number;
  holidays: DayInfo[];
  makeUps: DayInfo[];
  rolledForwardFrom: CalendarDay | undefined;
  uncertain: boolean;
  calendar: WorkCalendar;
}

function explain(input: ExplainInput): BilingualMessage {
  const { trigger, period, extensionDays, due, pausedDays, holidays, makeUps, rolledForwardFrom, uncertain, calendar } = input;
  const working = period.unit === 'workingDays';
  const zh: string[] = [`自 ${trigger} 的次日起计算 ${period.count} ${working ? '个工作日' : '日'}`];
  const en: string[] = [`Counted ${period.count} ${working ? 'working days' : 'calendar days'} from the day after ${trigger}`];
  if (extensionDays > 0) {
    zh.push(`经批准延长 ${extensionDays} 日`);
    en.push(`plus an approved extension of ${extensionDays} days`);
  }
  if (pausedDays > 0) {
    zh.push(`暂停计时的 ${pausedDays} 日不计入`);
    en.push(`${pausedDays} paused days not counted`);
  }
  if (working && holidays.length > 0) {
    zh.push(`跳过节假日：${describeRanges(holidays, 'zh')}（周末亦不计入）`);
    en.push(`skipping holidays: ${describeRanges(holidays, 'en')} (weekends not counted either)`);
  } else if (working) {
    zh.push('周末不计入');
    en.push('weekends not counted');
  }
  if (makeUps.length > 0) {
    zh.push(`调休上班日 ${makeUps.map((info) => info.date).join('、')} 计为工作日`);
    en.push(`make-up workdays ${makeUps.map((info) => info.date).join(', ')} counted as working days`);
  }
  if (rolledForwardFrom !== undefined) {
    const rolled = holidays.filter((info) => info.date >= rolledForwardFrom);
    const reasonZh = rolled.length > 0 ? `（${describeRanges(rolled, 'zh')}）` : '';
    const reasonEn = rolled.length > 0 ? ` (${describeRanges(rolled, 'en')})` : '';
    zh.push(`期间最后一日 ${rolledForwardFrom} 为休息日${reasonZh}，顺延至其后第一个工作日`);
    en.push(`the last day, ${rolledForwardFrom}, is a rest day${reasonEn}, so the deadline moves to the next working day`);
  }
  let zhText = `${zh.join('；')}，期限为 ${due}。`;
  let enText = `${en.join('; ')}: due ${due}.`;
  if (uncertain) {
    zhText += `注意：该期限超出已公布的节假日安排（截至 ${calendar.lastCoveredDay}），暂按普通工作日推算，待新年度安排公布后可能调整。`;
    enText += ` Note: this is past the published holiday calendar (which ends ${calendar.lastCoveredDay}); it is estimated on ordinary weekdays and may change when the next year's arrangement is published.`;
  }
  return { zh: zhText, en: enText };
}
