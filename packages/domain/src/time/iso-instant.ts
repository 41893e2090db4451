import { z } from 'zod';

/** Real time zones run from −12:00 to +14:00; PostgreSQL refuses offsets beyond ±15:59. */
const maximumOffsetMinutes = 14 * 60;
const offsetPattern = /([+-])(\d{2}):?(\d{2})$/;

/**
 * Whether an ISO 8601 instant is one the system can store and compute with: its offset is a real one (at most ±14:00)
 * and it falls in the years 1900–9999 (UTC). Year 0000 parses in JavaScript but PostgreSQL refuses it.
 * @example isStorableInstant('2025-01-24T09:30:00+08:00') // true
 * @example isStorableInstant('0000-01-01T00:00:00Z') // false
 */
export function isStorableInstant(value: string): boolean {
  const offset = offsetPattern.exec(value);
  if (offset && Number(offset[2]) * 60 + Number(offset[3]) > maximumOffsetMinutes) return false;
  const milliseconds = Date.parse(value);
  if (!Number.isFinite(milliseconds)) return false;
  const year = new Date(milliseconds).getUTCFullYear();
  return year >= 1900 && year <= 9999;
}

/** An instant as an ISO 8601 string with an offset or `Z`, e.g. `2025-01-24T09:30:00+08:00`, that the system can store. */
export const IsoInstant = z.iso
  .datetime({ offset: true, message: 'validation.instant.invalid', abort: true })
  .refine(isStorableInstant, { message: 'validation.instant.invalid' });
export type IsoInstant = z.infer<typeof IsoInstant>;
