import { ensureStaff } from '@xinfang/db/repositories/staff';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, submitAtStreetKiosk } from '../../testing/test-context.ts';

// Issue 11 §5: an administrator must not be able to read cases through an account they create. Before: create a leader
// account, sign in with the temporary password just set, "change" it (the administrator knows the current one), reveal
// a petitioner's ID number. Now such an account waits for a different administrator to confirm it.

const test = useTestDatabase();
const keys = createTestKeys();
const temporary = 'Temporary-pass-2026';
const chosen = 'Harbour-lantern-2026';
let petitionId: string;

type Caller = ReturnType<typeof createTestContext>['caller'];

async function signedIn(username: string, password: string): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys);
  await caller.auth.signIn({ username, password });
  return caller;
}

const reveal = (caller: Caller) => caller.privacy.reveal({ petitionId, field: 'idNumber', reason: '核实信访人身份' });

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 3 });
  petitionId = await submitAtStreetKiosk(test.db, keys, '440304001000', { content: '【测试数据】反映某单位工作人员索要好处费。' });
  // a second administrator, made by the operator (seed or database): nobody else knows its password
  const district = await getUnitByCode(test.db, '440304');
  await ensureStaff(test.db, { username: 'second.admin', displayName: '第二管理员', role: 'administrator', unitId: district.id, passwordHash: await hashPassword(chosen) });
});

describe('an account an administrator creates or resets', () => {
  it('cannot reach a case until a different administrator confirms it, even after its password was changed', async () => {
    const admin = await signedIn('admin', 'Demo-admin-2026');
    const created = await admin.admin.createStaff({ username: 'new.leader', displayName: '新领导', role: 'bureauLeader', unitCode: '440304', temporaryPassword: temporary });
    expect(created).toMatchObject({ mustChangePassword: true, awaitingConfirmation: true });

    // the administrator signs in as the new account and "changes" the password they set
    const takeover = await signedIn('new.leader', temporary);
    await expect(reveal(takeover)).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.passwordChangeRequired' } });
    await takeover.auth.changePassword({ currentPassword: temporary, newPassword: chosen });
    expect(await takeover.auth.session()).toMatchObject({ mustChangePassword: false, awaitingConfirmation: true });
    await expect(reveal(takeover)).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.confirmationPending' } });
    await expect(takeover.petitions.list({})).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.confirmationPending' } });
    await expect(takeover.petitions.get({ id: petitionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // and cannot confirm it themself
    await expect(admin.admin.confirmStaff({ staffId: created.staffId })).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'admin.confirmOwnGrant' } });
    expect(await reveal(takeover).catch((error: { cause?: { code?: string } }) => error.cause?.code)).toBe('auth.confirmationPending');

    // a second administrator, having checked with the holder, confirms it: now it works like any other account
    const second = await signedIn('second.admin', chosen);
    const confirmed = await second.admin.confirmStaff({ staffId: created.staffId });
    expect(confirmed).toMatchObject({ mustChangePassword: false, awaitingConfirmation: false });
    expect((await reveal(takeover)).value).toBe('11010519491231002X');
    const record = await test.db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.staffConfirmed').where('target_id', '=', created.staffId).executeTakeFirstOrThrow();
    expect(record.actor_id).not.toBe((await admin.auth.me())!.staffId);
  });

  it('a reset puts a confirmed account back under the same rule, and confirmation waits for the holder’s own password', async () => {
    const admin = await signedIn('admin', 'Demo-admin-2026');
    const second = await signedIn('second.admin', chosen);
    const account = (await admin.admin.listStaff()).items.find((item) => item.username === 'new.leader')!;
    const reset = await admin.admin.resetPassword({ staffId: account.staffId, temporaryPassword: 'Second-temporary-2026' });
    expect(reset).toMatchObject({ mustChangePassword: true, awaitingConfirmation: true });
    await expect(second.admin.confirmStaff({ staffId: account.staffId })).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'admin.holderHasNotChosenPassword' } });

    const holder = await signedIn('new.leader', 'Second-temporary-2026');
    await holder.auth.changePassword({ currentPassword: 'Second-temporary-2026', newPassword: 'Holder-own-choice-2026' });
    await expect(reveal(holder)).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.confirmationPending' } });
    await expect(admin.admin.confirmStaff({ staffId: account.staffId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await second.admin.confirmStaff({ staffId: account.staffId });
    expect((await reveal(holder)).value).toBe('11010519491231002X');
    await expect(second.admin.confirmStaff({ staffId: account.staffId })).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'admin.notAwaitingConfirmation' } });
  });

  it('an administrator account created by an administrator cannot confirm anything before it is confirmed itself', async () => {
    const admin = await signedIn('admin', 'Demo-admin-2026');
    const accomplice = await admin.admin.createStaff({ username: 'helper.admin', displayName: '帮手', role: 'administrator', unitCode: '440304', temporaryPassword: temporary });
    const target = await admin.admin.createStaff({ username: 'target.lawyer', displayName: '律师', role: 'lawyer', unitCode: '440304', temporaryPassword: temporary });
    const helper = await signedIn('helper.admin', temporary);
    await helper.auth.changePassword({ currentPassword: temporary, newPassword: chosen });
    const lawyer = await signedIn('target.lawyer', temporary);
    await lawyer.auth.changePassword({ currentPassword: temporary, newPassword: chosen });
    await expect(helper.admin.confirmStaff({ staffId: target.staffId })).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.confirmationPending' } });
    await expect(helper.admin.confirmStaff({ staffId: accomplice.staffId })).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'auth.confirmationPending' } });
    expect((await admin.admin.listStaff()).items.find((item) => item.username === 'target.lawyer')).toMatchObject({ awaitingConfirmation: true });
  });
});
