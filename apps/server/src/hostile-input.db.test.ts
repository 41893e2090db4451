import { randomUUID } from 'node:crypto';
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
  '楼下餐馆油烟很大，\u0000影响生活。',
  '楼下餐馆油烟很大，\ud800影响生活。',
  '\udc00楼下餐馆油烟很大',
  '王\ud869',
  '0000-01-01T00:00:00Z',
  '2026-01-01T00:00:00+23:59',
  'infinity',
  '-infinity',
  'epoch',
];

/** Any single UTF-16 code unit: lone surrogates and every control character come up (fast-check's `binary` pairs them). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
/** A character the text schema refuses: a control character other than tab, CR and LF, or half a surrogate pair. */
const unsafeCharacter = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }).filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  )
  .map((code) => String.fromCharCode(code));
/** Text that would pass every other check of a field, with one unsafe character put somewhere inside it. */
function poisoned(text: string): fc.Arbitrary<string> {
  return fc.tuple(unsafeCharacter, fc.nat()).map(([character, position]) => {
    const at = position % (text.length + 1);
    return text.slice(0, at) + character + text.slice(at);
  });
}
/** A keyset cursor's instant that is no storable instant: junk, year 0, offsets no zone has, impossible days, numbers. */
const junkInstant = fc.oneof(
  fc.constantFrom(
    'junk',
    '',
    '0000-01-01T00:00:00Z',
    '2026-01-01T00:00:00+23:59',
    '2026-02-30T00:00:00Z',
    '2026-01-01',
    'infinity',
    'now',
    'epoch',
    '2026-01-01T00:00:00Z\u0000',
  ),
  fc.string({ unit: codeUnit, maxLength: 40 }).filter((text) => Number.isNaN(Date.parse(text))),
  fc.integer(),
  fc.constant(null),
);

