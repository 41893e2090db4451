import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// The kiosk and public tracking: photos of documents (images only, size-limited, kept in the database), the
// plain-language category the visitor picked, an organisation's contact person, and per-code lookup failures
// for the tracking lockout.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('petition_attachments')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('petition_id', 'uuid', (column) => column.notNull().references('petitions.id'))
    .addColumn('position', 'smallint', (column) => column.notNull())
    .addColumn('content_type', 'text', (column) => column.notNull().check(sql`content_type in ('image/jpeg', 'image/png', 'image/webp')`))
    .addColumn('size_bytes', 'integer', (column) => column.notNull().check(sql`size_bytes > 0 and size_bytes <= 307200`))
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('data', 'bytea', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('petition_attachments_position_unique', ['petition_id', 'position'])
    .execute();
  await sql`alter table petition_attachments add constraint petition_attachments_size_matches check (octet_length(data) = size_bytes)`.execute(db);

  await db.schema.alterTable('petitions').addColumn('kiosk_category', 'text').execute();
  await db.schema.alterTable('petitioners').addColumn('contact_name', 'text').execute();

  // keyed by the normalised code as typed, whether or not such a petition exists: the lockout never tells
  await db.schema
    .createTable('tracking_lookup_failures')
    .addColumn('tracking_code', 'text', (column) => column.primaryKey())
    .addColumn('failures', 'integer', (column) => column.notNull())
    .addColumn('first_failed_at', 'timestamptz', (column) => column.notNull())
    .addColumn('locked_until', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tracking_lookup_failures').ifExists().execute();
  await db.schema.alterTable('petitioners').dropColumn('contact_name').execute();
  await db.schema.alterTable('petitions').dropColumn('kiosk_category').execute();
  await db.schema.dropTable('petition_attachments').ifExists().execute();
}
