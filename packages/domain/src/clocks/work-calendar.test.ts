import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/calendar-day.ts';
import { computeDueDate } from './due-date.ts';
import { createWorkCalendar, nextWorkingDay, packageLastCoveredYear } from './work-calendar.ts';

const calendar = createWorkCalendar();

describe('WorkCalendar on chinese-days', () => {
  it('knows the last day the package covers', () => {
    expect(packageLastCoveredYear()).toBe(2026);
    expect(calendar.firstCoveredDay).toBe('2004-01-01');
    expect(calendar.lastCoveredDay).toBe('2026-12-31');
    expect(calendar.isCovered('2026-12-31')).toBe(true);
    expect(calendar.isCovered('2027-01-01')).toBe(false);
  });

  it.each([
    ['2025-01-24', true, 'workday'],
    ['2025-01-25', false, 'weekend'],
    ['2025-01-26', true, 'makeUpWorkday'],
    ['2025-01-28', false, 'holiday'],
    ['2025-02-04', false, 'holiday'],
    ['2025-02-08', true, 'makeUpWorkday'],
    ['2026-10-01', false, 'holiday'],
    ['2026-10-08', true, 'workday'],
    ['2027-01-04', true, 'workday'],
    ['2027-01-02', false, 'weekend'],
  ] as const)('%s working=%s (%s)', (day, working, kind) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
    expect(calendar.describeDay(day).kind).toBe(kind);
  });

  it('names holidays in both languages', () => {
    expect(calendar.describeDay('2025-01-29').name).toEqual({ zh: '春节', en: 'Spring Festival' });
    expect(calendar.describeDay('2027-03-01')).toMatchObject({ covered: false, source: 'weekday' });
  });

  it('lets administrator overrides win over the package', () => {
    const overridden = createWorkCalendar({
      extraHolidays: [{ date: '2025-03-03', nameZh: '台风停工', nameEn: 'Typhoon closure' }, { date: '2025-03-04' }],
      extraWorkdays: ['2025-01-28', '2025-03-08'],
    });
    expect(overridden.describeDay('2025-03-03')).toMatchObject({ working: false, kind: 'holiday', source: 'override', name: { zh: '台风停工' } });
    expect(overridden.describeDay('2025-03-04').name).toBeUndefined();
    expect(overridden.describeDay('2025-01-28')).toMatchObject({ working: true, kind: 'workday', source: 'override' });
    expect(overridden.describeDay('2025-03-08')).toMatchObject({ working: true, kind: 'makeUpWorkday' });
    expect(overridden.lastCoveredDay).toBe('2026-12-31');
  });

  it("accepts a whole new year's arrangement, which extends the coverage", () => {
    const next = createWorkCalendar({
      years: [
        { year: 2027, holidays: [{ date: '2027-02-08', nameZh: '春节', nameEn: 'Spring Festival' }, { date: '2027-02-09' }], workdays: ['2027-02-06'], source: '测试通知' },
        { year: 2029, holidays: [], workdays: [] },
      ],
    });
    expect(next.lastCoveredDay).toBe('2027-12-31');
    expect(next.describeDay('2027-02-08')).toMatchObject({ working: false, kind: 'holiday', source: 'arrangement', covered: true });
    expect(next.describeDay('2027-02-06')).toMatchObject({ working: true, kind: 'makeUpWorkday' });
    expect(next.describeDay('2027-02-13')).toMatchObject({ working: false, kind: 'weekend', source: 'arrangement' });
    expect(next.describeDay('2027-02-10')).toMatchObject({ working: true, kind: 'workday' });
    expect(next.isCovered('2029-06-01')).toBe(false);
  });

  it('rejects a malformed day', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow();
  });

  it('finds the next working day', () => {
    expect(nextWorkingDay(calendar, '2026-10-01')).toBe('2026-10-08');
    expect(nextWorkingDay(calendar, '2026-10-08')).toBe('2026-10-08');
  });
});

