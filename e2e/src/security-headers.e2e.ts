import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, saveScreenshot, startServer, type RunningServer } from './harness.ts';

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

interface Violation {
  directive: string;
  blockedUri: string;
  sourceFile: string;
  line: number;
  column: number;
}

/**
 * zod 4 probes once whether `new Function` is allowed (`try { return Function(''), true } catch { return false }`) and
 * falls back to its interpreter when the policy says no. That probe is the one violation we accept, recognised by the
 * code at the reported position, so any other eval still fails the test. (Setting `z.config({ jitless: true })` at each
 * app's start removes the probe.)
 */
async function isZodEvalProbe(violation: Violation): Promise<boolean> {
  if (violation.directive !== 'script-src' && !violation.directive.startsWith('script-src')) return false;
  if (violation.blockedUri !== 'eval' || !violation.sourceFile) return false;
  const source = await (await fetch(violation.sourceFile)).text();
  const line = source.split('\n')[violation.line - 1] ?? '';
  const around = line.slice(Math.max(0, violation.column - 40), violation.column + 40);
  return /try\{return Function\(``\),!0\}catch\{return!1\}/.test(around);
}

/** Collects Content-Security-Policy violations the page reports while it loads and runs. */
async function watchViolations(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  await page.exposeFunction('reportCspViolation', (violation: Violation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (violation: unknown) => void }).reportCspViolation({
        directive: event.violatedDirective,
        blockedUri: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
      });
    });
  });
  return violations;
}

async function unexpected(violations: Violation[]): Promise<Violation[]> {
  const kept: Violation[] = [];
  for (const violation of violations) if (!(await isZodEvalProbe(violation))) kept.push(violation);
  return kept;
}

describe('the built apps satisfy the Content-Security-Policy', () => {
  it('serves the policy and the other security headers', async () => {
    const response = await fetch(`${server.baseUrl}/console/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('loads the console, signs in and lists petitions without a violation', async () => {
    const page = await (await newContext(browser)).newPage();
    const violations = await watchViolations(page);
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByTestId('username').fill('reception');
    await page.getByTestId('password').fill('Demo-reception-2026');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'csp-console');
    expect(await unexpected(violations)).toEqual([]);
  });

  it('loads the kiosk and opens the submission form without a violation', async () => {
    const page = await (await newContext(browser, { viewport: { width: 1080, height: 1920 }, hasTouch: true })).newPage();
    const violations = await watchViolations(page);
    await page.goto(`${server.baseUrl}/kiosk/`);
    await page.getByTestId('choice-submit').tap();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'csp-kiosk');
    expect(await unexpected(violations)).toEqual([]);
  });
});
