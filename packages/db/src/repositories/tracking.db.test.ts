import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-database.ts';
import { clearLookupFailures, findLookupLock, recordLookupFailure } from './tracking.ts';

const test = useTestDatabase();
const policy = { maxFailures: 5, lockMinutes: 15 };
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 2, minutes));

describe('tracking lookup lockout', () => {
  it('counts concurrent wrong pairs exactly and locks at the fifth', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => recordLookupFailure(test.db, 'AAAA-AAAA-AA', at(0), policy)));
    expect(results.map((result) => result.failures).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(results.filter((result) => result.lockedUntil).length).toBe(4);
    expect(await findLookupLock(test.db, 'AAAA-AAAA-AA', at(14))).toEqual(at(15));
    expect(await findLookupLock(test.db, 'AAAA-AAAA-AA', at(15))).toBeUndefined();
  });

  it.each([
    ['a lock that has run out', [0, 0, 0, 0, 0], 16, 1],
    ['failures spread wider than the window', [0, 5, 10], 16, 1],
    ['failures inside the window', [0, 5, 10], 14, 4],
  ])('starts afresh after %s', async (_, minutes, next, expected) => {
    const code = `CODE-${String(next)}-${minutes.join('')}`;
    for (const minute of minutes) await recordLookupFailure(test.db, code, at(minute), policy);
    expect((await recordLookupFailure(test.db, code, at(next), policy)).failures).toBe(expected);
  });

  it('forgets a code after a right pair', async () => {
    await recordLookupFailure(test.db, 'BBBB-BBBB-BB', at(0), policy);
    await clearLookupFailures(test.db, 'BBBB-BBBB-BB');
    expect((await recordLookupFailure(test.db, 'BBBB-BBBB-BB', at(1), policy)).failures).toBe(1);
  });
});

describe('petition attachments table', () => {
  // check constraints are evaluated before the foreign key: a row that passes them fails only on the unknown petition
  it.each([
    ['a non-image type', 'application/pdf', 10, 10, /violates check constraint/],
    ['an oversize photo', 'image/jpeg', 307201, 307201, /violates check constraint/],
    ['a size that does not match the data', 'image/jpeg', 99, 10, /violates check constraint "petition_attachments_size_matches"/],
    ['(control) a good photo of an unknown petition', 'image/png', 10, 10, /violates foreign key constraint/],
  ])('refuses %s', async (_, contentType, sizeBytes, dataBytes, error) => {
    await expect(
      sql`insert into petition_attachments (petition_id, position, content_type, size_bytes, sha256, data)
          values (gen_random_uuid(), 0, ${contentType}, ${sizeBytes}, 'x', ${Buffer.alloc(dataBytes, 0xff)})`.execute(test.db),
    ).rejects.toThrow(error);
  });
});
