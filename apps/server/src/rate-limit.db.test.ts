import { demoAccounts, seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitBucketOf } from './app.ts';
import { buildTestApp } from './testing/test-app.ts';
import { parseEnvironment } from './env.ts';

const test = useTestDatabase();
const keys = createTestKeys();
let app: FastifyInstance;

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 3 });
  app = await buildTestApp(test.handle, keys, {
    rateLimits: { trackingPerMinute: 5, signInPerMinute: 3, publicPerMinute: 8 },
  });
});

afterAll(async () => {
  await app?.close();
});

function guessTrackingCode(guess: number, remoteAddress: string) {
  return app.inject({
    method: 'POST',
    url: '/trpc/tracking.lookup',
    remoteAddress,
    headers: { 'content-type': 'application/json' },
    payload: { trackingCode: `XF${String(guess).padStart(8, '2')}`, mobileLast4: '0000' },
  });
}

describe('per-address rate limits on the public procedures', () => {
  it('stops tracking-code guessing from one address with a 429 and a bilingual message, and not other addresses', async () => {
    const statuses: number[] = [];
    for (let guess = 0; guess < 5; guess++) statuses.push((await guessTrackingCode(guess, '203.0.113.9')).statusCode);
    expect(statuses.every((status) => status >= 400 && status < 500 && status !== 429)).toBe(true);
    const blocked = await guessTrackingCode(99, '203.0.113.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.json()).toMatchObject({ error: { messageCode: 'request.rateLimited', messageZh: '请求过于频繁，请稍后再试' } });
    expect((await guessTrackingCode(1, '203.0.113.10')).statusCode).not.toBe(429);
  });

  it('limits sign-in attempts per address', async () => {
    const attempt = () =>
      app.inject({ method: 'POST', url: '/trpc/auth.signIn', remoteAddress: '198.51.100.4', headers: { 'content-type': 'application/json' }, payload: { username: 'nobody', password: 'x' } });
    for (let index = 0; index < 3; index++) expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(429);
  });

  it('does not limit staff procedures (staff share one address behind the bureau’s network)', async () => {
    const account = demoAccounts.find((candidate) => candidate.username === 'reception')!;
    const signIn = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', remoteAddress: '10.0.0.5', headers: { 'content-type': 'application/json' }, payload: { username: account.username, password: account.password } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    for (let index = 0; index < 12; index++) {
      expect((await app.inject({ method: 'GET', url: '/trpc/petitions.list?input=%7B%7D', remoteAddress: '10.0.0.5', headers: { cookie } })).statusCode).toBe(200);
    }
  });

  it.each([
    ['/trpc/tracking.lookup', 'trackingPerMinute'],
    ['/trpc/kiosk.configuration,tracking.lookup?batch=1', 'trackingPerMinute'],
    ['/trpc/auth.signIn', 'signInPerMinute'],
    ['/trpc/kiosk.submit', 'publicPerMinute'],
    ['/trpc/no.such.thing', 'publicPerMinute'],
    ['/trpc/petitions.list?input=%7B%7D', undefined],
    ['/health', undefined],
  ] as const)('%s counts against %s', (url, bucket) => {
    expect(rateLimitBucketOf(url)).toBe(bucket);
  });

  it('reads the limits from the environment so a benchmark can raise them', () => {
    const environment = parseEnvironment({ RATE_LIMIT_TRACKING_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' });
    expect(environment.RATE_LIMIT_TRACKING_PER_MINUTE).toBe(100_000);
    expect(environment.RATE_LIMIT_SIGN_IN_PER_MINUTE).toBe(20);
    expect(() => parseEnvironment({ RATE_LIMIT_TRACKING_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_TRACKING_PER_MINUTE/);
  });
});
