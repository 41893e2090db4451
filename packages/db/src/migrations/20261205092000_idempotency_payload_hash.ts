import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// A kiosk idempotency key answers a retry with the first receipt only when the retry carries the same submission: the
// keyed hash of that submission is kept beside the key, and a key reused with another payload is refused (409).
// Rows written before (and staff registrations, whose keys are checked elsewhere) have none.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table petitions add column idempotency_payload_hash text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table petitions drop column if exists idempotency_payload_hash`.execute(db);
}
