import { appRouter } from '@xinfang/api';
import { demoAccounts, seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { roleHasPermission, type Permission } from '@xinfang/domain/permissions';
import { hashPassword } from '@xinfang/security/password';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './testing/test-app.ts';

const test = useTestDatabase();
const keys = createTestKeys();
let app: FastifyInstance;
const cookies = new Map<string, string>();

interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  permission: Permission | 'public';
  inputKeys: string[];
  hasInput: boolean;
  /** Whether the procedure's own input schema accepts a value (a valid request is not hostile). */
  accepts: (input: unknown) => boolean;
}

/** Every procedure of the router, with the keys its input object expects (to aim hostile values at real fields). */
const procedures: ProcedureInfo[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureInfo['type']; meta?: { permission: ProcedureInfo['permission'] }; inputs: unknown[] } }>,
).map(([path, procedure]) => {
  const input = procedure._def.inputs[0] as
    | { shape?: Record<string, unknown>; unwrap?: () => { shape?: Record<string, unknown> }; safeParse: (value: unknown) => { success: boolean } }
    | undefined;
  const shape = input?.shape ?? input?.unwrap?.().shape;
  return {
    path,
    type: procedure._def.type,
    permission: procedure._def.meta!.permission,
    inputKeys: Object.keys(shape ?? {}),
    hasInput: procedure._def.inputs.length > 0,
    accepts: (value: unknown) => (input ? input.safeParse(value).success : true),
  };
});

const payloads = [
  "' OR '1'='1' --",
  "'; DROP TABLE petitions; --",
  '1; SELECT pg_sleep(10)',
  "\\'; update staff set role='administrator' --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '\u0000',
  '\u0000\u0001\u0007\u001b[2J',
  '\u202e\u2066evil\u2069',
  '\ud800',
  '\uffff\ufffe',
  '\u200b\u200c\u200d\ufeff',
  'Z̸̢̛̛̗͔̝͙͍̠̝̼̲͈̫̏̂͐͛̈́͊̀̓̆̑́̕͝ͅa̵͇̿l̵g̸o',
  '𠜎𠜱𠝹𠱓'.repeat(500),
  'A'.repeat(200_000),
  '1'.repeat(18),
  '__proto__',
  '%00%27%22',
  'NaN',
];

const hostileString = fc.oneof(fc.constantFrom(...payloads), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }));
const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', ''), hostileString);
const { value: hostileValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
}));

/**
 * Hostile input for a procedure: anything at all, or its own field names holding hostile values. For a mutation,
 * only input its schema refuses (a valid submission that happens to quote SQL is a legitimate submission).
 */
function hostileInputFor(procedure: ProcedureInfo): fc.Arbitrary<unknown> {
  const aimed = fc.record(Object.fromEntries(procedure.inputKeys.map((key) => [key, hostileValue])), { requiredKeys: [] });
  const anything = procedure.inputKeys.length === 0 ? hostileValue : fc.oneof(hostileValue, aimed);
  return procedure.type === 'mutation' && procedure.hasInput ? anything.filter((input) => !procedure.accepts(input)) : anything;
}

async function send(procedure: ProcedureInfo, input: unknown, cookie: string | undefined): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (procedure.type === 'query') {
    return app.inject({ method: 'GET', url: `/trpc/${procedure.path}?input=${encodeURIComponent(JSON.stringify(input) ?? '')}`, headers });
  }
  return app.inject({ method: 'POST', url: `/trpc/${procedure.path}`, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(input) ?? 'null' });
}

/** Rows per table: a refused request must change none (audit rows of the refusal itself are checked apart). */
async function countRows(): Promise<Record<string, number>> {
  const tables = (await test.db.introspection.getTables()).filter((table) => !table.isView && !table.name.startsWith('kysely_'));
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await test.db
      .selectFrom(table.name as 'staff')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table.name] = Number(row.n);
  }
  return counts;
}

function cookieFor(permission: ProcedureInfo['permission']): string | undefined {
  if (permission === 'public') return undefined;
  const account = demoAccounts.find((candidate) => candidate.username !== 'street-officer' && roleHasPermission(candidate.role, permission));
  return account ? cookies.get(account.username) : undefined;
}

