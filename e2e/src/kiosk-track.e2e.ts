/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness.ts';
import { capture, driveToReplied, kioskPage, submitMatter, switchLanguage } from './kiosk-support.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ RATE_LIMIT_PUBLIC_PER_MINUTE: '1000', RATE_LIMIT_TRACKING_PER_MINUTE: '1000' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Types a tracking code on the kiosk's code keyboard (kiosk screens) or with the phone's own keyboard. */
async function enterCode(page: Page, code: string, onScreen: boolean): Promise<void> {
  if (onScreen) {
    for (const character of code.replaceAll('-', '')) await page.getByTestId('code-keyboard').locator(`[data-key="${character}"]`).tap();
  } else {
    await page.getByTestId('field-tracking-code').locator('input').fill(code.toLowerCase());
  }
}

async function enterLast4(page: Page, digits: string, onScreen: boolean): Promise<void> {
  if (onScreen) {
    await page.getByTestId('field-last4').locator('input').tap();
    const keypad = page.getByTestId('field-last4-keypad');
    await keypad.waitFor({ state: 'visible' });
    for (const digit of digits) await keypad.locator('.van-key', { hasText: new RegExp(`^${digit}$`) }).first().tap();
    await keypad.locator('.van-key--blue, .van-key--close').first().tap();
    await keypad.waitFor({ state: 'hidden' });
  } else {
    await page.getByTestId('field-last4').locator('input').fill(digits);
  }
}

describe('looking up a matter', () => {
  it('shows the own timeline with public labels and the due date, typed on the on-screen keyboards (portrait, zh and en)', async () => {
    const code = await submitMatter(server.baseUrl, '19900004001');
    const { context, page } = await kioskPage(browser, 'portrait');
    await page.goto(`${server.baseUrl}/kiosk/`);
    await page.getByTestId('choice-track').tap();
    await capture(page, 'kiosk-track-form-portrait-zh');
    await enterCode(page, code, true);
    expect(await page.getByTestId('field-tracking-code').locator('input').inputValue()).toBe(code);
    await enterLast4(page, '4001', true);
    await page.getByTestId('track-submit').tap();
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('timeline-status').textContent()).toBe('已收到');
    expect(await page.getByTestId('timeline-due').first().textContent()).toContain('转送交办');
    const text = (await page.getByTestId('timeline').textContent()) ?? '';
    for (const secret of ['演示访客', '19900004001', '11010519491231002X']) expect(text).not.toContain(secret);
    await capture(page, 'kiosk-track-timeline-portrait-zh');
    await switchLanguage(page);
    await page.getByTestId('timeline-status').getByText('Received', { exact: true }).waitFor();
    await capture(page, 'kiosk-track-timeline-portrait-en');
    await context.close();
  });

  it.each(['zh', 'en'] as const)('answers a wrong pair neutrally; after 10 wrong tries asks for the full mobile number, which opens the matter (phone, %s)', async (language) => {
    const mobile = language === 'zh' ? '19900004002' : '19900004003';
    const code = await submitMatter(server.baseUrl, mobile);
    const { context, page } = await kioskPage(browser, 'phone');
    await page.goto(`${server.baseUrl}/kiosk/track`);
    if (language === 'en') await switchLanguage(page);
    await enterCode(page, code, false);
    await enterLast4(page, '0000', false);
    await page.getByTestId('track-submit').tap();
    const neutral = language === 'zh' ? '查询码与手机号后4位不匹配' : 'do not match';
    await page.getByTestId('track-error').getByText(neutral).waitFor();
    await capture(page, `kiosk-track-wrong-phone-${language}`);
    for (let attempt = 2; attempt <= 11; attempt++) {
      await page.getByTestId('track-submit').tap();
      await page.getByTestId('track-error').waitFor();
    }
    await page.getByTestId('track-error').getByText(language === 'zh' ? '请再输入提交时填写的完整手机号码' : 'also enter the full mobile number').waitFor();
    await capture(page, `kiosk-track-full-mobile-phone-${language}`);
    // the owner is not locked out: the full number opens the matter at once
    await enterLast4(page, mobile.slice(-4), false);
    await page.getByTestId('field-full-mobile').locator('input').fill(mobile);
    await page.getByTestId('track-submit').tap();
    await page.getByTestId('timeline').waitFor();
    await context.close();
  });

  it('opens from the receipt QR code address on a phone with the code filled in', async () => {
    const code = await submitMatter(server.baseUrl, '19900004004');
    const { context, page } = await kioskPage(browser, 'phone');
    await page.goto(`${server.baseUrl}/kiosk/track?code=${code}`);
    expect(await page.getByTestId('field-tracking-code').locator('input').inputValue()).toBe(code);
    await enterLast4(page, '4004', false);
    await page.getByTestId('track-submit').tap();
    await page.getByTestId('timeline').waitFor();
    await capture(page, 'kiosk-track-timeline-phone-zh');
    await context.close();
  });
});

