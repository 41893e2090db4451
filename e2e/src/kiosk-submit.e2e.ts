/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, saveScreenshot, startServer, type RunningServer } from './harness.ts';
import { capture, exampleIdNumber, kioskPage, signIn, switchLanguage, tinyPng, trpc, type ViewportName } from './kiosk-support.ts';

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

async function petitionTotal(): Promise<number> {
  const { cookie } = await signIn(server.baseUrl, 'reception', 'Demo-reception-2026');
  const { data } = await trpc<{ total: number }>(server.baseUrl, 'petitions.list', { limit: 1 }, { cookie, query: true });
  return data.total;
}

/** Staff open the submitted matter in the console: the photo shows as a thumbnail and enlarges on click. */
async function expectPhotoOnCaseDetail(trackingCode: string): Promise<void> {
  const { cookie } = await signIn(server.baseUrl, 'reception', 'Demo-reception-2026');
  const { data } = await trpc<{ items: { id: string; trackingCode: string }[] }>(server.baseUrl, 'petitions.list', { limit: 20 }, { cookie, query: true });
  const petition = data.items.find((item) => item.trackingCode === trackingCode);
  expect(petition, trackingCode).toBeDefined();
  const context = await newContext(browser, { viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/sign-in`);
  await page.getByTestId('username').fill('reception');
  await page.getByTestId('password').fill('Demo-reception-2026');
  await page.keyboard.press('Enter');
  await page.getByTestId('current-user').waitFor();
  await page.goto(`${server.baseUrl}/console/petitions/${petition!.id}`);
  const thumbnail = page.getByTestId('photo-thumbnail');
  await thumbnail.locator('img').waitFor();
  // the kiosk re-encodes photos as JPEG to fit the size limit; the 2×2 picture comes back whole
  expect(await thumbnail.locator('img').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
  expect(await thumbnail.locator('img').evaluate((image) => [(image as HTMLImageElement).naturalWidth, (image as HTMLImageElement).naturalHeight])).toEqual([2, 2]);
  expect(await page.getByTestId('photos').textContent()).toContain('照片 1');
  // a kiosk submission is not a registered visit: no reception block
  expect(await page.getByTestId('reception').count()).toBe(0);
  await saveScreenshot(page, 'case-detail-kiosk-photo-zh');
  await thumbnail.click();
  await page.locator('.el-image-viewer__wrapper').waitFor();
  await saveScreenshot(page, 'case-detail-kiosk-photo-preview-zh');
  await page.keyboard.press('Escape');
  await page.locator('.el-image-viewer__wrapper').waitFor({ state: 'detached' });
  await context.close();
}

/** Types digits on the kiosk's on-screen number pad, as a visitor without a keyboard would. */
async function typeOnKeypad(page: Page, testid: string, text: string): Promise<void> {
  await page.getByTestId(testid).locator('input').tap();
  const keypad = page.getByTestId(`${testid}-keypad`);
  await keypad.waitFor({ state: 'visible' });
  for (const character of text) await keypad.locator('.van-key', { hasText: new RegExp(`^${character}$`) }).first().tap();
  await keypad.locator('.van-key--blue, .van-key--close').first().tap();
  await keypad.waitFor({ state: 'hidden' });
}

/** Fills the first step; on the kiosk with the on-screen pads, on a phone with its own keyboard. */
async function fillWho(page: Page, viewport: ViewportName, mobile: string): Promise<void> {
  await page.getByTestId('field-name').locator('input').fill('演示访客');
  if (viewport === 'phone') {
    await page.getByTestId('field-id-number').locator('input').fill(exampleIdNumber);
    await page.getByTestId('field-mobile').locator('input').fill(mobile);
  } else {
    await typeOnKeypad(page, 'field-id-number', exampleIdNumber);
    await typeOnKeypad(page, 'field-mobile', mobile);
  }
}

async function fillMatter(page: Page): Promise<void> {
  await page.getByTestId('category-publicServices').tap();
  await page.getByTestId('street-440304001000').tap();
  await page.getByTestId('community-440304001001').tap();
  await page.getByTestId('field-about').locator('input').fill('【演示】市政路灯管理单位');
  await page.getByTestId('field-request').locator('textarea').fill('【演示】请尽快修复路灯');
  await page.getByTestId('field-content').locator('textarea').fill('【演示】小区门口的路灯坏了两个月，晚上出行很不安全。');
}

describe('the kiosk home', () => {
  it.each(['portrait', 'landscape', 'phone'] as const)('offers three large choices, the hall, the privacy notice and the switches (%s)', async (viewport) => {
    const { context, page } = await kioskPage(browser, viewport);
    await page.goto(`${server.baseUrl}/kiosk/`);
    await page.getByText('欢迎来到福田区人民来访接待厅').waitFor();
    for (const choice of ['choice-submit', 'choice-track', 'choice-rate']) {
      const box = await page.getByTestId(choice).boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(48);
    }
    expect(await page.getByTestId('privacy-notice').textContent()).toContain('依法严格保密');
    const fontSize = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(20);
    await capture(page, `kiosk-home-${viewport}-zh`);
    await switchLanguage(page);
    await page.getByText('Welcome to Futian District Reception Hall').waitFor();
    await capture(page, `kiosk-home-${viewport}-en`);
    await page.getByTestId('contrast-switch').tap();
    expect(await page.evaluate(() => document.documentElement.classList.contains('kiosk-contrast'))).toBe(true);
    await capture(page, `kiosk-home-${viewport}-en-contrast`);
    await context.close();
  });
});

describe('text at 200%', () => {
  it('reflows every screen without sideways scrolling when a phone is zoomed to 200% (195 CSS px wide)', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 195, height: 422 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(`${server.baseUrl}/kiosk/`);
    await page.getByTestId('choice-submit').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByTestId('choice-submit').tap();
    await page.getByTestId('next').tap();
    await page.getByText('此项为必填项').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'kiosk-submit-zoom200-phone-zh');
    await page.goto(`${server.baseUrl}/kiosk/track?code=ABCD-EFGH-JK`);
    await page.getByTestId('track-submit').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('submitting a matter', () => {
  it('goes through the steps with the on-screen pads, photo, review and consent, and prints a receipt with a QR code (portrait, zh)', async () => {
    const before = await petitionTotal();
    const { context, page } = await kioskPage(browser, 'portrait');
    await page.goto(`${server.baseUrl}/kiosk/`);
    await page.getByTestId('choice-submit').tap();
    await page.getByTestId('next').tap();
    await page.getByText('此项为必填项').first().waitFor();
    await capture(page, 'kiosk-submit-who-errors-portrait-zh');
    await fillWho(page, 'portrait', '19900003001');
    await page.getByTestId('collective-yes').tap();
    await typeOnKeypad(page, 'field-headcount', '12');
    await page.getByTestId('representative-add').tap();
    await page.getByTestId('field-representative-0-name').locator('input').fill('代表甲');
    await capture(page, 'kiosk-submit-who-portrait-zh');
    await page.getByTestId('next').tap();
    await fillMatter(page);
    await page.getByTestId('photo-input').setInputFiles({ name: 'notice.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByAltText('第1张材料照片').waitFor();
    await capture(page, 'kiosk-submit-matter-portrait-zh');
    await page.getByTestId('next').tap();
    const review = await page.getByTestId('review').textContent();
    expect(review).toContain('110105');
    expect(review).toContain('南园街道');
    expect(review).toContain('代表甲');
    await page.getByTestId('submit').tap();
    await page.getByText('请阅读并同意个人信息保护告知').waitFor();
    await capture(page, 'kiosk-submit-review-portrait-zh');
    await page.getByTestId('consent').tap();
    await page.getByTestId('submit').tap();
    await page.getByTestId('tracking-code').waitFor();
    expect(await page.getByTestId('tracking-code').textContent()).toMatch(/^[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{2}$/);
    await page.getByTestId('receipt-qr').waitFor();
    expect(await page.getByTestId('receipt-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await capture(page, 'kiosk-receipt-portrait-zh');
    expect(await petitionTotal()).toBe(before + 1);
    await expectPhotoOnCaseDetail((await page.getByTestId('tracking-code').textContent()) ?? '');
    // the print layouts, as the printer would get them
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    for (const layout of ['thermal', 'a4'] as const) {
      await page.getByTestId(`print-${layout}`).tap();
      await page.waitForFunction((name) => document.documentElement.classList.contains(`print-${name}`), layout);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('receipt-done').isVisible()).toBe(false);
      await page.screenshot({ path: `screenshots/kiosk-receipt-print-${layout}-zh.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.waitForFunction((name) => !document.documentElement.classList.contains(`print-${name}`), layout);
    }
    await page.getByTestId('receipt-done').tap();
    await page.getByTestId('choice-submit').waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => !key.startsWith('vue-router')))).toEqual([]);
    await context.close();
  });

  it.each([
    ['landscape', 'en'],
    ['phone', 'zh'],
    ['phone', 'en'],
  ] as const)('submits as an organisation with a credit-code warning (%s, %s)', async (viewport, language) => {
    const { context, page } = await kioskPage(browser, viewport);
    await page.goto(`${server.baseUrl}/kiosk/submit`);
    if (language === 'en') await switchLanguage(page);
    await page.getByTestId('kind-organisation').tap();
    await page.getByTestId('field-organisation-name').locator('input').fill('演示物业服务中心');
    await page.getByTestId('field-credit-code').locator('input').fill('91350100M000100Y42');
    await page.getByTestId('field-credit-code').locator('input').blur();
    await page.getByTestId('credit-code-warning').waitFor();
    await fillWho(page, viewport, '19900003002');
    await capture(page, `kiosk-submit-organisation-${viewport}-${language}`);
    await page.getByTestId('next').tap();
    await fillMatter(page);
    await capture(page, `kiosk-submit-matter-${viewport}-${language}`);
    await page.getByTestId('next').tap();
    await page.getByTestId('consent').tap();
    await capture(page, `kiosk-submit-review-${viewport}-${language}`);
    await page.getByTestId('submit').tap();
    await page.getByTestId('receipt-qr').waitFor();
    await capture(page, `kiosk-receipt-${viewport}-${language}`);
    await context.close();
  });

  it('creates one petition for a double tap, and a replayed request returns the same receipt', async () => {
    const before = await petitionTotal();
    const { context, page } = await kioskPage(browser, 'portrait');
    await page.goto(`${server.baseUrl}/kiosk/submit`);
    await fillWho(page, 'portrait', '19900003003');
    await page.getByTestId('next').tap();
    await fillMatter(page);
    await page.getByTestId('next').tap();
    await page.getByTestId('consent').tap();
    const requests: { url: string; body: string }[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/trpc/kiosk.submit')) requests.push({ url: request.url(), body: request.postData() ?? '' });
    });
    // two taps in the same instant, before the screen can react to the first
    await page.getByTestId('submit').evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    await page.getByTestId('tracking-code').waitFor();
    const code = await page.getByTestId('tracking-code').textContent();
    expect(requests).toHaveLength(1);
    // the same request again (a retry after a lost answer): the same receipt, no second petition
    const replay = await fetch(requests[0]!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requests[0]!.body });
    const replayed = (await replay.json()) as { result: { data: { trackingCode: string } } }[];
    expect(replayed[0]?.result.data.trackingCode).toBe(code);
    expect(await petitionTotal()).toBe(before + 1);
    await context.close();
  });

  it('explains a field the server rejects next to the field, on its step, and stores nothing', async () => {
    const before = await petitionTotal();
    const { context, page } = await kioskPage(browser, 'portrait');
    await page.goto(`${server.baseUrl}/kiosk/submit`);
    await fillWho(page, 'portrait', '19900003005');
    await page.getByTestId('next').tap();
    await fillMatter(page);
    await page.getByTestId('next').tap();
    await page.getByTestId('consent').tap();
    // what reaches the server has a wrong check digit (as from an outdated kiosk build): the server is the judge
    await page.route('**/trpc/kiosk.submit**', async (route) => {
      const body = route.request().postData() ?? '';
      await route.continue({ postData: body.replace('11010519491231002X', '110105194912310021') });
    });
    await page.getByTestId('submit').tap();
    await page.getByTestId('field-id-number').getByText('身份证号码校验位不正确，请核对').waitFor();
    expect(await page.getByTestId('form-error').textContent()).toContain('输入内容不正确');
    await capture(page, 'kiosk-submit-server-rejected-portrait-zh');
    expect(await petitionTotal()).toBe(before);
    await context.close();
  });

  it('keeps the draft when the network drops, says it will retry, and submits once the network is back', async () => {
    const before = await petitionTotal();
    const { context, page } = await kioskPage(browser, 'portrait');
    await page.goto(`${server.baseUrl}/kiosk/submit`);
    await fillWho(page, 'portrait', '19900003004');
    await page.getByTestId('next').tap();
    await fillMatter(page);
    await page.getByTestId('next').tap();
    await page.getByTestId('consent').tap();
    await context.setOffline(true);
    await page.getByTestId('submit').tap();
    await page.getByTestId('network-retry').waitFor();
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('xinfang.kiosk.draft') ?? '{}') as { mobile?: string; content?: string });
    expect(stored).toMatchObject({ mobile: '19900003004' });
    await capture(page, 'kiosk-submit-network-retry-portrait-zh');
    await switchLanguage(page);
    await page.getByText('The network is down for now').waitFor();
    await capture(page, 'kiosk-submit-network-retry-portrait-en');
    await context.setOffline(false);
    await page.getByTestId('tracking-code').waitFor({ timeout: 30_000 });
    expect(await petitionTotal()).toBe(before + 1);
    await context.close();
  });
});
