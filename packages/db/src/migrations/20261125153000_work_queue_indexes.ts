import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// Work queues select by status and jurisdiction prefix. With the prefix first (petitions_scope_idx), a street's
// whole history is scanned to pick its few open matters of a status (≈100k index entries per street at 1M matters);
// with the status first the index seeks straight to them (EXPLAIN in docs/benchmarks.md). The prefix-first indexes
// stay for the whole-jurisdiction list.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index petitions_status_scope_idx on petitions (status, scope_path text_pattern_ops, due_at, id)`.execute(db);
  await sql`create index petitions_status_responsible_idx on petitions (status, responsible_path text_pattern_ops, due_at, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists petitions_status_responsible_idx`.execute(db);
  await sql`drop index if exists petitions_status_scope_idx`.execute(db);
}