describe('rating and asking for a review', () => {
  it('rates 不满意 after the reply, then requests a review inside the 30-day window (portrait, zh)', async () => {
    const code = await submitMatter(server.baseUrl, '19900004010');
    await driveToReplied(server.baseUrl, code);
    const { context, page } = await kioskPage(browser, 'portrait');
    await page.goto(`${server.baseUrl}/kiosk/`);
    await page.getByTestId('choice-rate').tap();
    await enterCode(page, code, true);
    await enterLast4(page, '4010', true);
    await page.getByTestId('track-submit').tap();
    await page.getByTestId('rate-panel').waitFor();
    expect(await page.getByTestId('timeline-status').textContent()).toBe('已答复');
    expect(await page.getByTestId('timeline-unit').textContent()).toBe('区住房和建设局');
    expect(await page.getByTestId('timeline-notice').count()).toBe(2);
    await capture(page, 'kiosk-rate-panel-portrait-zh');
    await page.getByTestId('rate-dissatisfied').tap();
    await page.getByTestId('field-rate-comment').locator('textarea').fill('【演示】维修不及时');
    await page.getByTestId('rate-submit').tap();
    await page.getByTestId('rate-done').getByText('不满意').waitFor();
    await page.getByTestId('review-panel').waitFor();
    await capture(page, 'kiosk-review-panel-portrait-zh');
    await page.getByTestId('review-submit').tap();
    await page.getByText('此项为必填项').waitFor();
    await page.getByTestId('field-review-reason').locator('textarea').fill('【演示】路灯仍未修好，对处理意见不服。');
    await page.getByTestId('review-submit').tap();
    await page.getByTestId('review-sent').waitFor();
    expect(await page.getByTestId('timeline-status').textContent()).toBe('复查中');
    await capture(page, 'kiosk-review-sent-portrait-zh');
    await context.close();
  });

  it('rates 满意 on a phone in English, and offers nothing more', async () => {
    const code = await submitMatter(server.baseUrl, '19900004011');
    await driveToReplied(server.baseUrl, code);
    const { context, page } = await kioskPage(browser, 'phone');
    await page.goto(`${server.baseUrl}/kiosk/track?code=${code}`);
    await switchLanguage(page);
    await enterLast4(page, '4011', false);
    await page.getByTestId('track-submit').tap();
    await page.getByTestId('rate-panel').waitFor();
    await capture(page, 'kiosk-rate-panel-phone-en');
    await page.getByTestId('rate-satisfied').tap();
    await page.getByTestId('rate-submit').tap();
    await page.getByTestId('rate-done').getByText('Satisfied').waitFor();
    expect(await page.getByTestId('review-panel').count()).toBe(0);
    expect(await page.getByTestId('timeline-status').textContent()).toBe('Rated');
    await capture(page, 'kiosk-rate-done-phone-en');
    await context.close();
  });

  it('tells a visitor who wants to rate too early that there is no reply yet (landscape, en)', async () => {
    const code = await submitMatter(server.baseUrl, '19900004012');
    const { context, page } = await kioskPage(browser, 'landscape');
    await page.goto(`${server.baseUrl}/kiosk/track?intent=rate`);
    await switchLanguage(page);
    await enterCode(page, code, true);
    await enterLast4(page, '4012', true);
    await page.getByTestId('track-submit').tap();
    await page.getByTestId('rate-not-yet').waitFor();
    await capture(page, 'kiosk-rate-not-yet-landscape-en');
    await context.close();
  });
});
