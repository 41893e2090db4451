import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';

const test = useTestDatabase();
const keys = createTestKeys();
let app: FastifyInstance;

function fakeSpa(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `xinfang-${name}-`));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>${name}</title>`);
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  return root;
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 2 });
  app = await buildApp({
    database: test.handle,
    keys,
    kiosk: { hallUnitCode: '440304', idleWarningSeconds: 60, idleResetSeconds: 90 },
    session: { idleTimeoutMinutes: 30, absoluteTimeoutHours: 12 },
    demoMode: true,
    logLevel: 'silent',
    consoleDist: fakeSpa('console'),
    kioskDist: fakeSpa('kiosk'),
  });
});

afterAll(async () => {
  await app?.close();
});

describe('the HTTP server', () => {
  it('reports health with the database engine and migration version', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: { reachable: true, engine: test.engine === 'postgres' ? 'postgres' : 'pglite-memory', migration: expect.stringMatching(/^\d{14}_/) as unknown },
    });
  });

  it('serves a landing page linking both apps, with security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="/console/"');
    expect(response.body).toContain('href="/kiosk/"');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['/console/', 'console'],
    ['/console/petitions/some-id', 'console'],
    ['/kiosk/', 'kiosk'],
    ['/kiosk/track', 'kiosk'],
  ])('serves the SPA for %s', async (url, name) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`<title>${name}</title>`);
  });

  it('serves hashed assets as immutable and answers 404 for a missing one', async () => {
    const asset = await app.inject({ method: 'GET', url: '/kiosk/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/kiosk/assets/missing.js' })).statusCode).toBe(404);
  });

  it('refuses a state-changing request from another origin', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { origin: 'https://evil.example', host: 'localhost:3000', 'content-type': 'application/json' },
      payload: { username: 'reception', password: 'Demo-reception-2026' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers invalid kiosk input with 422 and Chinese messages per field, storing nothing', async () => {
    const before = await test.db.selectFrom('petitions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/kiosk.submit',
      headers: { 'content-type': 'application/json' },
      payload: { name: '演示访客', mobile: '123', content: '', idempotencyKey: '6f1c1a9e-8a53-4c1e-9d1a-2b7c4a1e9f00' },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json<{ error: { data: { messageZh: string; fieldErrors: Record<string, { zh: string }> } } }>();
    expect(body.error.data.fieldErrors.mobile?.zh).toBe('请输入正确的手机号码（11位，以1开头）');
    expect(body.error.data.fieldErrors.content?.zh).toBe('此项为必填项');
    const after = await test.db.selectFrom('petitions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('signs in over HTTP with an httpOnly SameSite=Strict cookie', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json' },
      payload: { username: 'reception', password: 'Demo-reception-2026' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/xinfang_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });
});
