import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, saveScreenshot, signInToConsole, startServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let careFormUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signIn(username: string, password: string, language: 'zh' | 'en' = 'zh'): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, username, password, { language, viewport: { width: 1920, height: 1080 } });
}

/** Opens a kind's list from the studio menu (a sub-menu: its entries are teleported to the page body). */
async function openFromMenu(page: Page, kind: string) {
  await page.getByTestId('nav-studio').hover();
  await page.getByTestId(`nav-records-${kind}`).click();
  await page.getByTestId('records-table').waitFor();
}

/** Picks an option of an Element Plus select (its options are teleported to the page body). */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits until the toasts are gone and no popper is open, so a screenshot shows the screen itself. */
async function settled(page: Page) {
  await page.locator('.el-message').first().waitFor({ state: 'detached' });
  await page.mouse.move(1900, 1060);
  await page.waitForFunction(() => [...document.querySelectorAll('.el-popper')].every((popper) => getComputedStyle(popper).display === 'none'));
}

/** Types into a form field: Element Plus puts the test id on the native input of a text field, on the wrapper of others. */
async function fill(page: Page, key: string, value: string) {
  await type(page, `field-${key}`, value);
}

async function type(page: Page, testId: string, value: string) {
  const target = page.getByTestId(testId);
  const tag = await target.evaluate((element) => element.tagName);
  await (tag === 'INPUT' || tag === 'TEXTAREA' ? target : target.locator('input')).fill(value);
}

const highAnswers = { sleep: 3, mood: 3, anger: 3, hopelessness: 3, physicalTension: 3, supportNetwork: 3, selfHarmThoughts: 2 } as const;

async function answer(page: Page, answers: Readonly<Record<string, number>>) {
  for (const [item, value] of Object.entries(answers)) await page.getByTestId(`care-${item}-${value}`).click();
}

