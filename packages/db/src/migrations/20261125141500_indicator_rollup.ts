import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// Daily counts behind the DOMAIN.md §7 indicators, per street, so a year's indicators read a few thousand rows rather
// than scanning a year of events. Derived data: rebuilt from petitions, events and visits for any range of days
// (repositories/indicators.ts), never edited by hand; days after `complete_through` are counted live.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_daily')
    .addColumn('day', 'date', (column) => column.notNull())
    // null: a matter with no street (a district-level matter)
    .addColumn('street_unit_id', 'uuid')
    .addColumn('metric', 'text', (column) => column.notNull())
    .addColumn('value', 'bigint', (column) => column.notNull())
    .execute();
  await sql`create index indicator_daily_day_idx on indicator_daily (day, metric) include (street_unit_id, value)`.execute(db);

  await db.schema
    .createTable('indicator_rollup_state')
    .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
    // every day up to and including this one is in indicator_daily
    .addColumn('complete_through', 'date')
    .addColumn('refreshed_at', 'timestamptz')
    .execute();
  await sql`insert into indicator_rollup_state (id, complete_through, refreshed_at) values (1, null, null)`.execute(db);
  // the visit indicators find a visit's matter through it
  await sql`create index petitions_visit_idx on petitions (visit_id) where visit_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists petitions_visit_idx`.execute(db);
  await db.schema.dropTable('indicator_rollup_state').ifExists().execute();
  await db.schema.dropTable('indicator_daily').ifExists().execute();
}
