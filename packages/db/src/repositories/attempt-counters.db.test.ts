import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-database.ts';
import { clearAttemptCounters, countAttempts, deleteEndedAttemptCounters, refundAttempt } from './attempt-counters.ts';

const test = useTestDatabase();
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 5, 2, 0, seconds));
const rule = (key: string, limit = 5, windowSeconds = 60) => ({ key, limit, windowSeconds });

describe('attempt counters', () => {
  it('counts concurrent attempts one after another: exactly `limit` of 18 get through', async () => {
    const results = await Promise.all(Array.from({ length: 18 }, () => countAttempts(test.db, [rule('concurrent')], at(0))));
    expect(results.map(([counted]) => counted!.attempts).sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
    expect(results.filter(([counted]) => !counted!.refused)).toHaveLength(5);
  });

  it('counts several counters in one statement, in the order asked, and refuses each past its own limit', async () => {
    const counters = [rule('z-terminal', 1), rule('a-address', 3)];
    const first = await countAttempts(test.db, counters, at(0));
    expect(first.map((counted) => [counted.key, counted.attempts, counted.refused])).toEqual([
      ['z-terminal', 1, false],
      ['a-address', 1, false],
    ]);
    const second = await countAttempts(test.db, counters, at(1));
    expect(second.map((counted) => counted.refused)).toEqual([true, false]);
    expect(second[0]!.windowEndsAt).toEqual(at(60));
  });

  it('starts a fresh window once the old one has ended, not before', async () => {
    for (let second = 0; second < 6; second++) await countAttempts(test.db, [rule('window')], at(second));
    expect((await countAttempts(test.db, [rule('window')], at(59)))[0]).toMatchObject({ attempts: 7, refused: true, windowEndsAt: at(60) });
    expect((await countAttempts(test.db, [rule('window')], at(60)))[0]).toMatchObject({ attempts: 1, refused: false, windowEndsAt: at(120) });
  });

  it('gives back an attempt that succeeded, and forgets cleared counters', async () => {
    await countAttempts(test.db, [rule('refund')], at(0));
    await countAttempts(test.db, [rule('refund')], at(1));
    await refundAttempt(test.db, 'refund', at(2));
    expect((await countAttempts(test.db, [rule('refund')], at(3)))[0]!.attempts).toBe(2);
    await clearAttemptCounters(test.db, ['refund']);
    expect((await countAttempts(test.db, [rule('refund')], at(4)))[0]!.attempts).toBe(1);
  });

  it('deletes counters whose window has ended, and only those', async () => {
    await countAttempts(test.db, [rule('old-1', 5, 10), rule('old-2', 5, 10), rule('current', 5, 3600)], at(0));
    await deleteEndedAttemptCounters(test.db, at(30));
    const keys = await test.db.selectFrom('attempt_counters').select('key').where('key', 'in', ['old-1', 'old-2', 'current']).execute();
    expect(keys.map((row) => row.key)).toEqual(['current']);
  });

  it('is an UNLOGGED table (cheap to write; emptied after a database crash, which only restarts windows)', async () => {
    const result = await sql<{ relpersistence: string }>`select relpersistence from pg_class where relname = 'attempt_counters'`.execute(test.db);
    expect(result.rows[0]?.relpersistence).toBe('u');
  });
});
