import { sql } from 'kysely';
import type { Executor } from '../database.ts';

/** What a public lookup needs of a petition; the second factor is compared by keyed hash, never decrypted. */
export async function findPetitionForTracking(db: Executor, trackingCode: string) {
  return db
    .selectFrom('petitions as p')
    .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
    .leftJoin('units as hu', 'hu.id', 'p.handling_unit_id')
    .select([
      'p.id',
      'p.tracking_code',
      'p.status',
      'p.version',
      'p.received_at',
      'p.hall_unit_id',
      'pr.mobile_last4_hash',
      'hu.name_zh as handling_unit_zh',
      'hu.name_en as handling_unit_en',
    ])
    .where('p.tracking_code', '=', trackingCode)
    .executeTakeFirst();
}

/** When a tracking code is locked, the instant it opens again; undefined when it is not locked at `now`. */
export async function findLookupLock(db: Executor, trackingCode: string, now: Date): Promise<Date | undefined> {
  const row = await db.selectFrom('tracking_lookup_failures').select('locked_until').where('tracking_code', '=', trackingCode).executeTakeFirst();
  const lockedUntil = row?.locked_until ? new Date(row.locked_until) : undefined;
  return lockedUntil && lockedUntil > now ? lockedUntil : undefined;
}

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * Counts one wrong pair for a code in one statement (safe under concurrency): failures within `lockMinutes` of the
 * first add up; the `maxFailures`-th locks the code for `lockMinutes`; an expired lock or window starts afresh.
 * Returns the count and the lock, if any.
 */
export async function recordLookupFailure(db: Executor, trackingCode: string, now: Date, policy: LockoutPolicy) {
  const windowStart = new Date(now.getTime() - policy.lockMinutes * 60_000);
  const lockUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
  const fresh = sql<boolean>`(f.locked_until is not null and f.locked_until <= ${now}::timestamptz) or (f.locked_until is null and f.first_failed_at < ${windowStart}::timestamptz)`;
  const result = await sql<{ failures: number; locked_until: Date | null }>`
    insert into tracking_lookup_failures as f (tracking_code, failures, first_failed_at, locked_until)
    values (${trackingCode}, 1, ${now}::timestamptz, ${policy.maxFailures <= 1 ? lockUntil : null}::timestamptz)
    on conflict (tracking_code) do update set
      failures = case when ${fresh} then 1 else f.failures + 1 end,
      first_failed_at = case when ${fresh} then ${now}::timestamptz else f.first_failed_at end,
      locked_until = case
        when ${fresh} then ${policy.maxFailures <= 1 ? lockUntil : null}::timestamptz
        when f.failures + 1 >= ${policy.maxFailures} then ${lockUntil}::timestamptz
        else f.locked_until end
    returning failures, locked_until`.execute(db);
  const row = result.rows[0]!;
  return { failures: row.failures, lockedUntil: row.locked_until ? new Date(row.locked_until) : undefined };
}

/** Forgets a code's failures after a right pair (never while it is locked: the caller checks the lock first). */
export async function clearLookupFailures(db: Executor, trackingCode: string): Promise<void> {
  await db.deleteFrom('tracking_lookup_failures').where('tracking_code', '=', trackingCode).execute();
}

/** Unit names by id, for the public timeline's handling unit. */
export async function findUnitNames(db: Executor, unitId: string) {
  return db.selectFrom('units').select(['id', 'name_zh', 'name_en', 'parent_id', 'kind']).where('id', '=', unitId).executeTakeFirst();
}

