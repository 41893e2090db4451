import type { AttemptCounter } from '@xinfang/domain/security/attempt-limits';
import { sql } from 'kysely';
import type { Executor } from '../database.ts';

/** One counter after an attempt was counted against it. */
export interface CountedAttempt {
  key: string;
  /** Attempts in the current window, this one included. */
  attempts: number;
  limit: number;
  windowEndsAt: Date;
  /** True when this attempt is past the limit and must be refused without being checked. */
  refused: boolean;
}

/**
 * Counts one attempt against each counter in one statement and says, per counter, whether it is over its limit. The
 * upsert locks each counter's row, so concurrent attempts are counted one after another and each sees its own count:
 * with a limit of 5, exactly 5 of 18 simultaneous attempts get through, on any number of server instances. A window
 * that has ended starts afresh with this attempt. Keys are counted in sorted order, so two statements over the same keys
 * never wait for each other crosswise.
 * @example const [terminal, address] = await countAttempts(db, callerCounters('tracking', caller, limits), now)
 */
export async function countAttempts(db: Executor, counters: readonly AttemptCounter[], now: Date): Promise<CountedAttempt[]> {
  if (counters.length === 0) return [];
  const byKey = new Map(counters.map((counter) => [counter.key, counter]));
  if (byKey.size !== counters.length) throw new Error('countAttempts: a key appears twice');
  const rows = [...byKey.values()]
    .sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0))
    .map((counter) => sql`(${counter.key}, 1, ${new Date(now.getTime() + counter.windowSeconds * 1000)}::timestamptz)`);
  const result = await sql<{ key: string; attempts: number; window_ends_at: Date | string }>`
    insert into attempt_counters as c (key, attempts, window_ends_at)
    values ${sql.join(rows)}
    on conflict (key) do update set
      attempts = case when c.window_ends_at <= ${now}::timestamptz then 1 else least(c.attempts, 2000000000) + 1 end,
      window_ends_at = case when c.window_ends_at <= ${now}::timestamptz then excluded.window_ends_at else c.window_ends_at end
    returning key, attempts, window_ends_at`.execute(db);
  const counted = new Map(result.rows.map((row) => [row.key, row]));
  return counters.map((counter) => {
    const row = counted.get(counter.key)!;
    return { key: counter.key, attempts: row.attempts, limit: counter.limit, windowEndsAt: new Date(row.window_ends_at), refused: row.attempts > counter.limit };
  });
}

/**
 * Gives back one attempt counted in the current window: an attempt that succeeded does not use up the budget meant for
 * wrong guesses (the count went up before the check, so concurrent guesses could not slip past it).
 */
export async function refundAttempt(db: Executor, key: string, now: Date): Promise<void> {
  await db
    .updateTable('attempt_counters')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .where('window_ends_at', '>', now)
    .execute();
}

/** Forgets counters (a right password forgets its username's wrong ones). */
export async function clearAttemptCounters(db: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.deleteFrom('attempt_counters').where('key', 'in', keys).execute();
}

/**
 * Deletes up to `limit` counters whose window has ended (they would start afresh anyway), skipping rows another attempt
 * holds. Called now and then by the services so the table stays the size of the last window's callers.
 */
export async function deleteEndedAttemptCounters(db: Executor, now: Date, limit = 100): Promise<number> {
  const result = await sql`
    delete from attempt_counters
    where key in (
      select key from attempt_counters where window_ends_at <= ${now}::timestamptz
      order by window_ends_at limit ${limit}
      for update skip locked
    )`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
