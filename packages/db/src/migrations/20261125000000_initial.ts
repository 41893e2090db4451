import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (column) => column.notNull().unique())
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('district', 'street', 'community', 'department')`))
    .addColumn('name_zh', 'text', (column) => column.notNull())
    .addColumn('name_en', 'text', (column) => column.notNull())
    .addColumn('parent_id', 'uuid', (column) => column.references('units.id'))
    // materialised path of codes, '/440304/440304001000/', so a jurisdiction is one prefix match
    .addColumn('path', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();
  await sql`create index units_path_idx on units (path text_pattern_ops)`.execute(db);

  await db.schema
    .createTable('staff')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (column) => column.notNull().unique())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('unit_id', 'uuid', (column) => column.notNull().references('units.id'))
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('must_change_password', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('disabled', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('failed_sign_ins', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (column) => column.primaryKey()) // SHA-256 of the cookie token, never the token
    .addColumn('staff_id', 'uuid', (column) => column.notNull().references('staff.id'))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull())
    .addColumn('last_seen_at', 'timestamptz', (column) => column.notNull())
    .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('staff_sessions_staff_idx').on('staff_sessions').column('staff_id').execute();

  await db.schema
    .createTable('petitioners')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('person', 'organisation')`))
    .addColumn('name', 'text', (column) => column.notNull())
    // personal data: AES-256-GCM ciphertext with key id, keyed hash for matching, masked form for lists
    .addColumn('id_number_cipher', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('mobile_cipher', 'text')
    .addColumn('mobile_hash', 'text')
    .addColumn('mobile_masked', 'text')
    .addColumn('mobile_last4_hash', 'text')
    .addColumn('address_cipher', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('petitioners_id_number_hash_idx').on('petitioners').column('id_number_hash').execute();
  await db.schema.createIndex('petitioners_mobile_hash_idx').on('petitioners').column('mobile_hash').execute();

  await db.schema
    .createTable('petitions')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tracking_code', 'text', (column) => column.notNull().unique())
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('kiosk_assisted', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('petition_class', 'text')
    .addColumn('claim_route', 'text')
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('content', 'text', (column) => column.notNull())
    .addColumn('request', 'text')
    .addColumn('respondent', 'text')
    .addColumn('accused_unit_id', 'uuid', (column) => column.references('units.id'))
    .addColumn('petitioner_id', 'uuid', (column) => column.notNull().references('petitioners.id'))
    .addColumn('is_collective', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('headcount', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('hall_unit_id', 'uuid', (column) => column.notNull().references('units.id'))
    .addColumn('street_unit_id', 'uuid', (column) => column.references('units.id'))
    .addColumn('community_unit_id', 'uuid', (column) => column.references('units.id'))
    .addColumn('handling_unit_id', 'uuid', (column) => column.references('units.id'))
    // the jurisdiction paths that may see it: the hall's and the street's; denormalised for queue queries
    .addColumn('scope_path', 'text', (column) => column.notNull())
    .addColumn('received_at', 'timestamptz', (column) => column.notNull())
    .addColumn('registered_at', 'timestamptz', (column) => column.notNull())
    .addColumn('registered_by', 'uuid', (column) => column.references('staff.id'))
    .addColumn('idempotency_key', 'uuid', (column) => column.unique())
    // clock projection, recomputed from events: next due date and its light, all clocks as JSON
    .addColumn('due_at', 'timestamptz')
    .addColumn('light', 'text')
    .addColumn('clocks', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('petitions_status_due_idx').on('petitions').columns(['status', 'due_at', 'id']).execute();
  await db.schema.createIndex('petitions_received_idx').on('petitions').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('petitions_petitioner_idx').on('petitions').column('petitioner_id').execute();
  await db.schema.createIndex('petitions_handling_unit_idx').on('petitions').columns(['handling_unit_id', 'status']).execute();
  await sql`create index petitions_scope_idx on petitions (scope_path text_pattern_ops, status, due_at, id)`.execute(db);

  await db.schema
    .createTable('petition_events')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('petition_id', 'uuid', (column) => column.notNull().references('petitions.id'))
    .addColumn('sequence', 'integer', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('actor_id', 'uuid', (column) => column.references('staff.id'))
    .addColumn('actor_role', 'text')
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull())
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('payload', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint('petition_events_sequence_unique', ['petition_id', 'sequence'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    // hash chain: rows are chained per shard so concurrent writers do not queue on one row
    .addColumn('chain', 'smallint', (column) => column.notNull().defaultTo(0))
    .addColumn('previous_hash', 'text')
    .addColumn('hash', 'text')
    .execute();
  await db.schema.createIndex('audit_log_chain_idx').on('audit_log').columns(['chain', 'id']).execute();

  // Append-only logs: the database itself refuses to change history.
  await sql`
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only', tg_table_name using errcode = '42501';
    end;
    $$`.execute(db);
  await sql`create trigger petition_events_append_only before update or delete on petition_events for each row execute function refuse_change()`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function refuse_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'petition_events', 'petitions', 'petitioners', 'staff_sessions', 'staff', 'units']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop function if exists refuse_change()`.execute(db);
}
