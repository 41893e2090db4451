import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchBrowser, type RunningServer, saveScreenshot, screenshotDir, signInToConsole, startServer } from './harness.ts';
import { exampleIdNumber, signIn as signInByApi, trpc } from './kiosk-support.ts';

let server: RunningServer;
let browser: Browser;
let petitionUrl = '';
const mobile = '19900006202';
const reviewReason = '处理意见说已责令物业修复，但电梯钢丝绳至今没有更换，问题没有解决，申请复查。';
const ratingComment = '答复没有落实，电梯还是晃';

interface Outcome {
  version: number;
}

/** A matter from the kiosk to a reply, each step by its role through the API; then the visitor rates it and asks for a review. */
async function replyThenReviewRequest(): Promise<string> {
  const base = server.baseUrl;
  const { data: receipt } = await trpc<{ trackingCode: string }>(base, 'kiosk.submit', {
    name: '欧阳晓峰',
    idNumber: exampleIdNumber,
    mobile,
    address: '深圳市福田区翠园小区3栋',
    category: 'housing',
    about: '翠园物业服务中心',
    request: '请督促物业尽快更换电梯钢丝绳',
    content: '【演示】小区3栋电梯钢丝绳磨损严重，上下晃动，物业一直拖着不换。',
    idempotencyKey: crypto.randomUUID(),
    consent: true,
  });
  const reception = await signInByApi(base, 'reception', 'Demo-reception-2026');
  const lawyer = await signInByApi(base, 'lawyer', 'Demo-lawyer-2026');
  const handler = await signInByApi(base, 'handler', 'Demo-handler-2026');
  const found = await trpc<{ items: { id: string }[] }>(base, 'search.petitions', { text: receipt.trackingCode }, { cookie: reception.cookie, query: true });
  const id = found.data.items[0]!.id;
  let version = (await trpc<{ version: number }>(base, 'petitions.get', { id }, { cookie: reception.cookie, query: true })).data.version;
  const act = async (cookie: string, step: string, input: Record<string, unknown>) => {
    version = (await trpc<Outcome>(base, `petitions.${step}`, { petitionId: id, expectedVersion: version, ...input }, { cookie })).data.version;
  };
  const units = (await trpc<{ id: string; code: string }[]>(base, 'units.tree', undefined, { cookie: reception.cookie, query: true })).data;
  await act(lawyer.cookie, 'triage', { petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '按信访程序办理' });
  await act(reception.cookie, 'route', { unitId: units.find((unit) => unit.code === '440304D01')!.id, mode: 'transfer' });
  await act(handler.cookie, 'acknowledgeReceipt', { noticeText: '已受理', noticeGivenAt: new Date().toISOString() });
  await act(handler.cookie, 'startHandling', { handlerStaffId: handler.staffId });
  await act(handler.cookie, 'reply', { outcome: 'support', facts: '经核查，已责令物业十日内更换电梯钢丝绳。', legalBasis: '《特种设备安全法》第三十九条', deliveredAt: new Date().toISOString() });
  // the visitor, on the tracking page: a rating with a comment, then a review request with their reason
  const lookup = { trackingCode: receipt.trackingCode, mobileLast4: mobile.slice(-4) };
  await trpc(base, 'tracking.rate', { ...lookup, rating: 'dissatisfied', comment: ratingComment });
  await trpc(base, 'tracking.requestReview', { ...lookup, reason: reviewReason });
  return id;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  petitionUrl = `${server.baseUrl}/console/petitions/${await replyThenReviewRequest()}`;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signIn(username: string, password: string, language: 'zh' | 'en' = 'zh'): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, username, password, { language, viewport: { width: 1920, height: 1080 } });
}

