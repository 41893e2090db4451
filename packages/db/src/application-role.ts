import { sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * What the server's own login role may do, as SQL for the owner of the schema to run (the role that runs the
 * migrations). Reads and writes of every table, but no TRUNCATE anywhere, and no UPDATE or DELETE of the audit trail
 * (`audit_log`, `petition_events`) — the chain heads stay updatable, every audited call moves one — nor of the
 * migration records. Not being the owner, the role also cannot drop or disable the triggers that guard those tables.
 * The default privileges give the role the same rights on tables and sequences the owner creates in later migrations.
 * @example applicationRoleStatements('xinfang_app').join(';\n')
 */
export function applicationRoleStatements(role: string): string[] {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  return [
    `grant usage on schema public to ${role}`,
    `grant select, insert, update, delete on all tables in schema public to ${role}`,
    `grant usage, select, update on all sequences in schema public to ${role}`,
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${role}`,
    `alter default privileges in schema public grant usage, select, update on sequences to ${role}`,
    `revoke update, delete, truncate on audit_log, petition_events from ${role}`,
    `revoke delete, truncate on audit_chain_heads from ${role}`,
    `revoke insert, update, delete, truncate on kysely_migration from ${role}`,
  ];
}

/**
 * Runs {@link applicationRoleStatements} as the connected role (the owner), in one transaction. Run it after the
 * migrations; again after an upgrade that adds an audit table (the default privileges cover other new tables).
 * @example await grantApplicationRole(ownerDb, 'xinfang_app')
 */
export async function grantApplicationRole(db: Database, role: string): Promise<void> {
  const statements = applicationRoleStatements(role);
  await db.transaction().execute(async (tx) => {
    for (const statement of statements) await sql.raw(statement).execute(tx);
  });
}
