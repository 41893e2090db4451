import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// Queues also show matters appealed to the reader's unit, found among review and recheck requests by the unit in
// their payload. Without these indexes every such request is read on every queue query (≈16k events at 1M matters,
// twice per page: the count and the rows); with them it is two index probes.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index petition_events_reviewing_unit_idx on petition_events ((payload->>'reviewingUnitId')) where type in ('reviewRequested', 'recheckRequested')`.execute(db);
  await sql`create index petition_events_rechecking_unit_idx on petition_events ((payload->>'recheckingUnitId')) where type in ('reviewRequested', 'recheckRequested')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists petition_events_rechecking_unit_idx`.execute(db);
  await sql`drop index if exists petition_events_reviewing_unit_idx`.execute(db);
}
