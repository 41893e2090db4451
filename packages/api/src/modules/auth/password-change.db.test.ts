import { ensureStaff } from '@xinfang/db/repositories/staff';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { isPasswordAcceptable } from '@xinfang/domain/security/accounts';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 5 });
});

describe('password policy', () => {
  it.each([
    ['Harbour-lantern-2026', 'reception', true],
    ['short-A1', 'reception', false],
    ['alllowercase-2026', 'reception', false],
    ['ALLUPPERCASE-2026', 'reception', false],
    ['No-digits-at-all-here', 'reception', false],
    ['My-reception-2026x', 'reception', false],
    [`Aa1${'x'.repeat(126)}`, 'reception', false],
  ] as const)('%s for %s → %s', (password, username, acceptable) => {
    expect(isPasswordAcceptable(password, username)).toBe(acceptable);
  });
});

describe('forced change of the demo password outside demo mode', () => {
  it('lets the administrator do nothing but change the password, then everything', async () => {
    const { caller } = createTestContext(test.db, keys, { demoMode: false });
    await caller.auth.signIn({ username: 'admin', password: 'Demo-admin-2026' });
    expect(await caller.auth.session()).toMatchObject({ mustChangePassword: true, actor: { username: 'admin' } });
    await expect(caller.admin.listStaff()).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Please change your initial password first' });
    await expect(caller.auth.changePassword({ currentPassword: 'Demo-admin-2026', newPassword: 'weak' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    await expect(caller.auth.changePassword({ currentPassword: 'wrong-one', newPassword: 'Harbour-lantern-2026' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    await expect(caller.auth.changePassword({ currentPassword: 'Demo-admin-2026', newPassword: 'Demo-lawyer-2026' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    await caller.auth.changePassword({ currentPassword: 'Demo-admin-2026', newPassword: 'Harbour-lantern-2026' });
    expect(await caller.auth.session()).toMatchObject({ mustChangePassword: false });
    expect((await caller.admin.listStaff()).items.length).toBeGreaterThan(5);
    const again = createTestContext(test.db, keys, { demoMode: false });
    await expect(again.caller.auth.signIn({ username: 'admin', password: 'Demo-admin-2026' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await again.caller.auth.signIn({ username: 'admin', password: 'Harbour-lantern-2026' });
    expect(await again.caller.auth.session()).toMatchObject({ mustChangePassword: false });
  });

  it('does not force a change in demo mode', async () => {
    const { caller } = createTestContext(test.db, keys, { demoMode: true });
    await caller.auth.signIn({ username: 'leader', password: 'Demo-leader-2026' });
    expect(await caller.auth.session()).toMatchObject({ mustChangePassword: false });
  });
});

describe('account administration', () => {
  it('creates an account that must change its temporary password, disables it and ends its sessions, resets it', async () => {
    const admin = createTestContext(test.db, keys).caller;
    await admin.auth.signIn({ username: 'admin', password: 'Harbour-lantern-2026' });
    const created = await admin.admin.createStaff({ username: 'wang.lawyer', displayName: '王律师', role: 'lawyer', unitCode: '440304', temporaryPassword: 'Temporary-pass-2026' });
    await expect(admin.admin.createStaff({ username: 'wang.lawyer', displayName: '王律师', role: 'lawyer', unitCode: '440304', temporaryPassword: 'Temporary-pass-2026' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin.admin.createStaff({ username: 'li.lawyer', displayName: '李律师', role: 'lawyer', unitCode: '440304', temporaryPassword: 'Li.lawyer-2026-x' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });

    const lawyer = createTestContext(test.db, keys).caller;
    await lawyer.auth.signIn({ username: 'wang.lawyer', password: 'Temporary-pass-2026' });
    await expect(lawyer.petitions.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await lawyer.auth.changePassword({ currentPassword: 'Temporary-pass-2026', newPassword: 'Own-chosen-pass-2026' });
    // the administrator knew the temporary password: a different administrator confirms the account (account-takeover.db.test.ts)
    await expect(lawyer.petitions.list({})).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'This account waits for another administrator to confirm it before it can work on cases' });
    const district = await getUnitByCode(test.db, '440304');
    await ensureStaff(test.db, { username: 'second.admin', displayName: '第二管理员', role: 'administrator', unitId: district.id, passwordHash: await hashPassword('Second-admin-pass-2026') });
    const second = createTestContext(test.db, keys).caller;
    await second.auth.signIn({ username: 'second.admin', password: 'Second-admin-pass-2026' });
    expect(await second.admin.confirmStaff({ staffId: created.staffId })).toMatchObject({ awaitingConfirmation: false });
    expect((await lawyer.petitions.list({})).total).toBe(5);

    await admin.admin.setStaffDisabled({ staffId: created.staffId, disabled: true });
    await expect(lawyer.petitions.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const retry = createTestContext(test.db, keys).caller;
    await expect(retry.auth.signIn({ username: 'wang.lawyer', password: 'Own-chosen-pass-2026' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    await admin.admin.setStaffDisabled({ staffId: created.staffId, disabled: false });
    const reset = await admin.admin.resetPassword({ staffId: created.staffId, temporaryPassword: 'Second-temporary-2026' });
    expect(reset.mustChangePassword).toBe(true);
    await retry.auth.signIn({ username: 'wang.lawyer', password: 'Second-temporary-2026' });
    expect(await retry.auth.session()).toMatchObject({ mustChangePassword: true });

    const me = (await admin.auth.me())!;
    await expect(admin.admin.setStaffDisabled({ staffId: me.staffId, disabled: true })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('records every state-changing staff call, refused ones too, with who and from where', async () => {
    const { caller } = createTestContext(test.db, keys, { clientIp: '10.1.2.3' });
    await caller.auth.signIn({ username: 'statistician', password: 'Demo-statistician-2026' });
    await expect(caller.admin.createStaff({ username: 'sneaky', displayName: 'x', role: 'administrator', unitCode: '440304', temporaryPassword: 'Temporary-pass-2026' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const row = await test.db.selectFrom('audit_log').selectAll().where('action', '=', 'call:admin.createStaff').where('ip', '=', '10.1.2.3').executeTakeFirstOrThrow();
    expect(row.actor_role).toBe('statistician');
    expect(row.details).toEqual({ outcome: 'refused:auth.forbidden' });
    expect(JSON.stringify(row)).not.toContain('Temporary-pass-2026');
  });
});