describe('the psychological studio: one generic list, form and detail for every record kind', () => {
  it('a counsellor fills a care form with high answers, sees 高风险 live, saves it and finds it by grade', async () => {
    const page = await signIn('counsellor', 'Demo-counsellor-2026');
    await openFromMenu(page, 'careForm');
    expect(await page.getByTestId('records-title').textContent()).toBe('健康关爱表');
    await page.getByTestId('records-table').getByText('还没有健康关爱表记录').waitFor();
    await settled(page);
    await saveScreenshot(page, 'studio-care-list-empty-zh');

    await page.getByTestId('records-new').click();
    await page.getByTestId('record-form').waitFor();
    // the schema's own messages, beside the fields, before anything is sent
    await page.getByTestId('record-save').click();
    await page.getByTestId('item-visitorName').getByText('此项为必填项').waitFor();
    await page.getByTestId('item-consent').getByText('填写健康关爱表前须取得来访人（未满14周岁的由监护人）单独同意').waitFor();
    await page.getByTestId('item-answers').getByText('此项为必填项').waitFor();
    expect(await page.getByTestId('record-form-error').textContent()).toContain('有 3 项需要修改');
    await saveScreenshot(page, 'studio-care-form-errors-zh');

    await fill(page, 'visitorName', '王某（测试）');
    await choose(page, 'field-consent', '来访人本人同意');
    await answer(page, { sleep: 3, mood: 3 });
    expect(await page.getByTestId('care-live').textContent()).toContain('已答 2 / 7 项，当前 6 分');
    await answer(page, highAnswers);
    expect(await page.getByTestId('live-score').textContent()).toBe('20');
    expect(await page.getByTestId('live-grade').textContent()).toBe('高风险');
    await fill(page, 'notes', '来访人情绪激动，已安排当日疏导。');
    await settled(page);
    await saveScreenshot(page, 'studio-care-form-zh');
    await page.getByTestId('record-save').click();

    await page.getByTestId('record-facets').waitFor();
    careFormUrl = page.url();
    expect(careFormUrl).toMatch(/\/console\/records\/careForm\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('facet-grade').textContent()).toBe('高风险');
    expect(await page.getByTestId('facet-score').textContent()).toBe('20');
    expect(await page.getByTestId('value-visitorName').textContent()).toBe('王某（测试）');
    expect(await page.getByTestId('value-consent').textContent()).toBe('来访人本人同意');
    expect(await page.getByTestId('record-history').textContent()).toContain('创建');
    expect(await page.getByTestId('record-history').textContent()).toContain('心理咨询师（本人）');
    await settled(page);
    await saveScreenshot(page, 'studio-care-detail-zh');

    await page.getByRole('button', { name: '返回健康关爱表列表' }).click();
    await page.getByTestId('records-table').getByText('王某（测试）').waitFor();
    await choose(page, 'filter-grade', '情绪稳定');
    await page.getByTestId('records-table').getByText('没有符合筛选条件的记录').waitFor();
    expect(page.url()).toContain('grade=stable');
    await choose(page, 'filter-grade', '高风险');
    await page.getByTestId('records-table').getByText('王某（测试）').waitFor();
    expect(await page.getByTestId('records-total').textContent()).toContain('符合条件 1 条');
    expect(await page.getByTestId('cell-grade').textContent()).toContain('高风险');
    await settled(page);
    await saveScreenshot(page, 'studio-care-list-high-risk-zh');
    await page.getByTestId('open-record').click();
    await page.getByTestId('record-facets').waitFor();
    expect(page.url()).toBe(careFormUrl);
  }, 180_000);

  it('a counsellor records a staff group session (减压沙龙, 23 person-times), nameless', async () => {
    const page = await signIn('counsellor', 'Demo-counsellor-2026');
    await openFromMenu(page, 'counsellingSession');
    await page.getByTestId('records-new').click();
    await page.getByTestId('record-form').waitFor();
    await choose(page, 'field-stage', '访后');
    await choose(page, 'field-format', '团体');
    await choose(page, 'field-subject', '工作人员');
    await fill(page, 'personCount', '23');
    await fill(page, 'topic', '减压沙龙');
    // a name is refused for a staff or group session, by the kind's own rule
    await fill(page, 'visitorName', '张三');
    await page.getByTestId('record-save').click();
    await page.getByTestId('item-visitorName').getByText('工作人员心理疏导不记录姓名').waitFor();
    await fill(page, 'visitorName', '');
    await page.getByTestId('item-visitorName').getByText('工作人员心理疏导不记录姓名').waitFor({ state: 'detached' });
    await choose(page, 'field-outcomes', '情绪平复');
    await page.keyboard.press('Escape');
    await settled(page);
    await saveScreenshot(page, 'studio-session-form-zh');
    await page.getByTestId('record-save').click();

    await page.getByTestId('record-fields').waitFor();
    expect(await page.getByTestId('value-personCount').textContent()).toBe('23');
    expect(await page.getByTestId('value-topic').textContent()).toBe('减压沙龙');
    expect(await page.getByTestId('value-format').textContent()).toBe('团体');
    expect(await page.getByTestId('value-subject').textContent()).toBe('工作人员');
    expect(await page.getByTestId('value-visitorName').textContent()).toBe('—');
    await settled(page);
    await saveScreenshot(page, 'studio-session-detail-zh');

    await page.getByRole('button', { name: '返回心理疏导列表' }).click();
    await choose(page, 'filter-subject', '工作人员');
    await page.getByTestId('records-total').getByText('符合条件 1 条').waitFor();
    const row = page.getByTestId('records-table').locator('.el-table__row').first();
    expect(await row.textContent()).toContain('团体');
    expect(await row.textContent()).toContain('23');
    await settled(page);
    await saveScreenshot(page, 'studio-session-list-zh');
  }, 180_000);

  it('a list pages with "load more" and narrows to a period of days', async () => {
    const page = await signIn('counsellor', 'Demo-counsellor-2026');
    // twenty individual sessions with visitors, one a day from 1 November (Beijing time)
    const made = await page.evaluate(async () => {
      let count = 0;
      for (let day = 1; day <= 20; day += 1) {
        const heldAt = `2026-11-${String(day).padStart(2, '0')}T10:00:00+08:00`;
        const body = { heldAt, stage: 'duringVisit', format: 'individual', subject: 'visitor', personCount: 1, visitorName: `来访人${day}`, outcomes: ['calmed'], petitionIds: [] };
        const response = await fetch('/trpc/records.counsellingSession.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (response.ok) count += 1;
      }
      return count;
    });
    expect(made).toBe(20);
    await openFromMenu(page, 'counsellingSession');
    await page.getByTestId('records-total').getByText('共 21 条').waitFor();
    expect(await page.getByTestId('records-table').locator('.el-table__row').count()).toBe(20);
    expect(await page.getByTestId('load-more').textContent()).toContain('已显示 20 / 21 条');
    await page.getByTestId('load-more').click();
    await page.getByTestId('records-no-more').getByText('已全部显示（21 条）').waitFor();
    expect(await page.getByTestId('records-table').locator('.el-table__row').count()).toBe(21);

    for (const [testId, day] of [
      ['filter-from', '2026-11-05'],
      ['filter-to', '2026-11-09'],
    ] as const) {
      await type(page, testId, day);
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('records-total').getByText('符合条件 5 条').waitFor();
    expect(page.url()).toContain('from=2026-11-05');
    expect(page.url()).toContain('to=2026-11-09');
    const rows = page.getByTestId('records-table').locator('.el-table__row');
    expect(await rows.first().textContent()).toContain('2026/11/09 10:00');
    expect(await rows.last().textContent()).toContain('2026/11/05 10:00');
    await settled(page);
    await saveScreenshot(page, 'studio-session-list-period-zh');
    await page.getByTestId('filter-clear').click();
    await page.getByTestId('records-total').getByText('共 21 条').waitFor();
  }, 180_000);

  it('an edit from a stale version is refused with a conflict message; the latest version can be loaded and saved', async () => {
    const counsellor = await signIn('counsellor', 'Demo-counsellor-2026');
    await counsellor.goto(careFormUrl);
    await counsellor.getByTestId('record-edit').click();
    await counsellor.getByTestId('record-form').waitFor();
    await counsellor.getByTestId('field-notes').waitFor();

    const head = await signIn('studiohead', 'Demo-studiohead-2026');
    await head.goto(`${careFormUrl}/edit`);
    await fill(head, 'notes', '负责人补充：建议三日内回访。');
    await head.getByTestId('record-save').click();
    await head.getByTestId('record-facets').waitFor();

    await fill(counsellor, 'notes', '咨询师补充：已联系家属。');
    await counsellor.getByTestId('record-save').click();
    await counsellor.getByTestId('record-form-error').getByText('该记录已被他人修改，请刷新后重试').waitFor();
    await saveScreenshot(counsellor, 'studio-care-conflict-zh');
    await counsellor.getByTestId('record-reload').click();
    await expect.poll(() => counsellor.getByTestId('field-notes').inputValue()).toBe('负责人补充：建议三日内回访。');
    await counsellor.getByTestId('care-sleep-2').click();
    await counsellor.getByTestId('record-save').click();
    await counsellor.getByTestId('record-facets').waitFor();
    expect(await counsellor.getByTestId('facet-score').textContent()).toBe('19');
    expect(await counsellor.getByTestId('facet-grade').textContent()).toBe('需要关注');
    const history = (await counsellor.getByTestId('record-history').textContent()) ?? '';
    expect(history).toContain('修改了：问卷回答');
    expect(history).toContain('修改了：备注');
    expect(history).toContain('心访工作室负责人');
  }, 180_000);

  it('in English: the list, the form with its live grade, and the detail', async () => {
    const page = await signIn('counsellor', 'Demo-counsellor-2026', 'en');
    await openFromMenu(page, 'careForm');
    expect(await page.getByTestId('records-title').textContent()).toBe('Care form');
    await settled(page);
    await saveScreenshot(page, 'studio-care-list-en');
    await page.getByTestId('open-record').first().click();
    await page.getByTestId('record-facets').waitFor();
    expect(await page.getByTestId('facet-grade').textContent()).toBe('Needs attention');
    await settled(page);
    await saveScreenshot(page, 'studio-care-detail-en');
    await page.getByRole('button', { name: 'Back to the care form list' }).click();
    await page.getByTestId('records-new').click();
    await fill(page, 'visitorName', 'Test visitor');
    await answer(page, highAnswers);
    expect(await page.getByTestId('live-grade').textContent()).toBe('High risk');
    await page.getByTestId('record-save').click();
    await page.getByTestId('item-consent').getByText('The visitor’s separate consent (a guardian’s under 14) is needed before a care form').waitFor();
    await saveScreenshot(page, 'studio-care-form-en');

    await openFromMenu(page, 'counsellingSession');
    await page.getByTestId('records-table').getByText('Group').waitFor();
    await settled(page);
    await saveScreenshot(page, 'studio-session-list-en');
  }, 180_000);

  it('a department handler has no studio menu and is refused at the URL', async () => {
    for (const language of ['zh', 'en'] as const) {
      const page = await signIn('handler', 'Demo-handler-2026', language);
      expect(await page.getByTestId('nav-studio').count()).toBe(0);
      await page.goto(`${server.baseUrl}/console/records/careForm`);
      await page.getByTestId('records-refused').waitFor();
      expect(await page.getByTestId('records-refused').textContent()).toContain(language === 'zh' ? '无权查看' : 'Not allowed');
      expect(await page.getByTestId('records-table').count()).toBe(0);
      await saveScreenshot(page, `studio-refused-handler-${language}`);
      // the detail URL of a real record is refused too, and the API refuses the call itself
      await page.goto(careFormUrl);
      await page.getByTestId('records-refused').waitFor();
      const status = await page.evaluate(async () => (await fetch('/trpc/records.careForm.list?input=' + encodeURIComponent(JSON.stringify({ limit: 5 })))).status);
      expect(status).toBe(403);
    }
  }, 180_000);
});
