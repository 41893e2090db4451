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

describe('the thin slice: a visitor submits at the kiosk, an officer finds it in the console', () => {
  let trackingCode = '';

  it('shows the landing page linking both apps', async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(server.baseUrl);
    await expect(page.getByRole('link', { name: /工作台/ }).getAttribute('href')).resolves.toBe('/console/');
    await expect(page.getByRole('link', { name: /自助服务/ }).getAttribute('href')).resolves.toBe('/kiosk/');
    await saveScreenshot(page, 'landing');
  });

  it('rejects a malformed mobile number and empty text with Chinese messages next to the fields, storing nothing', async () => {
    const context = await newContext(browser, { viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/kiosk/`);
    await page.getByText('欢迎来到福田区人民来访接待厅').waitFor();
    await saveScreenshot(page, 'kiosk-home-zh');
    await page.getByTestId('choice-submit').tap();
    await page.getByTestId('field-name').locator('input').fill('演示访客');
    await page.getByTestId('field-mobile').locator('input').fill('1380013');
    await page.getByTestId('next').tap();
    await expect(page.getByText('请输入正确的手机号码（11位，以1开头）').isVisible()).resolves.toBe(true);
    await expect(page.getByText('此项为必填项').isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'kiosk-submit-errors-zh');
    await context.close();
  });

  it('submits a matter at the kiosk and shows a tracking code', async () => {
    const context = await newContext(browser, { viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/kiosk/submit`);
    await page.getByTestId('field-name').locator('input').fill('演示访客');
    await page.getByTestId('field-id-number').locator('input').fill('11010519491231002X'); // DOMAIN.md §9's published example
    await page.getByTestId('field-mobile').locator('input').fill('199 0000 1234');
    await page.getByTestId('next').tap();
    await page.getByTestId('field-content').locator('textarea').fill('小区门口的路灯坏了两个月，晚上出行很不安全，希望尽快修复。');
    await saveScreenshot(page, 'kiosk-submit-filled-zh');
    await page.getByTestId('next').tap();
    await page.getByTestId('consent').tap();
    await page.getByTestId('submit').tap();
    await page.getByTestId('tracking-code').waitFor();
    trackingCode = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{2}$/);
    await saveScreenshot(page, 'kiosk-receipt-zh');
    await context.close();
  });

  it('lets the reception officer sign in with the printed account and find the matter', async () => {
    expect(server.output()).toContain('reception');
    const context = await newContext(browser, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByTestId('username').waitFor();
    await saveScreenshot(page, 'console-sign-in-zh');
    await page.getByTestId('username').fill('reception');
    await page.getByTestId('password').fill('wrong-password');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-error').textContent()).resolves.toContain('用户名或密码不正确');
    await page.getByTestId('password').fill('Demo-reception-2026');
    await page.getByTestId('password').press('Enter'); // keyboard: Enter signs in
    await page.getByTestId('petition-total').waitFor();
    await expect(page.getByTestId('petition-total').textContent()).resolves.toContain('201');
    await page.getByText(trackingCode).waitFor();
    const row = page.locator('tr', { hasText: trackingCode });
    await expect(row.textContent()).resolves.toContain('199****1234');
    await expect(row.textContent()).resolves.toContain('演示访客');
    await saveScreenshot(page, 'console-petitions-zh');
    await context.close();
  });

  it('keeps the matter after a restart and does not seed twice', async () => {
    expect(trackingCode).not.toBe('');
    await server.restart();
    const response = await fetch(`${server.baseUrl}/health`);
    const health = (await response.json()) as { status: string; database: { reachable: boolean; migration: string } };
    expect(health).toMatchObject({ status: 'ok', database: { reachable: true } });
    expect(health.database.migration).toMatch(/^\d{14}_\w+$/);
    const context = await newContext(browser, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByTestId('username').fill('reception');
    await page.getByTestId('password').fill('Demo-reception-2026');
    await page.getByTestId('sign-in-submit').click();
    await page.getByText(trackingCode).waitFor();
    await expect(page.getByTestId('petition-total').textContent()).resolves.toContain('201');
    await context.close();
  });
});
