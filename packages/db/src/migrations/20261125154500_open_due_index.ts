import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// Work queues list open matters earliest due first. A partial index of the open matters in that order lets the first
// page walk a few hundred entries and stop, rather than fetch and sort every match (a department's first page at 200k
// matters: 1.5 ms instead of 11 ms; EXPLAIN in docs/benchmarks.md). It holds only open matters: a few percent of the table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index petitions_open_due_idx on petitions (due_at, id) where status not in ('closed', 'notAccepted', 'withdrawn', 'merged')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists petitions_open_due_idx`.execute(db);
}
