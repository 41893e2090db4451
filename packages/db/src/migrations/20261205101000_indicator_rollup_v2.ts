import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// The indicator definitions changed (on-time conclusion now reads the clock engine's due date from the stored clock
// projection; registrations are also counted by channel), so the daily rollup counted under the old rules is dropped.
// It is derived data: readers count every day from the records until the next refresh rebuilds it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from indicator_daily`.execute(db);
  await sql`update indicator_rollup_state set complete_through = null, refreshed_at = null where id = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from indicator_daily`.execute(db);
  await sql`update indicator_rollup_state set complete_through = null, refreshed_at = null where id = 1`.execute(db);
}
