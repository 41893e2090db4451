import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendAudit } from './repositories/audit.ts';
import { insertStaff } from './repositories/staff.ts';
import { seedUnits } from '@xinfang/db/seed';
import { useTestDatabase } from './testing/test-database.ts';
import * as accountConfirmation from './migrations/20261205091500_account_confirmation.ts';

const test = useTestDatabase();

describe('migration 20261205091500_account_confirmation', () => {
  it('puts accounts an administrator set up, and whose holder has not taken them over yet, under confirmation', async () => {
    const units = await seedUnits(test.db);
    const unitId = units.district.id;
    // the database as it was before the migration
    await accountConfirmation.down(test.db);
    const add = async (username: string, mustChangePassword: boolean) =>
      (await sql<{ id: string }>`insert into staff (username, display_name, role, unit_id, password_hash, must_change_password)
        values (${username}, ${username}, 'lawyer', ${unitId}, 'x', ${mustChangePassword}) returning id`.execute(test.db)).rows[0]!.id;
    const admin = await add('old.admin', false);
    const created = await add('created.pending', true);
    const reset = await add('reset.pending', true);
    const takenOver = await add('created.taken.over', false);
    const demo = await add('demo.password', true);
    for (const [action, target] of [['admin.staffCreated', created], ['admin.staffCreated', reset], ['admin.passwordReset', reset], ['admin.staffCreated', takenOver]] as const) {
      await appendAudit(test.db, { occurredAt: new Date(), actorId: admin, actorRole: 'administrator', action, targetType: 'staff', targetId: target, ip: '192.0.2.1' });
    }

    await accountConfirmation.up(test.db);
    const rows = await test.db.selectFrom('staff').select(['username', 'temporary_password_set_by']).where('username', 'in', ['old.admin', 'created.pending', 'reset.pending', 'created.taken.over', 'demo.password']).orderBy('username').execute();
    expect(Object.fromEntries(rows.map((row) => [row.username, row.temporary_password_set_by]))).toEqual({
      'created.pending': admin,
      'created.taken.over': null,
      'demo.password': null,
      'old.admin': null,
      'reset.pending': admin,
    });
    expect(demo).toBeDefined();
    expect(await insertStaff(test.db, { username: 'after', displayName: 'after', role: 'lawyer', unitId, passwordHash: 'x', temporaryPasswordSetBy: admin })).toBeDefined();
  });
});
