import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, saveScreenshot, signInToConsole, startServer } from './harness.ts';
import { exampleIdNumber, trpc } from './kiosk-support.ts';

let server: RunningServer;
let browser: Browser;
let trackingCode = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // a visitor's own words at the kiosk: whom it is about and what they want are searchable, not only the summary
  const { data } = await trpc<{ trackingCode: string }>(server.baseUrl, 'kiosk.submit', {
    name: '欧阳晓峰',
    idNumber: exampleIdNumber,
    mobile: '19900006101',
    category: 'housing',
    about: '翠园物业服务中心',
    request: '请督促物业尽快更换电梯钢丝绳',
    content: '【演示】小区3栋电梯钢丝绳磨损严重，上下晃动，物业一直拖着不换，老人不敢坐。',
    idempotencyKey: crypto.randomUUID(),
    consent: true,
  });
  trackingCode = data.trackingCode;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signIn(username: string, password: string, language: 'zh' | 'en' = 'zh'): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, username, password, { language, viewport: { width: 1920, height: 1080 } });
}

/** The marked parts of a table's cells, in order. */
async function marks(page: Page, table: string): Promise<string[]> {
  return page.getByTestId(table).getByTestId('search-match').allTextContents();
}

describe('staff search', () => {
  it('takes typing in the queue’s search box, finds the matter by whom it is about and marks the words', async () => {
    const page = await signIn('reception', 'Demo-reception-2026');
    await page.goto(`${server.baseUrl}/console/queues/all`);
    await page.getByTestId('queue-table').locator('tbody tr').first().waitFor();
    const box = page.getByTestId('filter-search');
    await box.click();
    // key by key, as a person types: the text stays in the box (it used to vanish) and the list follows it
    await box.pressSequentially('翠园物业', { delay: 60 });
    expect(await box.inputValue()).toBe('翠园物业');
    await page.waitForURL(/[?&]q=/);
    await page.getByTestId('queue-total').filter({ hasText: '共 1 件' }).waitFor();
    expect(await box.inputValue()).toBe('翠园物业');
    const row = page.getByTestId('queue-table').locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.first().getByTestId('open-petition').textContent()).toBe(trackingCode);
    // the summary does not say it: the passage where the words occur is shown, with the words marked
    expect(await page.getByTestId('search-excerpt').textContent()).toContain('翠园物业服务中心');
    expect(await marks(page, 'queue-table')).toEqual(['翠园物业']);
    // the counts of the tabs follow the search
    expect(await page.getByTestId('queue-tabs').textContent()).toContain('全部');
    await saveScreenshot(page, 'search-queue-respondent-zh');

    // a second word narrows; the filer's name is found too, and marked where it stands
    await box.fill('');
    await box.pressSequentially('欧阳晓峰 钢丝绳', { delay: 40 });
    await page.waitForURL(/q=%E6%AC%A7%E9%98%B3/);
    await page.getByTestId('queue-total').filter({ hasText: '共 1 件' }).waitFor();
    await page.getByTestId('queue-table').getByTestId('search-match').filter({ hasText: '欧阳晓峰' }).waitFor();
    expect(await marks(page, 'queue-table')).toEqual(expect.arrayContaining(['欧阳晓峰', '钢丝绳']));
    await saveScreenshot(page, 'search-queue-name-zh');

    // the URL holds the search: a reload keeps it in the box and the list
    await page.reload();
    await page.getByTestId('queue-total').filter({ hasText: '共 1 件' }).waitFor();
    expect(await page.getByTestId('filter-search').inputValue()).toBe('欧阳晓峰 钢丝绳');

    // clearing the box brings the whole queue back
    await page.getByTestId('filter-search').fill('');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.getByTestId('queue-table').locator('tbody tr').nth(1).waitFor();
  }, 120_000);

  it('searches the petitions list by what the visitor wants, in English too', async () => {
    const page = await signIn('reception', 'Demo-reception-2026');
    await page.goto(`${server.baseUrl}/console/petitions`);
    await page.getByTestId('petition-table').locator('tbody tr').first().waitFor();
    const box = page.getByTestId('petition-search');
    await box.click();
    await box.pressSequentially('督促物业', { delay: 60 });
    await page.getByTestId('search-results').getByTestId('search-match').first().waitFor();
    expect(await box.inputValue()).toBe('督促物业');
    expect(await page.getByTestId('search-results').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('search-total').textContent()).toContain('找到 1 件');
    expect(await marks(page, 'search-results')).toEqual(['督促物业']);
    await saveScreenshot(page, 'search-petitions-request-zh');
    await page.getByTestId('search-results').getByTestId('open-petition').click();
    await page.getByTestId('visitor-statement').waitFor();
    expect(await page.getByTestId('statement-respondent').textContent()).toBe('翠园物业服务中心');

    const english = await signIn('reception', 'Demo-reception-2026', 'en');
    await english.getByTestId('current-user').waitFor();
    await english.goto(`${server.baseUrl}/console/petitions?q=${encodeURIComponent(trackingCode.toLowerCase())}`);
    await english.getByTestId('search-results').getByTestId('search-match').first().waitFor();
    expect(await marks(english, 'search-results')).toEqual([trackingCode]);
    expect(await english.getByTestId('search-total').textContent()).toContain('1 found');
    await saveScreenshot(english, 'search-petitions-code-en');

    // nothing found says so, naming the words
    await page.goto(`${server.baseUrl}/console/petitions?q=${encodeURIComponent('没有这样的事项')}`);
    await page.getByTestId('search-results').getByText('没有找到包含“没有这样的事项”的事项').waitFor();
  }, 120_000);
});