function expectClearRefusal(response: LightMyRequestResponse, procedure: ProcedureInfo, input: unknown): void {
  expect(response.statusCode, `${procedure.path}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode < 400) {
    // only input the schema accepts (a query's filters may all be optional), or a procedure without input, gets an answer
    expect(procedure.accepts(input), `${procedure.path} accepted input its schema refuses`).toBe(true);
    return;
  }
  const body = response.json<{ error: { message: string; data?: { messageZh?: string | null } } }>();
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.data?.messageZh, `${procedure.path} has no Chinese message`).toBeTruthy();
  expect(response.body).not.toMatch(/at .*\.ts:\d+|node_modules|stack/);
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 5 });
  app = await buildTestApp(test.handle, keys, {
    rateLimits: { trackingPerMinute: 1_000_000, signInPerMinute: 1_000_000, publicPerMinute: 1_000_000 },
  });
  for (const account of demoAccounts) {
    const response = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: { 'content-type': 'application/json' }, payload: { username: account.username, password: account.password } });
    expect(response.statusCode).toBe(200);
    const setCookie = response.headers['set-cookie'];
    cookies.set(account.username, String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!);
  }
});

afterAll(async () => {
  await app?.close();
});

describe('hostile input through the HTTP server', () => {
  it('covers every procedure of the router', () => {
    expect(procedures.length).toBeGreaterThan(5);
    for (const procedure of procedures) if (procedure.permission !== 'public') expect(cookieFor(procedure.permission), `no demo account may call ${procedure.path}`).toBeDefined();
  });

  it.each(procedures.filter((procedure) => procedure.path !== 'auth.signOut').map((procedure) => [procedure.path, procedure] as const))(
    '%s: a clear 4xx, never a 5xx, and no row changed',
    async (_path, procedure) => {
      const before = await countRows();
      const auditBefore = before.audit_log ?? 0;
      await fc.assert(
        fc.asyncProperty(hostileInputFor(procedure), async (input) => {
          expectClearRefusal(await send(procedure, input, cookieFor(procedure.permission)), procedure, input);
        }),
        { numRuns: 40 },
      );
      const after = await countRows();
      expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
      // the only rows a refused call may leave are the audit log's records of the refusal
      const added = await test.db.selectFrom('audit_log').select(['action', 'details']).orderBy('id').offset(auditBefore).execute();
      for (const row of added) {
        const outcome = (row.details as { outcome?: string }).outcome;
        expect(row.action === 'auth.signIn.failed' || (row.action.startsWith('call:') && outcome !== 'ok'), `${row.action} ${outcome}`).toBe(true);
      }
    },
  );

  it('refuses malformed bodies, unknown procedures and huge bodies with a clear 4xx', async () => {
    const cases = [
      { method: 'POST', url: '/trpc/kiosk.submit', headers: { 'content-type': 'application/json' }, payload: '{"name": ' },
      { method: 'POST', url: '/trpc/kiosk.submit', headers: { 'content-type': 'text/plain' }, payload: 'name=x' },
      { method: 'POST', url: '/trpc/kiosk.submit', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ content: 'x'.repeat(3_000_000) }) },
      { method: 'GET', url: '/trpc/kiosk.submit?input=%7B%22a' },
      { method: 'GET', url: "/trpc/petitions.list';drop table staff;--" },
      { method: 'POST', url: '/trpc/no.such.procedure', headers: { 'content-type': 'application/json' }, payload: '{}' },
    ] as const;
    const before = await countRows();
    for (const request of cases) {
      const response = await app.inject(request);
      expect(response.statusCode, `${request.url}: ${response.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      const body = response.json<{ error: { message: string; messageZh?: string; data?: { messageZh?: string } } }>();
      expect(body.error.messageZh ?? body.error.data?.messageZh).toBeTruthy();
    }
    expect(await countRows()).toEqual(before);
  });

  it.each(['null', 'not a url', 'https://evil.example', 'http://[::1'])('refuses a state-changing request with Origin %s', async (origin) => {
    const response = await app.inject({ method: 'POST', url: '/trpc/kiosk.submit', headers: { origin, 'content-type': 'application/json' }, payload: '{}' });
    expect(response.statusCode).toBe(403);
  });

  it('answers 413 with a bilingual message for a body over the limit', async () => {
    const response = await app.inject({ method: 'POST', url: '/trpc/kiosk.submit', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ content: 'x'.repeat(3_000_000) }) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { messageCode: 'request.tooLarge', messageZh: '提交的内容过大' } });
  });
});
