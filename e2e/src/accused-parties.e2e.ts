import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, saveScreenshot, signInToConsole, startServer } from './harness.ts';

// Accusations (检举控告类) name whom they accuse at registration: a unit from the unit tree (with every unit below it) and
// staff members from the directory. The accused never see the matter; an accusation against the receiving hall's own
// unit goes up a level at once and the officer is told so.

let server: RunningServer;
let browser: Browser;
let petitionUrl = '';
let trackingCode = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signIn(username: string, password: string): Promise<Page> {
  // a shared 2-core machine: sign-in (password hashing) and the first load can take a while
  return signInToConsole(browser, server.baseUrl, username, password, { defaultTimeout: 60_000 });
}

/** Picks an option of an Element Plus select or tree select (options are teleported to the body; closed ones are hidden). */
async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Closes an open multiple select's dropdown, which stays open after a pick (from inside the unit tree: Escape twice). */
async function closeDropdown(page: Page) {
  const allClosed = () => page.evaluate(() => [...document.querySelectorAll('.el-select__popper')].every((popper) => getComputedStyle(popper).display === 'none'));
  for (let attempt = 0; attempt < 3 && !(await allClosed()); attempt += 1) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((popper) => getComputedStyle(popper).display === 'none'));
}

/** The desk form up to the class: one petitioner, the district hall, summary and matter. */
async function fillMatter(page: Page, summary: string) {
  await page.getByTestId('nav-register').click();
  await page.getByTestId('person-name-0').fill('测试检举人');
  await page.getByTestId('person-mobile-0').fill('19900002222');
  await page.getByTestId('register-hall').click();
  await page.getByRole('option', { name: '福田区', exact: true }).first().click();
  await page.getByTestId('register-summary').fill(summary);
  await page.getByTestId('register-content').fill(`【测试数据】${summary}，请予查处。`);
}

async function toggleLanguage(page: Page, to: 'English' | '中文') {
  await page.getByRole('button', { name: to === 'English' ? 'English' : '中文', exact: true }).click();
}

