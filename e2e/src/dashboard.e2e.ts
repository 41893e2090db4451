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

/** Waits until the charts have drawn (ECharts paints a canvas per chart) and no tooltip is showing. */
async function chartsDrawn(page: Page) {
  await page.getByTestId('chart-trend').locator('canvas').first().waitFor();
  await page.getByTestId('chart-channels').locator('canvas').first().waitFor();
  await page.getByTestId('chart-lights').locator('canvas').first().waitFor();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
}

describe('the indicator dashboard', () => {
  it('a leader opens it, sees the §7 figures, hovers one for its parts and drills down to the matters behind it', { timeout: 180_000 }, async () => {
    const page = await signIn('leader', 'Demo-leader-2026');
    await page.getByTestId('nav-indicators').click();
    await page.waitForURL(/\/console\/indicators/);
    const cards = page.getByTestId('indicator-cards');
    await cards.getByTestId('indicator-card-onlineShare').waitFor();

    // every recorded figure: a rate to two decimals or a count, and its definition's version
    const onlineShare = await page.getByTestId('indicator-value-onlineShare').textContent();
    expect(onlineShare?.trim()).toMatch(/^\d{1,3}\.\d{2}%$/);
    expect(await page.getByTestId('indicator-value-legalStudioMatters').textContent()).toMatch(/^[\d,]+$/);
    expect((await page.getByTestId('indicator-version-onTimeConclusionRate').textContent())?.trim()).toBe('v2');
    // the figures whose records do not exist yet say so
    expect(await page.getByTestId('indicator-card-hallIncidents').textContent()).toContain('未记录');
    expect(await page.getByTestId('indicator-card-psychVisitorsReceived').textContent()).toContain('未记录');

    // numerator and denominator on hover
    await page.getByTestId('indicator-value-onlineShare').hover();
    const parts = page.getByTestId('indicator-parts-onlineShare');
    await parts.waitFor();
    const partsText = (await parts.textContent()) ?? '';
    expect(partsText).toMatch(/网上受理的事项.*：[\d,]+[\s\S]*登记的全部事项：[\d,]+/);
    const denominator = Number(partsText.split('登记的全部事项：')[1]!.replace(/\D/g, ''));
    await saveScreenshot(page, 'dashboard-hover');

    await chartsDrawn(page);
    await saveScreenshot(page, 'dashboard');

    // the filters live in the URL and survive a reload
    await page.getByTestId('period-kind-quarter').click();
    await page.waitForURL(/period=\d{4}-Q1/);
    await page.reload();
    await page.getByTestId('indicator-card-onlineShare').waitFor();
    expect(await page.getByTestId('dashboard-summary').textContent()).toMatch(/\d{4}-01-01 至 \d{4}-03-31/);
    await page.getByTestId('period-kind-year').click();
    await page.waitForURL(/period=\d{4}(&|$)/);
    await page.getByTestId('indicator-card-onlineShare').waitFor();

    // drill down: the matters behind the numerator, then the denominator
    await page.getByTestId('indicator-card-onlineShare').click();
    await page.waitForURL(/\/console\/indicators\/onlineShare\/numerator/);
    const table = page.getByTestId('drill-table');
    await table.locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('drill-title').textContent()).toContain('网上信访占比');
    await saveScreenshot(page, 'dashboard-drill-down');
    await page.getByTestId('drill-part-denominator').click();
    await page.waitForURL(/\/denominator/);
    await table.locator('tbody tr').first().waitFor();
    // pages of 20 until every matter behind the number is listed (the leader is accused of nothing)
    const rows = table.locator('tbody tr');
    while (await page.getByTestId('drill-more').isVisible()) {
      const before = await rows.count();
      await page.getByTestId('drill-more').click();
      await expect.poll(async () => rows.count(), { timeout: 15_000 }).toBeGreaterThan(before);
    }
    expect(await rows.count()).toBe(denominator);

    // a row opens the matter
    await table.locator('tbody tr').first().click();
    await page.waitForURL(/\/console\/petitions\/[0-9a-f-]{36}/);
  });

  it('a street leader sees their street, not the district, in English too', async () => {
    const page = await signIn('street-leader', 'Demo-street-leader-2026');
    await page.getByTestId('nav-indicators').click();
    await page.getByTestId('indicator-card-onlineShare').waitFor();
    expect(await page.getByTestId('dashboard-summary').textContent()).toContain('南园街道');
    await page.getByTestId('scope-select').click();
    await expect.poll(async () => page.getByTestId('scope-district').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Petition work indicators').waitFor();
    await chartsDrawn(page);
    await saveScreenshot(page, 'dashboard-street-en');
    // a period with nothing recorded says so
    await page.goto(`${page.url().split('?')[0]}?period=2020`);
    await page.getByTestId('dashboard-empty').waitFor();
    expect(await page.getByTestId('dashboard-empty').textContent()).toContain('Nothing recorded in this period and scope');
    await saveScreenshot(page, 'dashboard-empty-en');
  });

  it('a reception officer has no dashboard', async () => {
    const page = await signIn('reception', 'Demo-reception-2026');
    expect(await page.getByTestId('nav-indicators').count()).toBe(0);
  });
});
