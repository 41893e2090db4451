import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// The whole-jurisdiction list counts its matters (up to a cap) from the path indexes alone, then takes away the
// accusations against the reader's unit (the accusation firewall), which those indexes do not hold. This finds them:
// accusations are a small share of matters, so the index is small.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index petitions_accusation_idx on petitions (accused_unit_id) where petition_class = 'accusation'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists petitions_accusation_idx`.execute(db);
}
