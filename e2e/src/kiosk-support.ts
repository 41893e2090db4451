/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext, saveScreenshot } from './harness.ts';

/** The screens the kiosk must work on: the hall's touch screens both ways round, and a phone (from the receipt's QR code). */
export const viewports = {
  portrait: { viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: false },
  landscape: { viewport: { width: 1920, height: 1080 }, hasTouch: true, isMobile: false },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
} as const;
export type ViewportName = keyof typeof viewports;

export async function kioskPage(browser: Browser, viewport: ViewportName): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewports[viewport]);
  return { context, page: await context.newPage() };
}

/** WCAG 2.1 AA checks with axe-core on the screen as it is now; fails the test with the rules and targets violated. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((violation) => `${screen}: ${violation.id} (${violation.impact ?? ''}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations).toEqual([]);
}

/** A screenshot under e2e/screenshots/ and an accessibility check of the same screen. */
export async function capture(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await saveScreenshot(page, name);
  await expectAccessible(page, name);
}

/** Switches the kiosk to English (or back) with its visible switch. */
export async function switchLanguage(page: Page): Promise<void> {
  await page.getByTestId('language-switch').tap();
}

/** Calls a tRPC procedure over HTTP as the browser would (mutations POST their input; queries GET it). */
export async function trpc<T>(baseUrl: string, path: string, input: unknown, options: { cookie?: string; query?: boolean } = {}): Promise<{ data: T; cookie: string | undefined }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}) };
  const response = options.query
    ? await fetch(`${baseUrl}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })
    : await fetch(`${baseUrl}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${path} failed: ${response.status} ${JSON.stringify(body.error)}`);
  const setCookie = response.headers.get('set-cookie');
  return { data: body.result.data, cookie: setCookie ? setCookie.split(';')[0] : undefined };
}

/** Signs a demo staff account in and returns its cookie. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<{ cookie: string; staffId: string }> {
  const { data, cookie } = await trpc<{ staffId: string }>(baseUrl, 'auth.signIn', { username, password });
  if (!cookie) throw new Error('no session cookie');
  return { cookie, staffId: data.staffId };
}

// DOMAIN.md §9's published example ID number; synthetic names and 199-0000 mobile numbers.
export const exampleIdNumber = '11010519491231002X';

/** Submits a matter the way the kiosk does, for tests that start after the submission. */
export async function submitMatter(baseUrl: string, mobile: string): Promise<string> {
  const { data } = await trpc<{ trackingCode: string }>(baseUrl, 'kiosk.submit', {
    name: '演示访客',
    idNumber: exampleIdNumber,
    mobile,
    content: '【演示】小区路灯坏了两个月，晚上出行很不安全。',
    idempotencyKey: crypto.randomUUID(),
    consent: true,
    category: 'publicServices',
  });
  return data.trackingCode;
}

interface ListItem {
  id: string;
  trackingCode: string;
  version: number;
}

/** Takes a kiosk matter to 'replied' through the staff procedures, as the console's users would. */
export async function driveToReplied(baseUrl: string, trackingCode: string): Promise<void> {
  const reception = await signIn(baseUrl, 'reception', 'Demo-reception-2026');
  const lawyer = await signIn(baseUrl, 'lawyer', 'Demo-lawyer-2026');
  const handler = await signIn(baseUrl, 'handler', 'Demo-handler-2026');
  const head = await signIn(baseUrl, 'depthead', 'Demo-depthead-2026');
  const page = await trpc<{ items: ListItem[] }>(baseUrl, 'petitions.list', { limit: 100 }, { cookie: reception.cookie, query: true });
  const petition = page.data.items.find((item) => item.trackingCode === trackingCode);
  if (!petition) throw new Error(`petition ${trackingCode} not listed`);
  const units = await trpc<{ id: string; code: string }[]>(baseUrl, 'units.tree', undefined, { cookie: reception.cookie, query: true });
  const department = units.data.find((unit) => unit.code === '440304D01');
  if (!department) throw new Error('no department 440304D01');
  let version = petition.version;
  const act = async (cookie: string, action: string, fields: Record<string, unknown>) => {
    const { data } = await trpc<{ version: number }>(baseUrl, `petitions.${action}`, { petitionId: petition.id, expectedVersion: version, ...fields }, { cookie });
    version = data.version;
  };
  await act(lawyer.cookie, 'triage', { petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '按信访程序办理' });
  await act(reception.cookie, 'route', { unitId: department.id, mode: 'transfer' });
  await act(handler.cookie, 'acknowledgeReceipt', { noticeText: '【演示】已受理您反映的路灯问题。', noticeGivenAt: new Date().toISOString() });
  await act(head.cookie, 'startHandling', { handlerStaffId: handler.staffId });
  await act(handler.cookie, 'reply', { outcome: 'support', facts: '【演示】经查属实，已安排维修。', legalBasis: '《信访工作条例》第三十二条' });
}

/** A real 2×2 PNG (for the photo picker). */
export const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
