import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoInstant, isStorableInstant } from './iso-instant.ts';

describe('IsoInstant', () => {
  it.each([
    ['an offset', '2025-01-24T09:30:00+08:00'],
    ['UTC with milliseconds (what the server writes)', '2025-01-24T01:30:00.000Z'],
    ['nanoseconds', '2025-01-24T01:30:00.123456789Z'],
    ['the easternmost real offset', '2025-01-24T09:30:00+14:00'],
    ['the westernmost real offset', '2025-01-24T09:30:00-12:00'],
  ])('accepts %s', (_, value) => {
    expect(IsoInstant.safeParse(value).success).toBe(true);
  });

  it.each([
    ['junk', 'junk'],
    ['a day without a time', '2025-01-24'],
    ['no offset', '2025-01-24T09:30:00'],
    ['an impossible day', '2025-02-29T09:30:00Z'],
    ['year 0, which PostgreSQL refuses', '0000-01-01T00:00:00Z'],
    ['an offset no zone has (PostgreSQL refuses beyond ±15:59)', '2025-01-24T09:30:00+23:59'],
    ['a year before 1900', '1899-12-31T23:59:59Z'],
    ['a year after 9999 once in UTC', '9999-12-31T23:59:59-10:00'],
  ])('refuses %s with one issue', (_, value) => {
    expect(IsoInstant.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual([
      'validation.instant.invalid',
    ]);
  });

  it('accepts every instant of 1900–9999 written by toISOString, in UTC or moved to Asia/Shanghai', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('9999-12-31T15:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(isStorableInstant(date.toISOString())).toBe(true);
          const shanghai = new Date(date.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
          expect(IsoInstant.safeParse(shanghai).success).toBe(true);
        },
      ),
    );
  });
});
