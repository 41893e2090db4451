import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// An accusation may name several accused units and staff members; one `accused_unit_id` held only the first, so the
// firewall let the second unit (and every accused person) see the matter. Both lists are kept on the petition,
// filled from the latest event that named them (older events call them `respondents`).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table petitions add column accused_unit_ids uuid[] not null default '{}', add column accused_staff_ids uuid[] not null default '{}'`.execute(db);
  await sql`
    update petitions p set
      accused_unit_ids = coalesce(array(select jsonb_array_elements_text(coalesce(named.parties->'unitIds', '[]'::jsonb))::uuid), '{}'),
      accused_staff_ids = coalesce(array(select jsonb_array_elements_text(coalesce(named.parties->'staffIds', '[]'::jsonb))::uuid), '{}')
    from (
      select distinct on (e.petition_id) e.petition_id, coalesce(e.payload->'accusedParties', e.payload->'respondents') as parties
      from petition_events e
      where e.payload->'accusedParties' is not null or e.payload->'respondents' is not null
      order by e.petition_id, e.sequence desc
    ) named
    where named.petition_id = p.id and p.petition_class = 'accusation'
  `.execute(db);
  await sql`drop index if exists petitions_accusation_idx`.execute(db);
  await sql`alter table petitions drop column accused_unit_id`.execute(db);
  // accusations are a small share of matters: these partial indexes find the ones accusing a reader
  await sql`create index petitions_accused_units_idx on petitions using gin (accused_unit_ids) where petition_class = 'accusation'`.execute(db);
  await sql`create index petitions_accused_staff_idx on petitions using gin (accused_staff_ids) where petition_class = 'accusation'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists petitions_accused_units_idx`.execute(db);
  await sql`drop index if exists petitions_accused_staff_idx`.execute(db);
  await sql`alter table petitions add column accused_unit_id uuid references units(id)`.execute(db);
  await sql`update petitions set accused_unit_id = accused_unit_ids[1] where petition_class = 'accusation'`.execute(db);
  await sql`alter table petitions drop column accused_unit_ids, drop column accused_staff_ids`.execute(db);
  await sql`create index petitions_accusation_idx on petitions (accused_unit_id) where petition_class = 'accusation'`.execute(db);
}
