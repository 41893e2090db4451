import { demoAccounts, seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import { hashPassword } from '@xinfang/security/password';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvironment, parseTrustProxy, trustProxyWarning } from './env.ts';
import { maxBatchSize, publicCallsIn } from './rate-limits.ts';
import { buildTestApp } from './testing/test-app.ts';

const test = useTestDatabase();
const keys = createTestKeys();
const rateLimits = { trackingPerMinute: 5, signInPerMinute: 3, publicPerMinute: 8, terminalsPerAddress: 3 };
let now = new Date('2026-12-05T02:00:00.000Z');
let app: FastifyInstance;
let secondInstance: FastifyInstance;

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 3 });
  app = await buildTestApp(test.handle, keys, { rateLimits, now: () => now });
  // a second server instance over the same database, as behind a load balancer
  secondInstance = await buildTestApp(test.handle, keys, { rateLimits, now: () => now });
});

afterAll(async () => {
  await app?.close();
  await secondInstance?.close();
});

/** A well-formed tracking code (valid check symbol) that no petition holds: guesses like it reach the service. */
function codeNumber(index: number): string {
  return generateTrackingCode((length) => Uint8Array.from({ length }, (_, position) => (index * 7 + position * 13) % 248));
}

interface TrpcError {
  error: { message: string; data: { httpStatus: number; messageCode: string; messageZh: string; retryAfterSeconds?: number | null } };
}

function guess(url: string, remoteAddress: string, guessNumber: number, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { 'content-type': 'application/json', ...headers },
    payload: { trackingCode: codeNumber(guessNumber), mobileLast4: '0000' },
  });
}

/** tracking.lookup spelled every way routing accepts: each reaches the same procedure. */
const trackingSpellings = ['/trpc/tracking.lookup', '/trpc/tracking%2Elookup', '/trpc/%74racking.lookup', '/%74rpc/tracking.lookup', '/%74rpc/%74racking%2Elookup'];

describe('limits chosen from the procedure actually called', () => {
  it('counts tracking guesses however the URL is spelled: the 6th from one address gets 429 with the seconds to wait', async () => {
    now = new Date('2026-12-05T02:00:00.000Z');
    const statuses: number[] = [];
    for (const [index, url] of trackingSpellings.entries()) statuses.push((await guess(url, '203.0.113.9', index)).statusCode);
    // every guess reached the service and was answered "no match"
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
    now = new Date('2026-12-05T02:00:20.000Z');
    const blocked = await guess('/%74rpc/tracking.lookup', '203.0.113.9', 99);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('40');
    expect(blocked.json<TrpcError>().error).toMatchObject({
      message: 'Too many lookups from this terminal; try again in 40 seconds',
      data: { httpStatus: 429, messageCode: 'tracking.rateLimited', messageZh: '本终端查询次数过多，请40秒后再试', retryAfterSeconds: 40 },
    });
    expect((await guess('/trpc/tracking.lookup', '203.0.113.10', 1)).statusCode).not.toBe(429);
    now = new Date('2026-12-05T02:01:00.000Z');
    expect((await guess('/trpc/tracking.lookup', '203.0.113.9', 100)).statusCode).not.toBe(429);
  });

  it.each([
    ['tracking.lookup', 1],
    ['kiosk.configuration,tracking.lookup', 2],
    ['no.such.thing', 1],
    ['petitions.list', 0],
    ['petitions.list,kiosk.configuration,auth.me', 2],
  ] as const)('the routed procedure path %s holds %i public call(s)', (path, calls) => {
    expect(publicCallsIn(path)).toBe(calls);
  });

  it('counts other public calls per call under every spelling, in tRPC’s error shape so the client does not report a network failure', async () => {
    now = new Date('2026-12-05T03:00:00.000Z');
    const remoteAddress = '203.0.113.20';
    const urls = ['/trpc/kiosk.configuration', '/trpc/kiosk%2Econfiguration', '/%74rpc/kiosk.configuration', '/trpc/%6Biosk.configuration'];
    for (const url of urls) expect((await app.inject({ method: 'GET', url, remoteAddress })).statusCode).toBe(200);
    // a batch of four calls counts four: 8 in all
    const batch = await app.inject({ method: 'GET', url: '/%74rpc/kiosk.configuration,kiosk.configuration,kiosk.configuration,kiosk.configuration?batch=1&input=%7B%7D', remoteAddress });
    expect(batch.statusCode).toBe(200);
    const refused = await app.inject({ method: 'GET', url: '/trpc/kiosk.configuration,auth.me?batch=1&input=%7B%7D', remoteAddress });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    const body = refused.json<TrpcError[]>();
    expect(body).toHaveLength(2);
    expect(body[0]!.error.data).toMatchObject({ httpStatus: 429, messageCode: 'request.rateLimitedFor', messageZh: '请求过于频繁，请60秒后再试', retryAfterSeconds: 60 });
  });

  it('keys kiosk calls on the terminal token as well as the address: one busy terminal does not lock out its hall', async () => {
    now = new Date('2026-12-05T04:00:00.000Z');
    const remoteAddress = '203.0.113.30';
    const call = (terminal: string) => app.inject({ method: 'GET', url: '/trpc/kiosk.configuration', remoteAddress, headers: { 'x-kiosk-terminal': terminal } });
    for (let index = 0; index < 8; index++) expect((await call('terminal-busy-000001')).statusCode).toBe(200);
    expect((await call('terminal-busy-000001')).statusCode).toBe(429);
    expect((await call('terminal-quiet-00001')).statusCode).toBe(200);
    // made-up tokens buy no more than terminalsPerAddress × 8 = 24 calls a minute for the address
    let accepted = 0;
    for (let index = 0; index < 30; index++) if ((await call(`terminal-made-up-${String(index).padStart(4, '0')}`)).statusCode === 200) accepted++;
    expect(accepted).toBe(24 - 10);
  });

  it('counts every call of a tRPC batch and refuses batches larger than the limit', async () => {
    now = new Date('2026-12-05T05:00:00.000Z');
    const names = (count: number) => Array.from({ length: count }, () => 'tracking.lookup').join(',');
    const inputs = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [String(index), { trackingCode: codeNumber(100 + index), mobileLast4: '0000' }]));
    // the per-process limit on public calls raised, to watch the database's count of tracking calls alone
    const roomy = await buildTestApp(test.handle, keys, { rateLimits: { ...rateLimits, publicPerMinute: 1000 }, now: () => now });
    const send = (count: number, remoteAddress: string) =>
      roomy.inject({ method: 'POST', url: `/trpc/${names(count)}?batch=1`, remoteAddress, headers: { 'content-type': 'application/json' }, payload: inputs(count) });
    const batch = await send(maxBatchSize, '203.0.113.40');
    const results = batch.json<TrpcError[]>();
    expect(results).toHaveLength(maxBatchSize);
    expect(results.filter((result) => result.error.data.httpStatus === 429)).toHaveLength(maxBatchSize - 5);
    expect(batch.headers['retry-after']).toBe('60');
    const tooLarge = await send(maxBatchSize + 1, '203.0.113.41');
    expect(tooLarge.statusCode).toBe(400);
    await roomy.close();
  });
});

