import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, saveScreenshot, signInToConsole, startServer } from './harness.ts';

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

async function choose(page: Page, field: string, option: string) {
  await page.getByTestId(`field-${field}`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function statusOf(page: Page): Promise<string> {
  return (await page.getByTestId('petition-status').textContent()) ?? '';
}

async function registerVisit(page: Page, persons: readonly { name: string; mobile?: string; representative?: boolean }[], summary: string, headcount: number) {
  await page.getByTestId('nav-register').click();
  await page.getByTestId('register-hall').click();
  await page.getByRole('option', { name: '福田区', exact: true }).click();
  for (const [index, person] of persons.entries()) {
    if (index > 0) await page.getByTestId('add-person').click();
    await page.getByTestId(`person-name-${index}`).fill(person.name);
    if (person.mobile) await page.getByTestId(`person-mobile-${index}`).fill(person.mobile);
    if (person.representative) await page.locator('.register__person').nth(index).locator('.el-checkbox').click();
  }
  await page.getByTestId('register-headcount').locator('input').fill(String(headcount));
  await page.getByTestId('register-headcount').locator('input').press('Tab');
  await page.getByTestId('register-summary').fill(summary);
  await page.getByTestId('register-content').fill(`【测试数据】${summary}`);
}

describe('a collective visit and a matter diverted to litigation, in the console', () => {
  it('reception registers a collective visit: headcount, at most five representatives', async () => {
    const page = await signIn('reception', 'Demo-reception-2026');
    const persons = ['甲', '乙', '丙', '丁', '戊', '己'].map((mark, index) => ({ name: `测试业主${mark}`, mobile: `1990000200${index}`, representative: index < 5 }));
    await registerVisit(page, persons, '小区业主集体反映开发商逾期交房', 30);
    // a sixth representative cannot be ticked
    await expect(page.locator('.register__person').nth(5).locator('.el-checkbox').getAttribute('class')).resolves.toContain('is-disabled');
    // joint reception (1+1+1+N): the hall's lawyer and counsellor, and a housing-bureau handler
    await page.getByTestId('register-staff-present').click();
    await page.getByRole('option', { name: '值班律师（演示）（律师）' }).click();
    await page.getByRole('option', { name: '心理咨询师（演示）（心理咨询师）' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('register-staff-department').click();
    await page.getByRole('option', { name: '区住房和建设局', exact: true }).click();
    await page.getByTestId('register-staff-present').click();
    await page.getByRole('option', { name: '住建局承办人（演示）（部门承办人）' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('register-staff-present').locator('.el-tag').count()).resolves.toBe(3);
    await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((popper) => getComputedStyle(popper).display === 'none'));
    await saveScreenshot(page, 'workflow-collective-register');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('available-actions').waitFor();
    await expect(page.getByText('集体访 30 人').textContent()).resolves.toBe('集体访 30 人');
    const representatives = await page.locator('.el-table__row').filter({ hasText: '测试业主' }).allTextContents();
    expect(representatives).toHaveLength(6);
    expect(representatives.filter((row) => row.includes('✓'))).toHaveLength(5);
    // who received them jointly, on the visit: the registering officer first, then the staff picked
    const reception = page.getByTestId('reception');
    expect(await reception.getByTestId('reception-collective').textContent()).toBe('是');
    await reception.getByText('30 人', { exact: true }).waitFor();
    const staffRows = await page.getByTestId('reception-staff').locator('.el-table__row').allInnerTexts();
    expect(staffRows.map((row) => row.split(/\s+/).filter(Boolean))).toEqual([
      ['接访员（演示）', '福田区', '接访人员'],
      ['值班律师（演示）', '福田区', '律师'],
      ['心理咨询师（演示）', '福田区', '心理咨询师'],
      ['住建局承办人（演示）', '区住房和建设局', '部门承办人'],
    ]);
    // registered at the hall, not at the kiosk: no photos
    await page.getByTestId('photos-empty').getByText('未附照片').waitFor();
    await settled(page);
    await saveScreenshot(page, 'workflow-collective-detail');
    await page.goto(`${server.baseUrl}/console/queues/pendingTriage`);
    await page.getByTestId('queue-table').getByText('小区业主集体反映开发商逾期交房').waitFor();
    await saveScreenshot(page, 'workflow-collective-queue');
  }, 120_000);

  it('the lawyer finds a claim for litigation, diverts it with the notice, records the outcome, and reception closes it', async () => {
    const reception = await signIn('reception', 'Demo-reception-2026');
    await registerVisit(reception, [{ name: '测试租户', mobile: '19900003001' }], '房东拒不退还押金', 1);
    await reception.getByTestId('register-submit').click();
    await reception.getByTestId('available-actions').waitFor();
    const petitionUrl = reception.url();

    const lawyer = await signIn('lawyer', 'Demo-lawyer-2026');
    await lawyer.goto(petitionUrl);
    const [guidance] = await Promise.all([
      lawyer.context().waitForEvent('page'),
      act(lawyer, 'triage', async (dialog) => {
        await choose(dialog, 'petitionClass', '申诉求决类');
        await choose(dialog, 'claimRoute', '诉讼等法定程序');
        await dialog.getByTestId('field-canHandle').click();
        await dialog.getByTestId('field-guidance').fill('属于租赁合同纠纷，可向福田区人民法院起诉，或申请人民调解。');
        await dialog.getByTestId('field-legalBasis').fill('《信访工作条例》第三十一条；《民事诉讼法》第一百二十二条');
      }),
    ]);
    await guidance.getByTestId('document-title').waitFor();
    expect(await guidance.getByTestId('document-title').textContent()).toBe('法律指引告知书');
    await saveScreenshot(guidance, 'workflow-litigation-guidance');
    expect(await statusOf(lawyer)).toContain('已甄别');
    // a claim for litigation does not enter the petition procedure: no routing
    expect(await lawyer.getByTestId('action-route').count()).toBe(0);

    const [notice] = await Promise.all([
      lawyer.context().waitForEvent('page'),
      act(lawyer, 'divert', async (dialog) => {
        await dialog.getByTestId('field-noticeText').fill('已当面告知向福田区人民法院起诉，并提供诉讼材料清单。');
      }),
    ]);
    expect(await statusOf(lawyer)).toContain('已分流');
    await notice.getByTestId('document-title').waitFor();
    expect(await notice.getByTestId('document-title').textContent()).toBe('法定途径告知书');
    // recording the outcome leaves the status as it is (it can be corrected), so wait for the timeline instead
    await lawyer.getByTestId('action-recordDiversionOutcome').click();
    await choose(lawyer, 'outcome', '接受分流');
    await lawyer.getByTestId('action-submit').click();
    await lawyer.getByTestId('timeline').getByText('登记分流结果').waitFor();
    await settled(lawyer);
    await saveScreenshot(lawyer, 'workflow-litigation-diverted');

    await reception.goto(petitionUrl);
    await act(reception, 'close', async (dialog) => {
      await dialog.getByTestId('field-note').fill('已导入诉讼程序');
    });
    expect(await statusOf(reception)).toContain('已办结');
    expect(await reception.getByTestId('timeline').locator('strong').allTextContents()).toEqual(['登记', '完成访前甄别', '疏导至法定途径', '登记分流结果', '办结']);
    await settled(reception);
    await saveScreenshot(reception, 'workflow-litigation-closed');
  }, 120_000);
});
