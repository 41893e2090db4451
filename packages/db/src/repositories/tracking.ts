import { sql } from 'kysely';
import type { DatabaseTransaction, Executor } from '../database.ts';

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

export interface StoredEventRow {
  sequence: number;
  type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_unit_id: string | null;
  occurred_at: Date;
  payload: unknown;
}

/** A petition's event log in order. */
export async function loadEventRows(db: Executor, petitionId: string): Promise<StoredEventRow[]> {
  return db
    .selectFrom('petition_events')
    .select(['sequence', 'type', 'actor_id', 'actor_role', 'actor_unit_id', 'occurred_at', 'payload'])
    .where('petition_id', '=', petitionId)
    .orderBy('sequence')
    .execute();
}

export interface EventToAppend {
  type: string;
  actorId: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  occurredAt: Date;
  payload: unknown;
}

/**
 * Appends events after `expectedVersion` and moves the petitions projection to `status`, in the caller's transaction.
 * Returns false (and writes nothing that counts: the caller rolls back) when another writer got there first.
 */
export async function appendEventsWithProjection(
  tx: DatabaseTransaction,
  petitionId: string,
  expectedVersion: number,
  events: readonly EventToAppend[],
  projection: { status: string; updatedAt: Date },
): Promise<boolean> {
  const updated = await tx
    .updateTable('petitions')
    .set({ status: projection.status, version: expectedVersion + events.length, updated_at: projection.updatedAt })
    .where('id', '=', petitionId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await tx
    .insertInto('petition_events')
    .values(
      events.map((event, index) => ({
        petition_id: petitionId,
        sequence: expectedVersion + index + 1,
        type: event.type,
        actor_id: event.actorId,
        actor_role: event.actorRole,
        actor_unit_id: event.actorUnitId,
        occurred_at: event.occurredAt,
        payload: JSON.stringify(event.payload),
      })),
    )
    .execute();
  return true;
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

/** The unit tree (ids, parents, kinds) for the workflow's review-level guard. */
export async function loadUnitTree(db: Executor) {
  return db.selectFrom('units').select(['id', 'parent_id', 'kind']).execute();
}