describe('due dates (DOMAIN.md §4 worked cases)', () => {
  it('a letter received Friday 2025-01-24 gets a 3 working-day target of 2025-02-05', () => {
    const due = computeDueDate('2025-01-24', { count: 3, unit: 'workingDays' }, calendar);
    expect(due.date).toBe('2025-02-05');
    expect(due.makeUpWorkdaysCounted).toEqual(['2025-01-26']);
    expect(due.holidaysSkipped).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']);
    expect(due.uncertain).toBe(false);
    expect(due.explanation.zh).toContain('春节 2025-01-28至2025-02-04');
    expect(due.explanation.zh).toContain('调休上班日 2025-01-26');
    expect(due.explanation.en).toContain('Spring Festival 2025-01-28 to 2025-02-04');
    expect(due.explanation.en).toMatch(/due 2025-02-05\.$/);
  });

  it('2026-09-16 + 15 days rolls past National Day to 2026-10-08', () => {
    const due = computeDueDate('2026-09-16', { count: 15, unit: 'calendarDays' }, calendar);
    expect(due).toMatchObject({ date: '2026-10-08', rolledForwardFrom: '2026-10-01', uncertain: false });
    expect(due.explanation.zh).toContain('顺延');
    expect(due.explanation.zh).toContain('国庆节 2026-10-01至2026-10-07');
    expect(due.explanation.en).toContain('moves to the next working day');
  });

  it('2026-01-20 + 30 days rolls past the Spring Festival to 2026-02-24', () => {
    expect(computeDueDate('2026-01-20', { count: 30, unit: 'calendarDays' }, calendar)).toMatchObject({ date: '2026-02-24', rolledForwardFrom: '2026-02-19' });
  });

  it.each([
    ['a plain 15 days', '2025-03-03', 15, 'calendarDays', '2025-03-18'],
    ['ending on a Saturday', '2025-03-07', 15, 'calendarDays', '2025-03-24'],
    ['5 working days across a weekend', '2025-03-06', 5, 'workingDays', '2025-03-13'],
    ['5 working days across Labour Day 2025', '2025-04-29', 5, 'workingDays', '2025-05-09'],
    ['60 days across Labour Day 2025', '2025-03-03', 60, 'calendarDays', '2025-05-06'],
    ['zero days', '2025-03-03', 0, 'calendarDays', '2025-03-03'],
  ] as const)('%s', (_, trigger, count, unit, expected) => {
    expect(computeDueDate(trigger, { count, unit }, calendar).date).toBe(expected);
  });

  it('adds a one-off 30-day extension to the 60 days', () => {
    const due = computeDueDate('2025-03-03', { count: 60, unit: 'calendarDays' }, calendar, { extensionDays: 30 });
    expect(due.date).toBe('2025-06-03');
    expect(due.rolledForwardFrom).toBe('2025-06-01');
    expect(due.explanation.zh).toContain('经批准延长 30 日');
  });

  it('does not count paused days', () => {
    const isPaused = (day: string) => day > '2025-03-10' && day <= '2025-03-20';
    const due = computeDueDate('2025-03-03', { count: 15, unit: 'calendarDays' }, calendar, { isPaused });
    expect(due).toMatchObject({ date: '2025-03-28', pausedDays: 10 });
    expect(due.explanation.en).toContain('10 paused days not counted');
  });

  it('flags a date past the calendar coverage as uncertain instead of silently counting weekdays', () => {
    const due = computeDueDate('2026-12-20', { count: 30, unit: 'calendarDays' }, calendar);
    expect(due.uncertain).toBe(true);
    expect(due.date).toBe('2027-01-19');
    expect(due.explanation.zh).toContain('超出已公布的节假日安排（截至 2026-12-31）');
    const loaded = createWorkCalendar({ years: [{ year: 2027, holidays: [{ date: '2027-01-19', nameZh: '测试假日' }], workdays: [] }] });
    expect(computeDueDate('2026-12-20', { count: 30, unit: 'calendarDays' }, loaded)).toMatchObject({ uncertain: false, date: '2027-01-20' });
  });

  it('flags a due date rolled forward into uncovered days', () => {
    expect(computeDueDate('2026-12-16', { count: 15, unit: 'calendarDays' }, calendar)).toMatchObject({ date: '2026-12-31', uncertain: false });
    expect(computeDueDate('2026-12-02', { count: 4, unit: 'workingDays' }, calendar).uncertain).toBe(false);
  });

  const dayArbitrary = fc.integer({ min: 0, max: 365 * 3 }).map((offset) => addDays('2024-01-01', offset));
  it('never puts a due date on a rest day (property)', () => {
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: 1, max: 90 }), fc.constantFrom('calendarDays' as const, 'workingDays' as const), (trigger, count, unit) => {
        const due = computeDueDate(trigger, { count, unit }, calendar);
        expect(calendar.isWorkingDay(due.date)).toBe(true);
        expect(due.date > trigger).toBe(true);
      }),
    );
  });

  it('counts exactly N working days to a working-day due date (property)', () => {
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: 1, max: 40 }), (trigger, count) => {
        const due = computeDueDate(trigger, { count, unit: 'workingDays' }, calendar);
        let working = 0;
        for (let day = addDays(trigger, 1); day <= due.date; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) working += 1;
        expect(working).toBe(count);
      }),
    );
  });
});
