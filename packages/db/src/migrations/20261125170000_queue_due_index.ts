import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// The whole-jurisdiction list (`all`, and `finished`) is ordered by due date with undated matters last. Its pages walk
// that order in two parts: the matters with a due date by this index, then the undated ones by id (the primary key),
// each from the cursor on. Without it, the first page of a street's `all` at 1M matters sorted ≈ 100k rows (0.5 s).
// Only matters with a due date are in it: open ones, a few percent of the table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index petitions_due_idx on petitions (due_at, id) where due_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists petitions_due_idx`.execute(db);
}
