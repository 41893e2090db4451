import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// The petition workflow: who acted for which unit, the responsible unit's path for queues, visits and their
// persons, the administrator's holiday arrangements, numbered notices and repeat decisions.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('petition_events').addColumn('actor_unit_id', 'uuid').execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('hall_unit_id', 'uuid', (column) => column.notNull().references('units.id'))
    .addColumn('arrived_at', 'timestamptz', (column) => column.notNull())
    .addColumn('person_count', 'integer', (column) => column.notNull().check(sql`person_count > 0`))
    .addColumn('is_collective', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('guided_online', 'boolean', (column) => column.notNull().defaultTo(false))
    // joint reception (1+1+1+N): staff ids present
    .addColumn('staff_present', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('registered_by', 'uuid', (column) => column.references('staff.id'))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable('petitions')
    // path of the unit currently responsible (routed unit, reviewer, rechecker): a department sees its own cases
    .addColumn('responsible_path', 'text')
    .addColumn('visit_id', 'uuid', (column) => column.references('visits.id'))
    .execute();
  await sql`create index petitions_responsible_idx on petitions (responsible_path text_pattern_ops, status, due_at, id)`.execute(db);

  await db.schema
    .createTable('petition_petitioners')
    .addColumn('petition_id', 'uuid', (column) => column.notNull().references('petitions.id'))
    .addColumn('petitioner_id', 'uuid', (column) => column.notNull().references('petitioners.id'))
    .addColumn('is_representative', 'boolean', (column) => column.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('petition_petitioners_pk', ['petition_id', 'petitioner_id'])
    .execute();
  await db.schema.createIndex('petition_petitioners_petitioner_idx').on('petition_petitioners').column('petitioner_id').execute();

  await db.schema
    .createTable('work_calendar_years')
    .addColumn('year', 'integer', (column) => column.primaryKey())
    // { year, holidays: [{ date, nameZh?, nameEn? }], workdays: [date], source? }
    .addColumn('arrangement', 'jsonb', (column) => column.notNull())
    .addColumn('loaded_by', 'uuid', (column) => column.references('staff.id'))
    .addColumn('loaded_at', 'timestamptz', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('document_serials')
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('year', 'integer', (column) => column.notNull())
    .addColumn('last_number', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('document_serials_pk', ['kind', 'year'])
    .execute();

  await db.schema
    .createTable('petition_documents')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('petition_id', 'uuid', (column) => column.notNull().references('petitions.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('serial_number', 'text', (column) => column.notNull().unique())
    .addColumn('issued_at', 'timestamptz', (column) => column.notNull())
    .addColumn('issued_by', 'uuid', (column) => column.references('staff.id'))
    .addColumn('issuing_unit_id', 'uuid', (column) => column.references('units.id'))
    .addColumn('event_sequence', 'integer', (column) => column.notNull())
    .addColumn('content', 'jsonb', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('petition_documents_petition_idx').on('petition_documents').columns(['petition_id', 'issued_at']).execute();

  await db.schema
    .createTable('repeat_decisions')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('petition_id', 'uuid', (column) => column.notNull().references('petitions.id'))
    .addColumn('candidate_petition_id', 'uuid', (column) => column.notNull().references('petitions.id'))
    .addColumn('decision', 'text', (column) => column.notNull().check(sql`decision in ('confirmed', 'dismissed')`))
    .addColumn('decided_by', 'uuid', (column) => column.references('staff.id'))
    .addColumn('decided_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('repeat_decisions_petition_idx').on('repeat_decisions').column('petition_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['repeat_decisions', 'petition_documents', 'document_serials', 'work_calendar_years', 'petition_petitioners']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop index if exists petitions_responsible_idx`.execute(db);
  await db.schema.alterTable('petitions').dropColumn('visit_id').dropColumn('responsible_path').execute();
  await db.schema.dropTable('visits').ifExists().execute();
  await db.schema.alterTable('petition_events').dropColumn('actor_unit_id').execute();
}
