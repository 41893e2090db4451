import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// Wave 2's record kinds (care forms, counselling sessions, mediation cases…) share one envelope: the kind, the unit it
// belongs to (with its path, for jurisdiction), a version for optimistic locking, the instant it is counted on, the
// payload (parsed by the kind's schema on every read and write) and its facets (typed facts the kind declares, for
// filters and indicators; GIN-indexed). Volumes are thousands a year per district: one table, not one per kind.
// Changes are events (who, when, which fields): values stay in the row, so health data can be erased after its
// retention period without rewriting an append-only log.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table records (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      unit_id uuid not null references units(id),
      unit_path text not null,
      version integer not null default 1,
      occurred_at timestamptz not null,
      payload jsonb not null,
      facets jsonb not null default '{}',
      created_by uuid references staff(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index records_kind_unit_idx on records (kind, unit_path text_pattern_ops, occurred_at desc, id desc)`.execute(db);
  await sql`create index records_kind_occurred_idx on records (kind, occurred_at)`.execute(db);
  await sql`create index records_facets_idx on records using gin (facets jsonb_path_ops)`.execute(db);
  await sql`
    create table record_events (
      id uuid primary key default gen_random_uuid(),
      record_id uuid not null references records(id),
      sequence integer not null,
      type text not null,
      actor_id uuid,
      actor_role text,
      occurred_at timestamptz not null,
      payload jsonb not null default '{}',
      unique (record_id, sequence)
    )`.execute(db);
  await sql`create trigger record_events_append_only before update or delete on record_events for each row execute function refuse_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists record_events`.execute(db);
  await sql`drop table if exists records`.execute(db);
}
