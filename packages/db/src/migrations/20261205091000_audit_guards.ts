import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// The audit log already refuses UPDATE and DELETE row by row (`audit_log_append_only`, migration 20261125000000), but
// TRUNCATE fires no row triggers: it emptied the log, and truncating the chain heads made every audited call fail
// with 500 ("no head row"). Statement-level BEFORE TRUNCATE triggers refuse it on both tables, and the heads refuse
// DELETE: every audited call moves its chain's head (UPDATE stays allowed), and a head that disappears stops the log.
// Triggers bind the superuser too (PGlite always runs as one), unless they drop or disable the trigger, which needs
// the table's owner: on PostgreSQL the application should connect as a role that is not (docs/SECURITY.md).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function refuse_audit_removal() returns trigger language plpgsql as $$
    begin
      raise exception 'table % keeps the audit trail: % is refused', tg_table_name, tg_op using errcode = '42501';
    end;
    $$`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function refuse_audit_removal()`.execute(db);
  await sql`create trigger audit_chain_heads_no_truncate before truncate on audit_chain_heads for each statement execute function refuse_audit_removal()`.execute(db);
  await sql`create trigger audit_chain_heads_no_delete before delete on audit_chain_heads for each row execute function refuse_audit_removal()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_chain_heads_no_delete on audit_chain_heads`.execute(db);
  await sql`drop trigger if exists audit_chain_heads_no_truncate on audit_chain_heads`.execute(db);
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop function if exists refuse_audit_removal()`.execute(db);
}
