import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { createDatabase, type DatabaseHandle } from '@xinfang/db/database';
import { verifyAuditChains } from '@xinfang/db/repositories/audit';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { terminateOtherBackends } from '@xinfang/db/testing/database-outage';
import { hashPassword } from '@xinfang/security/password';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './testing/test-app.ts';

// Issue 11 §3: the server survives its database. Terminating the backends under load used to end the process (an
// unhandled 'error' on a client a request held); a database that is away must answer 503 in both languages, and the
// server must serve again when it is back, without a restart.

const test = useTestDatabase();
const keys = createTestKeys();
const noLimits = { trackingPerMinute: 1_000_000, signInPerMinute: 1_000_000, publicPerMinute: 1_000_000 };
const apps: FastifyInstance[] = [];
let units: Record<string, string> = {};

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 3 });
  units = Object.fromEntries((await test.db.selectFrom('units').select(['code', 'id']).execute()).map((unit) => [unit.code, unit.id]));
});

afterAll(async () => {
  for (const app of apps) await app.close();
});

async function listen(database: DatabaseHandle): Promise<string> {
  const app = await buildTestApp(database, keys, { rateLimits: noLimits });
  apps.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

interface Reply {
  status: number;
  body: unknown;
}

async function send(baseUrl: string, path: string, init: { method?: 'GET' | 'POST'; body?: unknown; cookie?: string } = {}): Promise<Reply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.cookie ? { cookie: init.cookie } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the failure message
  }
  return { status: response.status, body };
}

async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

const kioskSubmission = () => ({
  name: '演示访客',
  idNumber: '11010519491231002X',
  mobile: '199-0000-9999',
  content: '【测试数据】楼下餐馆油烟很大，影响生活。',
  idempotencyKey: randomUUID(),
  consent: true,
});

const registration = () => ({
  channel: 'visit',
  receivedAt: new Date().toISOString(),
  hallUnitId: units['440304'],
  streetUnitId: units['440304001000'],
  summary: '小区电梯长期故障',
  content: '【测试数据】小区电梯长期故障无人维修，物业不予处理。',
  persons: [{ name: '测试信访人', idCardNumber: '11010519491231002X', mobile: '19900001234' }],
  idempotencyKey: randomUUID(),
});

const listPath = `/trpc/petitions.list?input=${encodeURIComponent('{}')}`;

/** The bilingual 503 every caller gets while the database is away. */
function expectUnavailable(reply: Reply) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(503);
  expect(JSON.stringify(reply.body)).toContain('server.unavailable');
  expect(JSON.stringify(reply.body)).toContain('数据库暂时无法连接');
  expect(JSON.stringify(reply.body)).not.toMatch(/stack|57P01|ECONN|terminat/i);
}

