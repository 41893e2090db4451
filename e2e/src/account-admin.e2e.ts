import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, saveScreenshot, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('account administration and the forced password change', () => {
  it('an administrator creates an account; its first sign-in must change the temporary password, then another administrator confirms it', async () => {
    const admin = await (await newContext(browser)).newPage();
    await admin.goto(`${server.baseUrl}/console/`);
    await admin.getByTestId('username').fill('admin');
    await admin.getByTestId('password').fill('Demo-admin-2026');
    await admin.getByTestId('sign-in-submit').click();
    await admin.getByTestId('nav-accounts').click();
    await admin.getByTestId('account-table').getByText('street-officer').waitFor();
    await admin.getByTestId('account-create').click();
    await admin.getByTestId('new-username').fill('zhang.mediator');
    await admin.getByTestId('new-display-name').fill('张调解员（演示）');
    await admin.getByTestId('new-password').fill('Temporary-pass-2026');
    await admin.getByTestId('new-save').click();
    await admin.getByTestId('account-table').getByText('zhang.mediator').waitFor();
    await saveScreenshot(admin, 'admin-accounts');

    const user = await (await newContext(browser)).newPage();
    await user.goto(`${server.baseUrl}/console/`);
    await user.getByTestId('username').fill('zhang.mediator');
    await user.getByTestId('password').fill('Temporary-pass-2026');
    await user.getByTestId('sign-in-submit').click();
    await user.getByTestId('password-forced').waitFor();
    expect(user.url()).toContain('/console/change-password');
    await user.getByTestId('current-password').fill('Temporary-pass-2026');
    await user.getByTestId('new-password').fill('short');
    await user.getByTestId('confirm-password').fill('short');
    await user.getByTestId('change-password-submit').click();
    await user.locator('.el-form-item__error', { hasText: '密码须为12–128个字符' }).waitFor();
    await saveScreenshot(user, 'change-password-forced');
    await user.getByTestId('new-password').fill('My-own-passphrase-2026');
    await user.getByTestId('confirm-password').fill('My-own-passphrase-2026');
    await user.getByTestId('change-password-submit').click();
    // the administrator knew the temporary password: the account waits for another administrator's confirmation
    await user.getByTestId('awaiting-confirmation').waitFor();
    expect(user.url()).toContain('/console/change-password');
    await saveScreenshot(user, 'awaiting-confirmation');

    // and the administrator who set it may not confirm it
    await admin.reload();
    await admin.getByTestId('account-confirm-zhang.mediator').click();
    await admin.locator('.el-message-box__btns .el-button--primary').click();
    await admin.getByText('该账号的临时密码由您设置，须由另一名管理员确认').waitFor();
  });

  it('an administrator reads the audit log and verifies its chains', async () => {
    const admin = await (await newContext(browser)).newPage();
    await admin.goto(`${server.baseUrl}/console/`);
    await admin.getByTestId('username').fill('admin');
    await admin.getByTestId('password').fill('Demo-admin-2026');
    await admin.getByTestId('sign-in-submit').click();
    await admin.getByTestId('nav-audit').click();
    await admin.getByTestId('audit-table').getByText('admin.staffCreated').waitFor();
    await admin.getByTestId('audit-verify').click();
    await admin.getByText(/审计日志完整：已校验 \d+ 条记录/).waitFor();
    await saveScreenshot(admin, 'admin-audit-log');
  });
});
