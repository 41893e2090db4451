import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppOptions } from './app.ts';
import { parseTrustProxy } from './env.ts';
import { buildTestApp } from './testing/test-app.ts';

const test = useTestDatabase();
const keys = createTestKeys();

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 1 });
});

async function signInCookie(trustProxy: AppOptions['trustProxy'], headers: Record<string, string>): Promise<string> {
  const app = await buildTestApp(test.handle, keys, trustProxy === undefined ? {} : { trustProxy });
  try {
    const response = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json', ...headers }, payload: { username: 'leader', password: 'Demo-leader-2026' } });
    expect(response.statusCode).toBe(200);
    return String(response.headers['set-cookie']);
  } finally {
    await app.close();
  }
}

describe('the session cookie', () => {
  it('is httpOnly and SameSite=Strict, without Secure over plain HTTP', async () => {
    const cookie = await signInCookie(undefined, {});
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('is Secure behind a trusted TLS proxy', async () => {
    expect(await signInCookie(parseTrustProxy('true'), { 'x-forwarded-proto': 'https' })).toMatch(/Secure/);
  });

  it('ignores a forged X-Forwarded-Proto when no proxy is trusted', async () => {
    expect(await signInCookie(undefined, { 'x-forwarded-proto': 'https' })).not.toMatch(/Secure/);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['10.0.0.1, 10.0.0.2', ['10.0.0.1', '10.0.0.2']],
  ] as const)('TRUST_PROXY=%s', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it('TRUST_PROXY as a hop count trusts that many hops', () => {
    const trust = parseTrustProxy('1') as (address: string, hop: number) => boolean;
    expect([trust('10.0.0.1', 0), trust('10.0.0.1', 1)]).toEqual([true, false]);
  });
});
