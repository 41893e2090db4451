import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// Counters of attempts for the limits that must hold across server instances: sign-in per username and per address,
// tracking lookups per terminal and address, and each tracking code's guessing budget. One row per counter; one
// `insert … on conflict do update … returning` per attempt both counts it and tells whether it is over the limit, so
// concurrent attempts can never all pass a check made before any of them was counted.
// UNLOGGED: no WAL, so counting costs little; after a crash of the database server the table is emptied, which
// gives every counter a fresh window (acceptable for a limit; docs/SECURITY.md says so). PGlite accepts the keyword.
// It replaces tracking_lookup_failures (a lock-until-15-minutes per code, written after the check).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create unlogged table attempt_counters (
      key text primary key,
      attempts integer not null,
      window_ends_at timestamptz not null
    )`.execute(db);
  await sql`create index attempt_counters_window_ends_at_idx on attempt_counters (window_ends_at)`.execute(db);
  await sql`drop table if exists tracking_lookup_failures`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create table if not exists tracking_lookup_failures (
      tracking_code text primary key,
      failures integer not null,
      first_failed_at timestamptz not null,
      locked_until timestamptz
    )`.execute(db);
  await sql`drop table if exists attempt_counters`.execute(db);
}
