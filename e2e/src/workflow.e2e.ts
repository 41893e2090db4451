import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, saveScreenshot, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let petitionUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(username: string, password: string): Promise<Page> {
  const page = await (await newContext(browser, { viewport: { width: 1440, height: 1000 } })).newPage();
  await page.goto(`${server.baseUrl}/console/sign-in`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('current-user').waitFor();
  return page;
}

async function act(page: Page, action: string, fill: (page: Page) => Promise<void> = async () => {}) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-submit').waitFor();
  await fill(page);
  await page.getByTestId('action-submit').click();
  await page.getByTestId(`action-${action}`).waitFor({ state: 'detached' });
}

describe('the petition workflow in the console, each step by its role', () => {
  it('reception registers a walk-in visit and sees it in the triage queue', async () => {
    const page = await signIn('reception', 'Demo-reception-2026');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('person-name-0').fill('测试来访人');
    await page.getByTestId('person-id-0').fill('11010519491231002X');
    await page.getByTestId('person-mobile-0').fill('19900001111');
    await page.getByTestId('register-hall').click();
    await page.getByRole('option', { name: '福田区' }).first().click();
    await page.getByTestId('register-summary').fill('小区电梯长期故障');
    await page.getByTestId('register-content').fill('【测试数据】小区电梯长期故障无人维修，物业不予处理。');
    await saveScreenshot(page, 'workflow-register');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('available-actions').waitFor();
    petitionUrl = page.url();
    await saveScreenshot(page, 'workflow-detail-registered');
    await page.goto(`${server.baseUrl}/console/queues/pendingTriage`);
    await page.getByTestId('queue-table').getByText('小区电梯长期故障').waitFor();
    await saveScreenshot(page, 'workflow-queue-triage');
  });

  it('the lawyer triages and the notice prints on A4', async () => {
    const page = await signIn('lawyer', 'Demo-lawyer-2026');
    await page.goto(petitionUrl);
    await act(page, 'triage', async (dialog) => {
      await dialog.getByTestId('field-petitionClass').click();
      await dialog.getByRole('option', { name: '建议意见类' }).click();
      await dialog.getByTestId('field-guidance').fill('可按信访程序办理');
    });
    await expect(page.getByTestId('petition-status').textContent()).resolves.toContain('已甄别');
    await saveScreenshot(page, 'workflow-detail-triaged');
  });

  it('reception routes it to the housing bureau, which gives the receipt notice', async () => {
    const reception = await signIn('reception', 'Demo-reception-2026');
    await reception.goto(petitionUrl);
    await act(reception, 'route', async (dialog) => {
      await dialog.getByTestId('field-unitId').click();
      await dialog.getByRole('option', { name: '区住房和建设局' }).click();
    });
    await expect(reception.getByTestId('petition-status').textContent()).resolves.toContain('已转送');
    const handler = await signIn('handler', 'Demo-handler-2026');
    await handler.goto(petitionUrl);
    await act(handler, 'acknowledgeReceipt');
    await expect(handler.getByTestId('petition-status').textContent()).resolves.toContain('已告知受理');
    await saveScreenshot(handler, 'workflow-detail-received');
    const documentLink = handler.getByTestId('documents').getByText('受理告知书');
    const [popup] = await Promise.all([handler.context().waitForEvent('page'), documentLink.click()]);
    await popup.getByTestId('document-serial').waitFor();
    await expect(popup.getByTestId('document-serial').textContent()).resolves.toMatch(/^福信受〔\d{4}〕\d{4}号$/);
    await saveScreenshot(popup, 'workflow-notice-receipt');
  });
});