const hostileString = fc.oneof(
  fc.constantFrom(...payloads),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: codeUnit, maxLength: 100 }),
  poisoned('楼下餐馆油烟很大，影响生活。'),
);
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
      // the only rows a refused call may leave are the audit log's records of the refusal — and, when a generated input
      // happens to be a valid read of health data (a care-form list), the audit record every such read gets
      const added = await test.db.selectFrom('audit_log').select(['action', 'details']).orderBy('id').offset(auditBefore).execute();
      for (const row of added) {
        const outcome = (row.details as { outcome?: string }).outcome;
        const auditedRead = /^(read|list):/.test(row.action) && procedure.path.startsWith('records.');
        expect(row.action === 'auth.signIn.failed' || auditedRead || (row.action.startsWith('call:') && outcome !== 'ok'), `${row.action} ${outcome}`).toBe(true);
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

function procedureAt(path: string): ProcedureInfo {
  const procedure = procedures.find((candidate) => candidate.path === path);
  if (!procedure) throw new Error(`no procedure ${path}`);
  return procedure;
}

function cookieOf(username: string): string {
  const cookie = cookies.get(username);
  if (!cookie) throw new Error(`${username} is not signed in`);
  return cookie;
}

interface ErrorBody {
  error: {
    message: string;
    data?: {
      messageCode?: string;
      messageZh?: string;
      fieldErrors?: Record<string, { code: string; zh: string }> | null;
    };
  };
}

const unitIds: Record<string, string> = {};
const validKiosk = {
  name: '演示访客',
  idNumber: '11010519491231002X',
  mobile: '19900009999',
  content: '楼下餐馆油烟很大，影响生活。',
  consent: true,
} as const;
const kioskInput = (change: Record<string, unknown>) =>
  fc.uuid({ version: 4 }).map((idempotencyKey) => ({ ...validKiosk, idempotencyKey, ...change }));
const registration = (change: Record<string, unknown>) =>
  fc.uuid({ version: 4 }).map((idempotencyKey) => ({
    channel: 'letter',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    hallUnitId: unitIds['440304'],
    summary: '小区电梯长期故障',
    content: '【测试数据】小区电梯长期故障无人维修。',
    persons: [{ name: '测试信访人' }],
    idempotencyKey,
    ...change,
  }));
const someId = '00000000-0000-4000-8000-000000000001';

/**
 * Requests that are valid but for one part: a text field carrying a control character or half a surrogate pair, a
 * keyset cursor whose instant is junk, a receipt date outside the allowed range. Each of these reached the database
 * (or the clock rules) and came back as a 500.
 */
const aimedCases: [string, string, () => fc.Arbitrary<unknown>][] = [
  ['kiosk.submit', 'name', () => poisoned('演示访客').chain((name) => kioskInput({ name }))],
  ['kiosk.submit', 'content', () => poisoned(validKiosk.content).chain((content) => kioskInput({ content }))],
  ['kiosk.submit', 'address', () => poisoned('演示路1号').chain((address) => kioskInput({ address }))],
  ['kiosk.submit', 'about', () => poisoned('楼下某餐馆').chain((about) => kioskInput({ about }))],
  ['kiosk.submit', 'request', () => poisoned('请求督促整改').chain((request) => kioskInput({ request }))],
  [
    'kiosk.submit',
    'organisationName',
    () =>
      poisoned('演示物业服务中心').chain((organisationName) =>
        kioskInput({ petitionerKind: 'organisation', organisationName }),
      ),
  ],
  [
    'kiosk.submit',
    'representatives.0.name',
    () =>
      poisoned('代表甲').chain((name) =>
        kioskInput({ collective: true, headcount: 3, representatives: [{ name }] }),
      ),
  ],
  ['petitions.queue', 'search', () => poisoned('电梯').map((search) => ({ search }))],
  ['petitions.queueCounts', 'search', () => poisoned('电梯').map((search) => ({ search }))],
  ['petitions.exportQueue', 'search', () => poisoned('电梯').map((search) => ({ search }))],
  ['search.petitions', 'text', () => poisoned('电梯').map((text) => ({ text }))],
  [
    'petitions.queue',
    'after.dueAt',
    () => junkInstant.filter((dueAt) => dueAt !== null).map((dueAt) => ({ after: { dueAt, id: someId } })),
  ],
  [
    'petitions.exportQueue',
    'after.dueAt',
    () => junkInstant.filter((dueAt) => dueAt !== null).map((dueAt) => ({ after: { dueAt, id: someId } })),
  ],
  [
    'petitions.list',
    'after.receivedAt',
    () => junkInstant.map((receivedAt) => ({ after: { receivedAt, id: someId } })),
  ],
  [
    'petitions.register',
    'summary',
    () => poisoned('小区电梯长期故障').chain((summary) => registration({ summary })),
  ],
  [
    'petitions.register',
    'content',
    () => poisoned('【测试数据】小区电梯长期故障无人维修。').chain((content) => registration({ content })),
  ],
  [
    'petitions.register',
    'persons.0.name',
    () => poisoned('测试信访人').chain((name) => registration({ persons: [{ name }] })),
  ],
  [
    'petitions.register',
    'receivedAt',
    () =>
      junkInstant.chain((receivedAt) =>
        fc.constantFrom('letter', 'visit').chain((channel) => registration({ channel, receivedAt })),
      ),
  ],
  [
    'petitions.register',
    'receivedAt (out of range)',
    () =>
      fc
        .oneof(
          fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T15:59:59Z') }),
          fc.date({ min: new Date(Date.now() + 3_600_000), max: new Date('2999-12-31T00:00:00Z') }),
        )
        .filter((date) => !Number.isNaN(date.getTime()))
        .chain((date) =>
          fc
            .constantFrom('letter', 'visit')
            .chain((channel) => registration({ channel, receivedAt: date.toISOString() })),
        ),
  ],
];

describe('valid requests but for one hostile part', () => {
  beforeAll(async () => {
    for (const code of ['440304', '440304D01'])
      unitIds[code] = (
        await test.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()
      ).id;
  });

  it.each(aimedCases)(
    '%s with a hostile %s: a clear 4xx, and no row changed',
    async (path, _field, input) => {
      const procedure = procedureAt(path);
      const before = await countRows();
      const auditBefore = before.audit_log ?? 0;
      await fc.assert(
        fc.asyncProperty(input(), async (hostile) => {
          const response = await send(procedure, hostile, cookieFor(procedure.permission));
          expect(
            response.statusCode,
            `${path}: ${JSON.stringify(hostile).slice(0, 200)} → ${response.body.slice(0, 300)}`,
          ).toBeGreaterThanOrEqual(400);
          expectClearRefusal(response, procedure, hostile);
        }),
        { numRuns: 25 },
      );
      expect({ ...(await countRows()), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
      const added = await test.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .orderBy('id')
        .offset(auditBefore)
        .execute();
      for (const row of added)
        expect(
          row.action.startsWith('call:') && (row.details as { outcome?: string }).outcome !== 'ok',
          row.action,
        ).toBe(true);
    },
  );

  it('accepts rare name characters beyond the BMP (生僻字, CJK Extension B) at the kiosk and stores them as typed', async () => {
    const rareCharacter = fc
      .integer({ min: 0x20000, max: 0x2a6df })
      .map((codePoint) => String.fromCodePoint(codePoint));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: rareCharacter, minLength: 1, maxLength: 3 }),
        fc.constantFrom('', '王', '欧阳'),
        fc.uuid({ version: 4 }),
        async (given, surname, idempotencyKey) => {
          const name = surname + given;
          const response = await send(
            procedureAt('kiosk.submit'),
            { ...validKiosk, name, idempotencyKey },
            undefined,
          );
          expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
          const stored = await test.db
            .selectFrom('petitions as p')
            .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
            .select('pr.name')
            .where('p.idempotency_key', '=', idempotencyKey)
            .executeTakeFirstOrThrow();
          expect(stored.name).toBe(name);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('answers a kiosk idempotency key reused with another submission with 409, and the same submission with its receipt', async () => {
    const submit = procedureAt('kiosk.submit');
    const idempotencyKey = randomUUID();
    const first = await send(submit, { ...validKiosk, idempotencyKey }, undefined);
    expect(first.statusCode).toBe(200);
    const again = await send(submit, { ...validKiosk, idempotencyKey }, undefined);
    expect(again.json()).toEqual(first.json());
    const other = await send(
      submit,
      { ...validKiosk, idempotencyKey, content: '另一位访客的另一件事：路灯不亮。' },
      undefined,
    );
    expect(other.statusCode).toBe(409);
    expect(other.body).not.toContain(
      first.json<{ result: { data: { trackingCode: string } } }>().result.data.trackingCode,
    );
    expect(other.json<ErrorBody>().error.data).toMatchObject({
      messageCode: 'kiosk.idempotencyKeyReused',
      messageZh: expect.stringMatching(/\p{Script=Han}/u),
    });
  });
});

describe('methods tRPC does not serve', () => {
  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const)(
    '%s on /trpc/* is 405 with the methods allowed, never a 5xx',
    async (method) => {
      for (const url of [
        '/trpc/kiosk.submit',
        '/trpc/petitions.list',
        '/trpc/auth.signIn,kiosk.places',
        '/trpc/no.such.procedure',
        '/trpc/%6biosk.submit',
      ]) {
        const response = await app.inject({ method, url, headers: { cookie: cookieOf('reception') } });
        expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 200)}`).toBe(405);
        expect(response.headers.allow).toBe('GET, POST');
        expect(response.json<{ error: { messageZh: string } }>().error.messageZh).toMatch(/\p{Script=Han}/u);
      }
    },
  );
});

describe('dates the rules refuse answer 4xx, named by field', () => {
  async function act(
    username: string,
    path: string,
    input: Record<string, unknown>,
  ): Promise<LightMyRequestResponse> {
    return send(procedureAt(path), input, cookieOf(username));
  }
  const dataOf = <T>(response: LightMyRequestResponse) =>
    response.json<{ result: { data: T } }>().result.data;
  // which 4xx a rule answers with (400, 409, 422) is the error mapping's business; that it is a 4xx naming the rule is this test's
  const isClientError = (response: LightMyRequestResponse) => response.statusCode >= 400 && response.statusCode < 500;
  const fieldErrorOf = (response: LightMyRequestResponse, field: string) =>
    response.json<ErrorBody>().error.data?.fieldErrors?.[field]?.code;

  it.each([
    ['before 2000-01-01 (Shanghai)', '1999-12-31T23:30:00+08:00', 'workflow.receivedTooEarly'],
    ['later than now', new Date(Date.now() + 2 * 86_400_000).toISOString(), 'workflow.receivedInFuture'],
  ])('a matter received %s is a receivedAt error', async (_, receivedAt, code) => {
    for (const channel of ['letter', 'visit']) {
      const before = await countRows();
      const response = await act(
        'reception',
        'petitions.register',
        fc.sample(registration({ channel, receivedAt }), 1)[0] as Record<string, unknown>,
      );
      expect(isClientError(response), response.body.slice(0, 300)).toBe(true);
      expect(fieldErrorOf(response, 'receivedAt')).toBe(code);
      expect({ ...(await countRows()), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    }
  });

  it('a delivery (登记送达) cannot precede the reply or lie in the future, is recorded once, and is corrected by its own audited action', async () => {
    const registered = await act(
      'reception',
      'petitions.register',
      fc.sample(registration({}), 1)[0] as Record<string, unknown>,
    );
    expect(registered.statusCode, registered.body.slice(0, 300)).toBe(200);
    const { id: petitionId } = dataOf<{ id: string }>(registered);
    let version = 1;
    const step = async (username: string, path: string, input: Record<string, unknown>) => {
      const response = await act(username, path, { petitionId, expectedVersion: version, ...input });
      if (response.statusCode === 200) version = dataOf<{ version: number }>(response).version;
      return response;
    };
    const me = await app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      headers: { cookie: cookieOf('handler') },
    });
    const handlerId = me.json<{ result: { data: { staffId: string } } }>().result.data.staffId;
    for (const [username, path, input] of [
      [
        'lawyer',
        'petitions.triage',
        {
          petitionClass: 'claim',
          claimRoute: 'petitionProcedure',
          canHandle: true,
          guidance: '可按信访程序办理',
        },
      ],
      ['reception', 'petitions.route', { unitId: unitIds['440304D01'], mode: 'transfer' }],
      [
        'handler',
        'petitions.acknowledgeReceipt',
        { noticeText: '已受理', noticeGivenAt: new Date().toISOString() },
      ],
      ['handler', 'petitions.startHandling', { handlerStaffId: handlerId }],
      [
        'handler',
        'petitions.reply',
        { outcome: 'support', facts: '经查属实', legalBasis: '《信访工作条例》第三十二条' },
      ],
    ] as const) {
      const response = await step(username, path, input);
      expect(response.statusCode, `${path}: ${response.body.slice(0, 300)}`).toBe(200);
    }
    const day = 86_400_000;
    const tomorrow = await step('handler', 'petitions.recordDelivery', {
      document: 'reply',
      deliveredAt: new Date(Date.now() + day).toISOString(),
    });
    expect([isClientError(tomorrow), fieldErrorOf(tomorrow, 'deliveredAt')]).toEqual([true, 'workflow.delivery.inFuture']);
    const yesterday = await step('handler', 'petitions.recordDelivery', {
      document: 'reply',
      deliveredAt: new Date(Date.now() - day).toISOString(),
    });
    expect([isClientError(yesterday), fieldErrorOf(yesterday, 'deliveredAt')]).toEqual([true, 'workflow.delivery.beforeIssued']);
    const junk = await step('handler', 'petitions.recordDelivery', {
      document: 'reply',
      deliveredAt: '0000-01-01T00:00:00Z',
    });
    expect([isClientError(junk), fieldErrorOf(junk, 'deliveredAt')]).toEqual([true, 'validation.instant.invalid']);
    expect(
      (
        await step('handler', 'petitions.recordDelivery', {
          document: 'reply',
          deliveredAt: new Date().toISOString(),
        })
      ).statusCode,
    ).toBe(200);
    const twice = await step('handler', 'petitions.recordDelivery', {
      document: 'reply',
      deliveredAt: new Date().toISOString(),
    });
    expect([isClientError(twice), twice.json<ErrorBody>().error.data?.messageCode]).toEqual([true, 'workflow.delivery.alreadyRecorded']);
    const corrected = await step('handler', 'petitions.correctDelivery', {
      document: 'reply',
      deliveredAt: new Date().toISOString(),
      reason: '送达回证上的时间登记有误',
    });
    expect(corrected.statusCode, corrected.body.slice(0, 300)).toBe(200);
    const events = await test.db
      .selectFrom('petition_events')
      .select('type')
      .where('petition_id', '=', petitionId)
      .orderBy('sequence')
      .execute();
    expect(events.map((event) => event.type).slice(-2)).toEqual(['deliveryRecorded', 'deliveryCorrected']);
    const audit = await test.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'call:petitions.correctDelivery')
      .where('target_id', '=', petitionId)
      .execute();
    expect(audit.map((row) => (row.details as { outcome?: string }).outcome)).toEqual(['ok']);
  });
});