describe('accusations name the accused, who never see them', () => {
  it('reception registers an accusation against the housing bureau and two staff members, keyboard first', async () => {
    const page = await signIn('reception', 'Demo-reception-2026');
    await fillMatter(page, '检举住建局违规审批');
    await choose(page, 'register-class', '检举控告类');
    await page.getByTestId('accused-parties').waitFor();

    // an accusation naming no one is refused before it is sent, with the required marker's message
    await page.getByTestId('register-submit').click();
    await expect(page.locator('.el-form-item.is-error .el-form-item__error').first().textContent()).resolves.toContain('须至少选择一个被检举控告的单位或人员');

    // the accused unit, by keyboard: type to filter the unit tree, arrow down to the unit, Enter
    await page.getByTestId('accused-units').click();
    await page.keyboard.type('住房');
    await page.getByRole('treeitem', { name: '区住房和建设局' }).waitFor();
    for (let step = 0; step < 6; step += 1) {
      await page.keyboard.press('ArrowDown');
      if (await page.evaluate(() => document.activeElement?.textContent?.trim() === '区住房和建设局')) break;
    }
    await page.keyboard.press('Enter');
    await closeDropdown(page);
    await expect(page.getByTestId('accused-units').textContent()).resolves.toContain('区住房和建设局');

    // accused staff members: their unit first, then the person; people of several units stay chosen
    await choose(page, 'accused-staff-unit', '区人力资源局');
    await choose(page, 'accused-staff', /^区人力资源局承办人（演示）/);
    await closeDropdown(page);
    await choose(page, 'accused-staff-unit', '福田区');
    await choose(page, 'accused-staff', /^信访局领导（演示）/);
    await closeDropdown(page);
    const chosen = (await page.getByTestId('accused-staff-chosen').textContent()) ?? '';
    expect(chosen).toContain('区人力资源局承办人（演示）（部门承办人） · 区人力资源局');
    expect(chosen).toContain('信访局领导（演示）（信访局领导） · 福田区');
    await page.waitForFunction(() => document.querySelectorAll('.el-form-item.is-error').length === 0);
    await saveScreenshot(page, 'accused-register-zh');

    await toggleLanguage(page, 'English');
    await page.getByText('Accused units', { exact: true }).waitFor();
    await expect(page.getByTestId('accused-staff-chosen').textContent()).resolves.toContain('· Human Resources and Social Security Bureau');
    await saveScreenshot(page, 'accused-register-en');
    await toggleLanguage(page, '中文');

    await page.getByTestId('register-submit').click();
    // the case detail opens; a refusal would show as an error message instead
    await page.getByTestId('available-actions').or(page.locator('.el-message--error')).first().waitFor();
    expect(await page.locator('.el-message--error').allTextContents()).toEqual([]);
    petitionUrl = page.url();
    trackingCode = ((await page.locator('.detail__title code').textContent()) ?? '').trim();
    expect(trackingCode).not.toBe('');
    expect(await page.locator('.el-descriptions').first().textContent()).toContain('检举控告类');
  }, 120_000);

  it('the lawyer triages it with the accused parties filled in from registration', async () => {
    expect(petitionUrl, 'registered by the first test').not.toBe('');
    const page = await signIn('lawyer', 'Demo-lawyer-2026');
    await page.goto(petitionUrl);
    const dialog = page.getByTestId('action-dialog');
    const openTriage = async () => {
      await page.getByTestId('action-triage').click();
      await dialog.getByTestId('accused-parties').waitFor();
    };

    // in English first (the language switch is outside the dialog): the class and whom it accuses come from registration
    await toggleLanguage(page, 'English');
    await openTriage();
    await expect(dialog.getByTestId('field-petitionClass').textContent()).resolves.toContain('Accusation');
    await expect(dialog.getByTestId('accused-units').textContent()).resolves.toContain('Housing and Construction Bureau');
    // the staff member is named once the directory has been looked through
    await dialog.getByTestId('accused-staff-chosen').getByText('Human Resources and Social Security Bureau', { exact: false }).waitFor();
    await saveScreenshot(page, 'accused-triage-en');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await toggleLanguage(page, '中文');

    await openTriage();
    await expect(dialog.getByTestId('field-petitionClass').textContent()).resolves.toContain('检举控告类');
    await expect(dialog.getByTestId('accused-units').textContent()).resolves.toContain('区住房和建设局');
    await dialog.getByTestId('accused-staff-chosen').getByText('区人力资源局承办人（演示）', { exact: false }).waitFor();
    await dialog.getByTestId('field-guidance').fill('属检举控告，按规定转送有权处理的机关');
    await saveScreenshot(page, 'accused-triage-zh');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-triage').waitFor({ state: 'detached' });
    expect(await page.getByTestId('petition-status').textContent()).toContain('已甄别');
  }, 120_000);

  it('reception cannot route it to the accused bureau', async () => {
    expect(petitionUrl, 'registered by the first test').not.toBe('');
    const page = await signIn('reception', 'Demo-reception-2026');
    await page.goto(petitionUrl);
    await page.getByTestId('action-route').click();
    await page.getByTestId('field-unitId').click();
    await page.getByRole('option', { name: '区卫生健康局', exact: true }).waitFor();
    expect(await page.getByRole('option', { name: '区住房和建设局', exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
  }, 120_000);

  /** Signs in and looks for the matter in every queue the account has (by its tracking code), then opens its address. */
  async function searchAndOpen(username: string, password: string): Promise<{ page: Page; refusal: string }> {
    const page = await signIn(username, password);
    await page.getByTestId('nav-queues').click();
    await page.getByTestId('queue-tabs').waitFor();
    const queues = (await page.locator('[data-testid^="queue-tab-"]').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('data-testid') ?? ''))).map((id) => id.replace('queue-tab-', ''));
    expect(queues).toContain('all');
    for (const queue of queues) {
      await page.goto(`${server.baseUrl}/console/queues/${queue}?q=${trackingCode}`);
      await expect.poll(() => page.getByTestId('queue-total').textContent(), { timeout: 15_000 }).toMatch(/共 \d+ 件/);
      expect(await page.getByTestId('queue-total').textContent(), `${username}: ${queue}`).toContain('共 0 件');
    }
    await page.goto(petitionUrl);
    const alert = page.locator('.detail .el-alert--error');
    await alert.or(page.getByTestId('available-actions')).first().waitFor();
    expect(await page.getByTestId('available-actions').count(), `${username} must not see the matter`).toBe(0);
    return { page, refusal: (await alert.textContent()) ?? '' };
  }

  it('the accused housing bureau finds it in no queue and is refused at its address', async () => {
    expect(trackingCode, 'registered by the first test').not.toBe('');
    // not routed there (it cannot be): refused as outside the bureau's jurisdiction, which says nothing of an accusation
    const { page, refusal } = await searchAndOpen('handler', 'Demo-handler-2026');
    expect(refusal).toMatch(/该事项不在您所在单位的管辖范围内|检举控告事项不向被检举控告的单位和人员公开/);
    await saveScreenshot(page, 'accused-handler-refused-zh');
  }, 180_000);

  it('the accused bureau leader, whose jurisdiction covers the hall, finds it in no queue and is refused by the firewall', async () => {
    expect(trackingCode, 'registered by the first test').not.toBe('');
    const { page, refusal } = await searchAndOpen('leader', 'Demo-leader-2026');
    expect(refusal).toContain('检举控告事项不向被检举控告的单位和人员公开');
    await saveScreenshot(page, 'accused-staff-refused-zh');

    // the search does find it for whoever may see it
    const reception = await signIn('reception', 'Demo-reception-2026');
    await reception.goto(`${server.baseUrl}/console/queues/all?q=${trackingCode}`);
    await expect.poll(() => reception.getByTestId('queue-total').textContent(), { timeout: 15_000 }).toContain('共 1 件');
  }, 180_000);

  for (const language of ['zh', 'en'] as const) {
    it(`an accusation naming 福田区 itself goes up to the city and the officer is told so (${language})`, async () => {
      const page = await signIn('reception', 'Demo-reception-2026');
      const summary = `检举福田区信访局不作为（${language}）`;
      await fillMatter(page, summary);
      if (language === 'en') await toggleLanguage(page, 'English');
      await page.getByTestId('register-class').click();
      await page.getByRole('option', { name: language === 'en' ? 'Accusation' : '检举控告类', exact: true }).click();
      await choose(page, 'accused-units', language === 'en' ? 'Futian District' : '福田区');
      await closeDropdown(page);
      await page.getByTestId('register-submit').click();
      const box = page.locator('.register-escalated');
      await box.waitFor();
      // the box fades in: shoot it once no transition is running
      await page.waitForFunction(() => document.querySelector('[class*="-enter-active"]') === null);
      const text = (await box.textContent()) ?? '';
      expect(text).toContain(language === 'en' ? 'Shenzhen Municipality' : '深圳市');
      expect(text).toMatch(language === 'en' ? /tracking code [\w-]+/ : /查询码 [\w-]+/);
      await saveScreenshot(page, `accused-escalated-${language}`);
      await box.getByRole('button').filter({ hasText: language === 'en' ? 'OK' : '知道了' }).click();
      await box.waitFor({ state: 'detached' });
      // the officer stays on a fresh form: the matter is not theirs to open
      expect(page.url()).toContain('/console/register');
      expect(await page.getByTestId('register-summary').inputValue()).toBe('');
      if (language === 'en') await toggleLanguage(page, '中文');
      const code = /(?:查询码|tracking code) ([\w-]+)/.exec(text)?.[1] ?? '';
      await page.goto(`${server.baseUrl}/console/queues/all?q=${code}`);
      await expect.poll(() => page.getByTestId('queue-total').textContent(), { timeout: 15_000 }).toContain('共 0 件');

      // the city's officer has it
      const city = await signIn('rechecker', 'Demo-rechecker-2026');
      await city.goto(`${server.baseUrl}/console/queues/all?q=${code}`);
      await expect.poll(() => city.getByTestId('queue-total').textContent(), { timeout: 15_000 }).toContain('共 1 件');
    }, 120_000);
  }
});
