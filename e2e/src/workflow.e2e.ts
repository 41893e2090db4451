import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, saveScreenshot, signInToConsole, startServer } from './harness.ts';

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

function signIn(username: string, password: string): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, username, password);
}

/** Waits until no dialog is open or closing and the toasts are gone, so a screenshot shows the screen itself. */
async function settled(page: Page) {
  await page.waitForFunction(() => [...document.querySelectorAll('.el-overlay')].every((overlay) => getComputedStyle(overlay).display === 'none'));
  await page.locator('.el-message').first().waitFor({ state: 'detached' });
}

async function act(page: Page, action: string, fill: (page: Page) => Promise<void> = async () => {}) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-submit').waitFor();
  await fill(page);
  await page.getByTestId('action-submit').click();
  await page.getByTestId(`action-${action}`).waitFor({ state: 'detached' });
}

/** Picks an option of an Element Plus select (its options are teleported to the page body). */
async function choose(page: Page, field: string, option: string) {
  await page.getByTestId(`field-${field}`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function statusOf(page: Page): Promise<string> {
  return (await page.getByTestId('petition-status').textContent()) ?? '';
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
  }, 120_000);

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
  }, 120_000);

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
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^受理告知书-福信受〔\d{4}〕\d{4}号\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('the handler handles it and asks for an extension; the head approves it', async () => {
    const handler = await signIn('handler', 'Demo-handler-2026');
    await handler.goto(petitionUrl);
    await act(handler, 'startHandling');
    expect(await statusOf(handler)).toContain('办理中');
    await act(handler, 'requestExtension', async (dialog) => {
      await dialog.getByTestId('field-reason').fill('需会同街道现场核查电梯维保记录');
    });
    await settled(handler);
    await saveScreenshot(handler, 'workflow-detail-extension-requested');
    const head = await signIn('depthead', 'Demo-depthead-2026');
    await head.goto(petitionUrl);
    const [notice] = await Promise.all([head.context().waitForEvent('page'), act(head, 'approveExtension')]);
    expect(await statusOf(head)).toContain('已延期');
    await notice.getByTestId('document-title').waitFor();
    expect(await notice.getByTestId('document-title').textContent()).toBe('延期告知书');
    await saveScreenshot(notice, 'workflow-notice-extension');
    await settled(head);
    await saveScreenshot(head, 'workflow-detail-extended');
  }, 120_000);

  it('the handler replies with the 信访事项处理意见书', async () => {
    const handler = await signIn('handler', 'Demo-handler-2026');
    await handler.goto(petitionUrl);
    const [notice] = await Promise.all([
      handler.context().waitForEvent('page'),
      act(handler, 'reply', async (dialog) => {
        await choose(dialog, 'outcome', '予以支持');
        await dialog.getByTestId('field-facts').fill('经现场核查，电梯维保单位未按期维保，已责令物业于十日内修复。');
        await dialog.getByTestId('field-legalBasis').fill('《中华人民共和国特种设备安全法》第三十九条');
      }),
    ]);
    expect(await statusOf(handler)).toContain('已答复');
    await notice.getByTestId('document-sheet').waitFor();
    expect(await notice.getByTestId('document-title').textContent()).toBe('信访事项处理意见书');
    await saveScreenshot(notice, 'workflow-notice-reply');
  }, 120_000);

  it('reception records the evaluation by phone and the request for review, which goes one level up to the district', async () => {
    const reception = await signIn('reception', 'Demo-reception-2026');
    await reception.goto(petitionUrl);
    await act(reception, 'recordEvaluation', async (dialog) => {
      await choose(dialog, 'rating', '不满意');
      await dialog.getByTestId('field-comment').fill('电话回访：对处理结果不满意');
    });
    expect(await statusOf(reception)).toContain('已评价');
    await act(reception, 'requestReview', async (dialog) => {
      await choose(dialog, 'reviewingUnitId', '福田区');
      await dialog.getByTestId('field-reason').fill('认为物业责任未落实，申请复查');
    });
    expect(await statusOf(reception)).toContain('复查申请中');
    await settled(reception);
    await saveScreenshot(reception, 'workflow-detail-review-requested');
  }, 120_000);

  it('the district reviewer answers the review; the recheck goes to the city, whose rechecker finds it in the appeals queue', async () => {
    const reviewer = await signIn('reviewer', 'Demo-reviewer-2026');
    await reviewer.goto(petitionUrl);
    await Promise.all([
      reviewer.context().waitForEvent('page'),
      act(reviewer, 'answerReview', async (dialog) => {
        await choose(dialog, 'outcome', '维持');
        await dialog.getByTestId('field-text').fill('经复查，原处理意见认定事实清楚，维持原处理意见。');
      }),
    ]);
    expect(await statusOf(reviewer)).toContain('已复查');
    await settled(reviewer);
    await saveScreenshot(reviewer, 'workflow-detail-reviewed');

    const reception = await signIn('reception', 'Demo-reception-2026');
    await reception.goto(petitionUrl);
    await act(reception, 'requestRecheck', async (dialog) => {
      await choose(dialog, 'recheckingUnitId', '深圳市');
      await dialog.getByTestId('field-reason').fill('不服复查意见，申请复核');
    });
    expect(await statusOf(reception)).toContain('复核申请中');

    const rechecker = await signIn('rechecker', 'Demo-rechecker-2026');
    await rechecker.goto(`${server.baseUrl}/console/queues/appeals`);
    await rechecker.getByTestId('queue-table').getByText('小区电梯长期故障').waitFor();
    await saveScreenshot(rechecker, 'workflow-queue-appeals-city');
    await rechecker.getByTestId('open-petition').first().click();
    const [notice] = await Promise.all([
      rechecker.context().waitForEvent('page'),
      act(rechecker, 'answerRecheck', async (dialog) => {
        await choose(dialog, 'outcome', '维持');
        await dialog.getByTestId('field-text').fill('经复核，维持复查意见。本复核意见为终结意见。');
      }),
    ]);
    expect(await statusOf(rechecker)).toContain('已复核');
    await notice.getByTestId('document-sheet').waitFor();
    expect(await notice.getByTestId('document-title').textContent()).toBe('信访事项复核意见书');
    expect(await notice.getByTestId('document-sheet').textContent()).toContain('深圳市信访局');
    await saveScreenshot(notice, 'workflow-notice-recheck');
  }, 120_000);

  it('reception closes the matter; the timeline shows every step and the full identity is shown only with a reason', async () => {
    const reception = await signIn('reception', 'Demo-reception-2026');
    await reception.goto(petitionUrl);
    await act(reception, 'close', async (dialog) => {
      await dialog.getByTestId('field-note').fill('复核终结，办结');
    });
    expect(await statusOf(reception)).toContain('已办结');
    expect(await reception.getByTestId('timeline').locator('strong').allTextContents()).toEqual([
      '登记', '完成访前甄别', '转送交办', '受理告知', '开始办理', '申请延期', '批准延期', '出具处理意见',
      '满意度评价', '申请复查', '出具复查意见', '申请复核', '出具复核意见', '办结',
    ]);
    await settled(reception);
    await saveScreenshot(reception, 'workflow-detail-closed');

    await reception.getByTestId('reveal-identity').click();
    await reception.getByTestId('reveal-reason').fill('电话回访核实身份');
    await reception.getByTestId('reveal-confirm').click();
    await reception.getByTestId('revealed-idNumber').waitFor();
    expect(await reception.getByTestId('revealed-idNumber').textContent()).toBe('11010519491231002X');
    expect(await reception.getByTestId('revealed-mobile').textContent()).toBe('19900001111');
    await saveScreenshot(reception, 'workflow-reveal');

    const statistician = await signIn('statistician', 'Demo-statistician-2026');
    await statistician.goto(petitionUrl);
    await statistician.getByTestId('petition-status').waitFor();
    expect(await statistician.getByTestId('reveal-identity').count()).toBe(0);
  }, 120_000);
});