describe('sign-in limits', () => {
  const attempt = (instance: FastifyInstance, username: string) =>
    instance.inject({ method: 'POST', url: '/trpc/auth.signIn', remoteAddress: '198.51.100.4', headers: { 'content-type': 'application/json' }, payload: { username, password: 'x' } });

  it('limits sign-in attempts per address across server instances (the count is in the database)', async () => {
    now = new Date('2026-12-05T06:00:00.000Z');
    expect((await attempt(app, 'nobody-1')).statusCode).toBe(401);
    expect((await attempt(secondInstance, 'nobody-2')).statusCode).toBe(401);
    expect((await attempt(app, 'nobody-3')).statusCode).toBe(401);
    const refused = await attempt(secondInstance, 'nobody-4');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json<TrpcError>().error.data).toMatchObject({ messageCode: 'request.rateLimitedFor', retryAfterSeconds: 60 });
  });

  it('does not limit staff procedures (staff share one address behind the bureau’s network)', async () => {
    now = new Date('2026-12-05T07:00:00.000Z');
    const account = demoAccounts.find((candidate) => candidate.username === 'reception')!;
    const signIn = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', remoteAddress: '10.0.0.5', headers: { 'content-type': 'application/json' }, payload: { username: account.username, password: account.password } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    for (let index = 0; index < 12; index++) {
      expect((await app.inject({ method: 'GET', url: '/trpc/petitions.list?input=%7B%7D', remoteAddress: '10.0.0.5', headers: { cookie } })).statusCode).toBe(200);
    }
  });
});

describe('the client address behind a proxy', () => {
  it('with a hop count, a forged X-Forwarded-For does not give a client a fresh address per guess', async () => {
    now = new Date('2026-12-05T08:00:00.000Z');
    const proxied = await buildTestApp(test.handle, keys, { rateLimits, now: () => now, trustProxy: parseTrustProxy('1') });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 6; index++) {
        const response = await proxied.inject({
          method: 'POST',
          url: '/trpc/tracking.lookup',
          remoteAddress: '10.0.0.1',
          // the client forges the left entry; the proxy appends the address it saw
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${index}, 203.0.113.77` },
          payload: { trackingCode: codeNumber(200 + index), mobileLast4: '0000' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('refuses TRUST_PROXY=true in production and warns about it elsewhere', () => {
    expect(() => parseEnvironment({ TRUST_PROXY: 'true', NODE_ENV: 'production' })).toThrow(/TRUST_PROXY: `true` trusts every X-Forwarded-For hop/);
    expect(parseEnvironment({ TRUST_PROXY: '1', NODE_ENV: 'production' }).TRUST_PROXY).toBe('1');
    expect(trustProxyWarning(parseEnvironment({ TRUST_PROXY: 'true' }))).toMatch(/any client can choose its address/);
    expect(trustProxyWarning(parseEnvironment({ TRUST_PROXY: '10.0.0.1' }))).toBeUndefined();
  });

  it('reads the limits from the environment so a benchmark can raise them', () => {
    const environment = parseEnvironment({ RATE_LIMIT_TRACKING_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' });
    expect(environment.RATE_LIMIT_TRACKING_PER_MINUTE).toBe(100_000);
    expect(environment.RATE_LIMIT_SIGN_IN_PER_MINUTE).toBe(20);
    expect(environment.RATE_LIMIT_TERMINALS_PER_ADDRESS).toBe(10);
    expect(() => parseEnvironment({ RATE_LIMIT_TRACKING_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_TRACKING_PER_MINUTE/);
  });
});
