import { describe, expect, it } from 'vitest';
import { IsoInstant } from './iso-instant.ts';
import { addDays, CalendarDay, dayOfWeek, daysBetween, isCalendarDay, laterDay, shanghaiDay } from './calendar-day.ts';

describe('calendar days', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['yesterday', false],
  ])('isCalendarDay(%j) = %s', (value, expected) => {
    expect(isCalendarDay(value)).toBe(expected);
    expect(CalendarDay.safeParse(value).success).toBe(expected);
  });

  it('does day arithmetic without time zones', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-24', '2025-02-05')).toBe(12);
    expect(dayOfWeek('2025-01-26')).toBe(0);
    expect(laterDay('2025-01-01', '2024-12-31')).toBe('2025-01-01');
    expect(laterDay('2024-12-31', '2025-01-01')).toBe('2025-01-01');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('takes the Asia/Shanghai day of an instant', () => {
    expect(shanghaiDay('2025-01-23T16:30:00Z')).toBe('2025-01-24');
    expect(shanghaiDay('2025-01-23T15:59:59Z')).toBe('2025-01-23');
    expect(shanghaiDay('2025-01-24T00:10:00+08:00')).toBe('2025-01-24');
    expect(() => shanghaiDay('soon')).toThrow(RangeError);
  });

  it('accepts instants with an offset only', () => {
    expect(IsoInstant.safeParse('2025-01-24T09:00:00+08:00').success).toBe(true);
    expect(IsoInstant.safeParse('2025-01-24T09:00:00Z').success).toBe(true);
    expect(IsoInstant.safeParse('2025-01-24').error?.issues[0]?.message).toBe('validation.instant.invalid');
  });
});
