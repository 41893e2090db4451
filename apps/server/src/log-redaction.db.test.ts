import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './testing/test-app.ts';

const test = useTestDatabase();
const keys = createTestKeys();
const lines: string[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 2 });
  app = await buildTestApp(test.handle, keys, {
    logLevel: 'trace',
    logStream: { write: (line) => lines.push(line) },
  });
});

afterAll(async () => {
  await app?.close();
});

describe('logs', () => {
  it('never carry passwords, session tokens, or personal data from inputs', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json' }, payload: { username: 'reception', password: 'Demo-reception-2026' } });
    const token = String(signIn.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    const cookie = `xinfang_session=${token}`;
    await app.inject({ method: 'GET', url: '/trpc/auth.me', headers: { cookie, authorization: 'Bearer secret-bearer' } });
    const query = encodeURIComponent(JSON.stringify({ idCardNumbers: ['11010519491231002X'], mobiles: ['19900000001'] }));
    await app.inject({ method: 'GET', url: `/trpc/petitions.repeatCandidates?input=${query}`, headers: { cookie } });
    await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json' }, payload: { username: 'reception', password: 'Wrong-password-19900000002' } });
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(4);
    expect(log).toContain('/trpc/petitions.repeatCandidates');
    for (const secret of ['Demo-reception-2026', 'Wrong-password', token, 'secret-bearer', '11010519491231002X', '19900000001', '19900000002', 'input=']) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
