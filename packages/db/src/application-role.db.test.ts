import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { applicationRoleStatements, grantApplicationRole } from './application-role.ts';
import { createDatabase, type DatabaseHandle } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { appendAudit, verifyAuditChains } from './repositories/audit.ts';
import { deleteSession, insertSession } from './repositories/sessions.ts';
import { seedDemoData } from './seed/demo-seed.ts';
import { createTestKeys, useTestDatabase } from './testing/test-database.ts';

// Issue 11 §5: on PostgreSQL the server connects as a role that may not TRUNCATE, DELETE or UPDATE the audit trail,
// while the migrations run as the owner. PGlite has a single superuser: there the triggers are the guard
// (audit-guards.db.test.ts), and grants would bind nothing.

const test = useTestDatabase();
const role = `xinfang_app_${randomBytes(4).toString('hex')}`;
let application: DatabaseHandle | undefined;

afterAll(async () => {
  await application?.close();
  if (test.engine !== 'postgres') return;
  await sql.raw(`drop owned by ${role}`).execute(test.db);
  await sql.raw(`drop role if exists ${role}`).execute(test.db);
});

describe('applicationRoleStatements', () => {
  it('accepts only a plain role name', () => {
    expect(applicationRoleStatements('xinfang_app')[0]).toBe('grant usage on schema public to xinfang_app');
    expect(() => applicationRoleStatements('x; drop table audit_log')).toThrow(/not a plain role name/);
  });
});

describe.skipIf(test.engine !== 'postgres')('the application role on PostgreSQL (PGlite has one superuser: its guard is the triggers)', () => {
  it('runs the server’s work but cannot remove or rewrite the audit trail, nor disable its triggers', async () => {
    // the owner (here the test's superuser, which ran the migrations) creates the login role and grants it
    await sql.raw(`create role ${role} login`).execute(test.db);
    await grantApplicationRole(test.db, role);
    const url = new URL(test.databaseUrl!);
    url.username = role;
    application = await createDatabase({ engine: 'postgres', databaseUrl: url.toString(), poolSize: 2 });
    const app = application.db;
    expect((await sql<{ user: string }>`select current_user as user`.execute(app)).rows[0]?.user).toBe(role);

    // what the server does at start and at work: the migration check, seeding, sessions, audited calls
    expect(await migrateToLatest(app)).toEqual([]);
    const keys = createTestKeys();
    await seedDemoData(app, { now: new Date(), keys, hashPassword: (password) => Promise.resolve(`plain:${password}`), petitions: 3 });
    const staff = await app.selectFrom('staff').select(['id']).where('username', '=', 'reception').executeTakeFirstOrThrow();
    await app.updateTable('staff').set({ failed_sign_ins: 0 }).where('id', '=', staff.id).execute();
    const sessionId = randomBytes(32).toString('hex');
    await insertSession(app, { id: sessionId, staffId: staff.id, now: new Date(), expiresAt: new Date(Date.now() + 3_600_000), ip: '192.0.2.1' });
    await deleteSession(app, sessionId);
    for (let index = 0; index < 3; index++) {
      await app.transaction().execute((tx) =>
        appendAudit(tx, { occurredAt: new Date(), actorId: staff.id, actorRole: 'receptionOfficer', action: 'call:test', targetType: 'petition', targetId: randomUUID(), ip: '192.0.2.1' }),
      );
    }

    // what it cannot do: privileges refuse before any trigger runs, and only the owner may drop or disable a trigger
    const refused = /permission denied|must be owner/;
    for (const statement of [
      'truncate audit_log',
      'truncate audit_chain_heads',
      'delete from audit_log',
      "update audit_log set action = 'changed'",
      'delete from audit_chain_heads',
      'truncate petition_events',
      'delete from petition_events',
      'truncate petitions cascade',
      'alter table audit_log disable trigger audit_log_append_only',
      'drop trigger audit_log_no_truncate on audit_log',
      "delete from kysely_migration where name like '2026%'",
      'create table intruder (id int)',
    ]) {
      await expect(sql.raw(statement).execute(app), statement).rejects.toThrow(refused);
    }
    expect(await verifyAuditChains(app)).toMatchObject({ firstBrokenRowId: undefined });
  });

  it('gets the same rights on tables a later migration creates (the default privileges), as long as the owner creates them', async () => {
    await sql`create table later_feature (id int primary key, note text)`.execute(test.db);
    const app = application!.db;
    await sql`insert into later_feature values (1, 'x')`.execute(app);
    await sql`update later_feature set note = 'y'`.execute(app);
    await sql`delete from later_feature`.execute(app);
    await expect(sql`truncate later_feature`.execute(app)).rejects.toThrow(/permission denied/);
    await sql`drop table later_feature`.execute(test.db);
  });
});