/** A database that fails every statement with `failure` while it is set (a Kysely plugin over the test database). */
function switchableDatabase(): { handle: DatabaseHandle; fail: (failure: (() => Error) | undefined) => void } {
  let failure: (() => Error) | undefined;
  const db = test.db.withPlugin({
    transformQuery: ({ node }) => {
      if (failure) throw failure();
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  });
  return { handle: { ...test.handle, db }, fail: (next) => (failure = next) };
}

const withCode = (message: string, code: string) => () => Object.assign(new Error(message), { code });

describe('while the database is away', () => {
  it.each([
    ['a terminated backend (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting up or shutting down (57P03)', withCode('the database system is shutting down', '57P03')],
    ['a broken connection (08006)', withCode('connection failure', '08006')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a connection ended under a query', () => new Error('Connection terminated unexpectedly')],
    ['no connection in time', () => new Error('timeout exceeded when trying to connect')],
  ])('answers 503 in both languages for %s (queries, mutations, /health) and serves again when it is back', async (_label, failure) => {
    const switchable = switchableDatabase();
    const baseUrl = await listen(switchable.handle);
    const cookie = await signIn(baseUrl, 'reception', 'Demo-reception-2026');
    expect((await send(baseUrl, listPath, { cookie })).status).toBe(200);

    switchable.fail(failure);
    expectUnavailable(await send(baseUrl, listPath, { cookie }));
    expectUnavailable(await send(baseUrl, '/trpc/kiosk.submit', { method: 'POST', body: kioskSubmission() }));
    expectUnavailable(await send(baseUrl, '/trpc/petitions.register', { method: 'POST', body: registration(), cookie }));
    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(await health.json()).toMatchObject({ status: 'unavailable', database: { reachable: false }, error: { messageCode: 'server.unavailable', messageZh: '数据库暂时无法连接，请稍后再试' } });

    switchable.fail(undefined);
    expect((await send(baseUrl, '/health')).status).toBe(200);
    expect((await send(baseUrl, listPath, { cookie })).status).toBe(200);
    expect((await send(baseUrl, '/trpc/kiosk.submit', { method: 'POST', body: kioskSubmission() })).status).toBe(200);
  });

  it('still answers 500 (not 503) for a fault that is not about the connection', async () => {
    const switchable = switchableDatabase();
    const baseUrl = await listen(switchable.handle);
    const cookie = await signIn(baseUrl, 'reception', 'Demo-reception-2026');
    switchable.fail(withCode('duplicate key value violates unique constraint', '23505'));
    const reply = await send(baseUrl, listPath, { cookie });
    expect(reply.status).toBe(500);
    expect(JSON.stringify(reply.body)).toContain('server.error');
    switchable.fail(undefined);
  });
});

/** A TCP relay to the PostgreSQL server that can be cut (every connection reset, new ones refused) and restored. */
async function startRelay(target: URL): Promise<{ port: number; cut: () => void; restore: () => void; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('relay did not listen');
  return {
    port: address.port,
    cut: () => {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => {
      down = false;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe.skipIf(test.engine !== 'postgres')('on a real PostgreSQL server (PGlite runs in this process: there is no backend to lose)', () => {
  it('keeps serving while the backends are terminated under load, and leaves nothing half-written', async () => {
    const baseUrl = await listen(test.handle);
    const cookie = await signIn(baseUrl, 'reception', 'Demo-reception-2026');
    const before = new Set((await test.db.selectFrom('petitions').select('id').execute()).map((row) => row.id));

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const unexpected: string[] = [];
    const receipts: string[] = [];
    let running = true;
    const record = (what: string, reply: Reply) => {
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      if (reply.status !== 200 && reply.status !== 503) unexpected.push(`${what} ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
      if (reply.status === 503) expectUnavailable(reply);
    };
    const worker = async (what: string, call: () => Promise<Reply>) => {
      while (running) {
        try {
          const reply = await call();
          record(what, reply);
          if (what === 'kiosk' && reply.status === 200) receipts.push((reply.body as { result: { data: { trackingCode: string } } }).result.data.trackingCode);
        } catch (error) {
          failures.push(`${what}: ${String(error)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    const load = Promise.all([
      ...Array.from({ length: 4 }, () => worker('kiosk', () => send(baseUrl, '/trpc/kiosk.submit', { method: 'POST', body: kioskSubmission() }))),
      ...Array.from({ length: 2 }, () => worker('register', () => send(baseUrl, '/trpc/petitions.register', { method: 'POST', body: registration(), cookie }))),
      worker('list', () => send(baseUrl, listPath, { cookie })),
      worker('health', () => send(baseUrl, '/health')),
    ]);

    const terminated: number[] = [];
    try {
      for (let round = 0; round < 4; round++) {
        await new Promise((resolve) => setTimeout(resolve, 700));
        terminated.push(await terminateOtherBackends(test.databaseUrl!));
      }
      await new Promise((resolve) => setTimeout(resolve, 700));
    } finally {
      running = false;
      await load;
    }

    expect(terminated.some((count) => count > 0), `backends terminated per round: ${terminated.join(', ')}`).toBe(true);
    expect(failures, 'requests that got no HTTP answer').toEqual([]);
    expect(unexpected, `statuses ${JSON.stringify([...statuses])}`).toEqual([]);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(20);

    // serving again, without a restart
    expect((await send(baseUrl, '/health')).status).toBe(200);
    expect((await send(baseUrl, listPath, { cookie })).status).toBe(200);
    expect((await send(baseUrl, '/trpc/kiosk.submit', { method: 'POST', body: kioskSubmission() })).status).toBe(200);
    expect((await send(baseUrl, '/trpc/petitions.register', { method: 'POST', body: registration(), cookie })).status).toBe(200);

    // nothing half-written: every new petition has its first event and its audit record, every receipt its petition
    const created = (await test.db.selectFrom('petitions').select(['id', 'tracking_code']).execute()).filter((row) => !before.has(row.id));
    expect(created.length).toBeGreaterThan(0);
    const withEvents = new Set((await test.db.selectFrom('petition_events').select('petition_id').distinct().execute()).map((row) => row.petition_id));
    const audited = new Set(
      (await test.db.selectFrom('audit_log').select('target_id').where('action', 'in', ['kiosk.submit', 'petition.register', 'petition.registered']).execute()).map((row) => row.target_id),
    );
    expect(created.filter((row) => !withEvents.has(row.id))).toEqual([]);
    expect(created.filter((row) => !audited.has(row.id))).toEqual([]);
    const codes = new Set(created.map((row) => row.tracking_code));
    expect(receipts.filter((code) => !codes.has(code))).toEqual([]);
    expect(await verifyAuditChains(test.db)).toMatchObject({ firstBrokenRowId: undefined });
  }, 60_000);

  it('answers 503 while the server cannot be reached at all, and serves again when it is back', async () => {
    const target = new URL(test.databaseUrl!);
    const relay = await startRelay(target);
    const relayed = new URL(target);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    const database = await createDatabase({ engine: 'postgres', databaseUrl: relayed.toString(), poolSize: 3, connectTimeoutMs: 2_000 });
    try {
      const baseUrl = await listen(database);
      const cookie = await signIn(baseUrl, 'reception', 'Demo-reception-2026');
      expect((await send(baseUrl, listPath, { cookie })).status).toBe(200);

      relay.cut();
      expectUnavailable(await send(baseUrl, listPath, { cookie }));
      expectUnavailable(await send(baseUrl, '/trpc/kiosk.submit', { method: 'POST', body: kioskSubmission() }));
      const health = await send(baseUrl, '/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'unavailable', error: { messageCode: 'server.unavailable' } });

      relay.restore();
      expect((await send(baseUrl, '/health')).status).toBe(200);
      expect((await send(baseUrl, listPath, { cookie })).status).toBe(200);
      expect((await send(baseUrl, '/trpc/kiosk.submit', { method: 'POST', body: kioskSubmission() })).status).toBe(200);
    } finally {
      await apps.pop()?.close();
      await database.close();
      await relay.close();
    }
  });
});