describe('a review answered with the visitor’s reason on screen', () => {
  it('shows the reviewer what the visitor wrote: whom, what they want, the category, the address on request, the rating and the reason', async () => {
    const reviewer = await signIn('reviewer', 'Demo-reviewer-2026');
    await reviewer.goto(petitionUrl);
    const statement = reviewer.getByTestId('visitor-statement');
    await statement.waitFor();
    expect(await reviewer.getByTestId('statement-respondent').textContent()).toBe('翠园物业服务中心');
    expect(await reviewer.getByTestId('statement-request').textContent()).toBe('请督促物业尽快更换电梯钢丝绳');
    expect(await reviewer.getByTestId('statement-address').textContent()).toBe('已登记，可申请查看');
    expect(await reviewer.getByTestId('kiosk-category').textContent()).toContain('住房、物业、小区');
    expect(await reviewer.getByTestId('statement-rating').textContent()).toBe('不满意');
    expect(await reviewer.getByTestId('statement-rating-comment').textContent()).toBe(ratingComment);
    expect(await reviewer.getByTestId('statement-appeals').textContent()).toContain(reviewReason);
    await saveScreenshot(reviewer, 'review-reason-detail-zh');
    await statement.screenshot({ path: join(screenshotDir, 'review-reason-statement-zh.png') });

    // the answer's dialog repeats the reason, marks what it needs, and says what is wrong where, until it is fixed
    await reviewer.getByTestId('action-answerReview').click();
    const dialog = reviewer.getByTestId('action-dialog');
    await dialog.getByTestId('dialog-appeal-reasons').waitFor();
    expect(await dialog.getByTestId('dialog-appeal-reasons').textContent()).toContain(reviewReason);
    expect(await dialog.locator('.el-form-item.is-required').count()).toBe(2);
    await reviewer.getByTestId('action-submit').click();
    await dialog.getByTestId('action-error').waitFor();
    const error = await dialog.getByTestId('action-error').textContent();
    expect(error).toContain('请检查标出的项目：结果、意见');
    expect(error).not.toContain('刷新');
    expect(await dialog.locator('.el-form-item.is-error').count()).toBe(2);
    await expect.poll(() => dialog.locator('.el-form-item__error').allTextContents()).toEqual(['此项为必填项', '此项为必填项']);
    await saveScreenshot(reviewer, 'review-reason-dialog-error-zh');
    await reviewer.locator('.el-dialog').screenshot({ path: join(screenshotDir, 'review-reason-dialog-error-zh-dialog.png') });
    // the message stays (no toast that fades) until the person acts
    await reviewer.waitForTimeout(3500);
    expect(await dialog.getByTestId('action-error').isVisible()).toBe(true);
    await dialog.getByTestId('field-outcome').click();
    await reviewer.getByRole('option', { name: '维持', exact: true }).click();
    await dialog.getByTestId('field-text').fill('经复查，物业已于本周更换钢丝绳，维持原处理意见并督促落实。');
    await dialog.getByTestId('action-error').waitFor({ state: 'detached' });
    const [notice] = await Promise.all([reviewer.context().waitForEvent('page'), reviewer.getByTestId('action-submit').click()]);
    await notice.close();
    await reviewer.getByTestId('action-answerReview').waitFor({ state: 'detached' });
    expect(await reviewer.getByTestId('petition-status').textContent()).toContain('已复查');
    expect(await reviewer.getByTestId('statement-appeals').textContent()).toContain(reviewReason);
  }, 180_000);

  it('reads in English too', async () => {
    const page = await signIn('reception', 'Demo-reception-2026', 'en');
    await page.goto(petitionUrl);
    await page.getByTestId('visitor-statement').waitFor();
    expect(await page.getByTestId('visitor-statement').textContent()).toContain('What the visitor said');
    expect(await page.getByTestId('statement-address').textContent()).toBe('Recorded; may be viewed on request');
    await saveScreenshot(page, 'review-reason-detail-en');
    await page.getByTestId('visitor-statement').screenshot({ path: join(screenshotDir, 'review-reason-statement-en.png') });
    // the address itself only through the audited reveal, with a reason
    await page.getByTestId('reveal-address').click();
    await page.getByTestId('reveal-reason').fill('Checking the address for a site visit');
    await page.getByTestId('reveal-confirm').click();
    expect(await page.getByTestId('revealed-address').textContent()).toBe('深圳市福田区翠园小区3栋');
  }, 120_000);
});
