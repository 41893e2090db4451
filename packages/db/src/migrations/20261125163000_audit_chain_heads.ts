import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// The head (newest hash) of each audit hash chain, one row per chain. A writer locks its chain's row with
// `select … for update`, which both serialises the chain's writers and returns the hash the new record links to, in
// one statement (before: an advisory lock, then a look-up of the chain's newest row). The heads also let the verifier
// notice the newest rows of a chain being deleted. 64 chains instead of 8: writers whose records fall in the same
// chain wait for each other until commit, so more chains mean fewer waits under concurrent intake.
// Records now carry their hash version: version 2 links `<previous hash>:<content digest>` so the database can compute
// the link in the statement that locks the head (see repositories/audit.ts); version 1 records stay verifiable.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log add column hash_version smallint not null default 1`.execute(db);
  await sql`
    create table audit_chain_heads (
      chain smallint primary key,
      last_id bigint,
      hash text
    )`.execute(db);
  await sql`
    insert into audit_chain_heads (chain, last_id, hash)
    select c.chain, last.id, last.hash
    from generate_series(0, 63) as c(chain)
    left join lateral (
      select id, hash from audit_log where audit_log.chain = c.chain order by id desc limit 1
    ) as last on true`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists audit_chain_heads`.execute(db);
  await sql`alter table audit_log drop column if exists hash_version`.execute(db);
}
