import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app code here. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
// An administrator who creates an account, or resets its password, knows the temporary password: they could sign in
// as the new account, "change" the password themselves and read cases through it. The account therefore stays
// pending — it may do nothing but change its own password — until a different administrator confirms it, after its
// holder has chosen their own password. `temporary_password_set_by` is the administrator who set the temporary
// password; null when nobody but the holder knows the password (seeded or confirmed accounts).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table staff add column temporary_password_set_by uuid`.execute(db);
  // accounts created or reset by an administrator and not yet taken over by their holder wait for confirmation too
  await sql`
    update staff set temporary_password_set_by = (
      select a.actor_id from audit_log a
      where a.action in ('admin.staffCreated', 'admin.passwordReset') and a.target_type = 'staff' and a.target_id = staff.id::text
      order by a.id desc limit 1
    )
    where must_change_password`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table staff drop column if exists temporary_password_set_by`.execute(db);
}
