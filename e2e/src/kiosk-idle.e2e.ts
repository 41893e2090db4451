/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness.ts';
import { capture, kioskPage, submitMatter, switchLanguage } from './kiosk-support.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // short idle timings from the server's kiosk configuration, so the test can watch them
  server = await startServer({ KIOSK_IDLE_WARNING_SECONDS: '3', KIOSK_IDLE_RESET_SECONDS: '6' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the idle warning and wipe', () => {
  it.each(['portrait', 'phone'] as const)('warns, lets the visitor stay, then wipes everything entered (%s)', async (viewport) => {
    const { context, page } = await kioskPage(browser, viewport);
    await page.goto(`${server.baseUrl}/kiosk/`);
    await page.getByTestId('choice-submit').tap();
    await switchLanguage(page);
    await page.getByTestId('contrast-switch').tap();
    await page.getByTestId('field-name').locator('input').fill('演示访客');
    await page.getByTestId('field-address').locator('input').fill('【演示】某路1号');
    await page.getByTestId('idle-warning').waitFor({ timeout: 20_000 });
    await capture(page, `kiosk-idle-warning-${viewport}-en`);
    await page.getByTestId('idle-stay').tap();
    await page.getByTestId('idle-warning').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('field-name').locator('input').inputValue()).toBe('演示访客');
    // now the visitor walks away
    await page.getByTestId('idle-warning').waitFor({ timeout: 20_000 });
    await page.getByTestId('choice-submit').waitFor({ timeout: 20_000 });
    await page.getByText('欢迎来到福田区人民来访接待厅').waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('kiosk-contrast'))).toBe(false);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => !key.startsWith('vue-router')))).toEqual([]);
    await capture(page, `kiosk-idle-wiped-${viewport}-zh`);
    await page.getByTestId('choice-submit').tap();
    expect(await page.getByTestId('field-name').locator('input').inputValue()).toBe('');
    expect(await page.getByTestId('field-address').locator('input').inputValue()).toBe('');
    await context.close();
  });

  it('wipes a looked-up timeline too (landscape)', async () => {
    const code = await submitMatter(server.baseUrl, '19900005001');
    const { context, page } = await kioskPage(browser, 'landscape');
    await page.goto(`${server.baseUrl}/kiosk/track?code=${code}`);
    await page.getByTestId('field-last4').locator('input').fill('5001');
    await page.getByTestId('track-submit').tap();
    await page.getByTestId('timeline').waitFor();
    await page.getByTestId('idle-warning').waitFor({ timeout: 20_000 });
    await capture(page, 'kiosk-idle-warning-landscape-zh');
    await page.getByTestId('choice-track').waitFor({ timeout: 20_000 });
    await page.getByTestId('choice-track').tap();
    await page.getByTestId('field-last4').waitFor();
    expect(await page.getByTestId('timeline').count()).toBe(0);
    expect(await page.getByTestId('field-last4').locator('input').inputValue()).toBe('');
    await context.close();
  });
});
