import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = join(root, 'e2e', 'screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  output: () => string;
  /** Stops the server (SIGTERM) and starts it again on the same data. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Starts the built server (apps/server/dist/main.js) on a free port with a fresh PGlite data folder — or, when
 * DATABASE_URL is set, a fresh database created on that server — and waits for /health.
 */
export async function startServer(extraEnvironment: Record<string, string> = {}): Promise<RunningServer> {
  const entry = join(root, 'apps/server/dist/main.js');
  if (!existsSync(entry)) throw new Error('Build first: pnpm build');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'xinfang-e2e-'));
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) environment[key] = value;
  // demo data on a server database too (XINFANG_DEMO defaults to off when DATABASE_URL is set)
  Object.assign(environment, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', XINFANG_DEMO: 'true' }, extraEnvironment);
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import('pg');
    const name = `xinfang_e2e_${port}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    environment.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const closer = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await closer.connect();
      await closer.query(`drop database if exists ${name} with (force)`);
      await closer.end();
    };
  } else {
    delete environment.DATABASE_URL;
  }
  let output = '';
  let child = await spawnHealthyServer(entry, environment, port, (text) => (output += text));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stopChild = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  };
  return {
    baseUrl,
    output: () => output,
    restart: async () => {
      await stopChild();
      child = await spawnHealthyServer(entry, environment, port, (text) => (output += text));
    },
    stop: async () => {
      await stopChild();
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function spawnHealthyServer(entry: string, environment: Record<string, string>, port: number, log: (text: string) => void): Promise<ChildProcess> {
  let output = '';
  const child = spawn(process.execPath, [entry], { cwd: root, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log(chunk.toString());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // never leave a half-started server behind (it would hold its port and a core for the rest of the run)
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** Debian's Chromium, never a downloaded one. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
}

/**
 * A console page signed in as this account, in Chinese (the default) or English, at a desk viewport.
 * @example const reception = await signInToConsole(browser, server.baseUrl, 'reception', 'Demo-reception-2026')
 */
export async function signInToConsole(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  options: { language?: 'zh' | 'en'; viewport?: { width: number; height: number }; defaultTimeout?: number } = {},
): Promise<Page> {
  const context = await newContext(browser, { viewport: options.viewport ?? { width: 1440, height: 1000 } });
  if (options.language === 'en') await context.addInitScript(() => localStorage.setItem('xinfang.console.locale', 'en'));
  const page = await context.newPage();
  if (options.defaultTimeout) page.setDefaultTimeout(options.defaultTimeout);
  await page.goto(`${baseUrl}/console/sign-in`);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** Saves a full-page screenshot under e2e/screenshots/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
