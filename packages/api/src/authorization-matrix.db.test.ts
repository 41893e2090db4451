import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { seedDemoData, demoAccounts } from '@xinfang/db/seed';
import { ensureStaff } from '@xinfang/db/repositories/staff';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { isDomainError } from '@xinfang/domain/errors';
import { Role } from '@xinfang/domain/staff';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { authorizationMatrix, expandAuthorizationMatrix, expectedRoleDecision } from './authorization-matrix.ts';
import { appRouter } from './router.ts';
import { createTestContext, submitAtStreetKiosk } from './testing/test-context.ts';
import type { ProcedureMeta } from './trpc.ts';

const test = useTestDatabase();
const keys = createTestKeys();
const nanyuan = '440304001000';
const yuanling = '440304002000';
const department = '440304D01';
const strongPassword = 'Matrix-test-password-2026';

type Caller = ReturnType<typeof createTestContext>['caller'];

/** The procedures of the router, by dotted path, with their meta. */
function listProcedures(): { path: string; meta: ProcedureMeta | undefined; type: string }[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta; type: string } }>;
  return Object.entries(procedures).map(([path, procedure]) => ({ path, meta: procedure._def.meta, type: procedure._def.type }));
}

async function call(caller: Caller, path: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; code: string; messageCode: string | undefined }> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  try {
    return { ok: true, value: await (target as (input: unknown) => Promise<unknown>)(input) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, messageCode: isDomainError(error.cause) ? error.cause.code : undefined };
  }
}

async function signedIn(username: string, password: string): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys);
  await caller.auth.signIn({ username, password });
  return caller;
}

const callers = new Map<Role, Caller>();

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 30 });
  for (const role of Role.options) {
    const account = demoAccounts.find((candidate) => candidate.role === role)!;
    callers.set(role, await signedIn(account.username, account.password));
  }
});

describe('deny by default', () => {
  it('every procedure declares a permission, and it is the one in the matrix', () => {
    const procedures = listProcedures();
    expect(procedures.length).toBeGreaterThan(0);
    const undeclared = procedures.filter((procedure) => !procedure.meta?.permission).map((procedure) => procedure.path);
    expect(undeclared, 'procedures without a declared permission').toEqual([]);
    const missingRows = procedures.filter((procedure) => !authorizationMatrix[procedure.path]).map((procedure) => procedure.path);
    expect(missingRows, 'procedures without a row in authorization-matrix.ts').toEqual([]);
    const mismatched = procedures
      .filter((procedure) => authorizationMatrix[procedure.path] && authorizationMatrix[procedure.path]!.permission !== procedure.meta?.permission)
      .map((procedure) => `${procedure.path}: declares ${procedure.meta?.permission}, matrix says ${authorizationMatrix[procedure.path]!.permission}`);
    expect(mismatched).toEqual([]);
  });

  it('has no rows for procedures that no longer exist', () => {
    const paths = new Set(listProcedures().map((procedure) => procedure.path));
    expect(Object.keys(authorizationMatrix).filter((path) => !paths.has(path))).toEqual([]);
  });

  it('expands to procedure × role × jurisdiction', () => {
    const table = expandAuthorizationMatrix();
    expect(table).toHaveLength(Object.keys(authorizationMatrix).length * Role.options.length * 2);
    expect(table.find((row) => row.procedure === 'privacy.reveal' && row.role === 'statistician' && row.jurisdiction === 'in')?.decision).toBe('denied');
    expect(table.find((row) => row.procedure === 'privacy.reveal' && row.role === 'lawyer' && row.jurisdiction === 'out')?.decision).toBe('denied');
  });
});

describe('roles: real calls on a real database', () => {
  it('refuses every staff procedure without a session', async () => {
    const { caller } = createTestContext(test.db, keys);
    for (const { path, meta } of listProcedures()) {
      if (meta?.permission === 'public') continue;
      const result = await call(caller, path, undefined);
      expect(result, path).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    }
  });

  it('lets anyone reach the public procedures', async () => {
    const { caller } = createTestContext(test.db, keys);
    for (const { path, meta } of listProcedures()) {
      if (meta?.permission !== 'public') continue;
      const result = await call(caller, path, undefined);
      if (!result.ok) expect(['UNAUTHORIZED', 'FORBIDDEN'], `${path} answered ${result.code}`).not.toContain(result.code);
    }
  });

  it.each(Role.options)('%s: each staff procedure allows or refuses as the matrix says', async (role) => {
    const caller = callers.get(role)!;
    const wrong: string[] = [];
    for (const { path, meta } of listProcedures()) {
      if (meta?.permission === 'public') continue;
      // no input: an allowed role gets past the permission check and stops at validation (or gets an answer)
      const result = await call(caller, path, undefined);
      const refused = !result.ok && (result.code === 'FORBIDDEN' || result.code === 'UNAUTHORIZED');
      const expected = expectedRoleDecision(path, role);
      if ((expected === 'allowed') === refused) wrong.push(`${path}: expected ${expected}, got ${result.ok ? 'ok' : result.code}`);
    }
    expect(wrong).toEqual([]);
  });
});

/** Whether every petition id belongs to the street (by its scope path). */
async function allInStreet(ids: string[], streetCode: string): Promise<boolean> {
  if (ids.length === 0) return true;
  const rows = await test.db.selectFrom('petitions').select(['id', 'scope_path']).where('id', 'in', ids).execute();
  return rows.length === ids.length && rows.every((row) => row.scope_path.includes(`/${streetCode}/`));
}

interface Fixture {
  petitionAt: (streetCode: string) => Promise<string>;
  staffAt: (unitCode: string, role: Role, username: string) => Promise<string>;
}

/** For each `jurisdiction`-scoped procedure: a call inside the actor's jurisdiction that succeeds, and one outside that is refused or filtered. */
const jurisdictionCases: Record<string, { inside: (fixture: Fixture) => Promise<void>; outside: (fixture: Fixture) => Promise<void> }> = {
  'petitions.list': {
    inside: async () => {
      const page = await callers.get('receptionOfficer')!.petitions.list({ limit: 100 });
      expect(page.items.length).toBeGreaterThan(0);
    },
    outside: async () => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      const page = await streetOfficer.petitions.list({ limit: 100 });
      const own = await test.db.selectFrom('petitions').innerJoin('units', 'units.id', 'petitions.street_unit_id').select('petitions.id').where('units.code', '=', nanyuan).execute();
      const ownIds = new Set(own.map((row) => row.id));
      expect(page.items.every((item) => ownIds.has(item.id))).toBe(true);
      expect(page.total).toBe(own.length);
    },
  },
  'search.petitions': {
    inside: async () => {
      const result = await callers.get('receptionOfficer')!.search.petitions({ text: '演示' });
      expect(result.items.length).toBeGreaterThan(0);
    },
    outside: async () => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      const result = await streetOfficer.search.petitions({ text: '演示', limit: 100 });
      const own = await test.db.selectFrom('petitions').innerJoin('units', 'units.id', 'petitions.street_unit_id').select('petitions.id').where('units.code', '=', nanyuan).execute();
      const ownIds = new Set(own.map((row) => row.id));
      expect(result.items.length).toBeGreaterThan(0);
      expect(result.items.every((item) => ownIds.has(item.id))).toBe(true);
    },
  },
  'petitions.queue': {
    inside: async () => {
      const page = await callers.get('receptionOfficer')!.petitions.queue({ limit: 100 });
      expect(page.items.length).toBeGreaterThan(0);
    },
    outside: async () => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      const page = await streetOfficer.petitions.queue({ limit: 100 });
      expect(await allInStreet(page.items.map((item) => item.id), nanyuan)).toBe(true);
      const everything = await callers.get('receptionOfficer')!.petitions.queue({ limit: 100 });
      expect(page.total).toBeLessThan(everything.total);
    },
  },
  'petitions.get': {
    inside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      const id = await petitionAt(nanyuan);
      expect(await call(streetOfficer, 'petitions.get', { id })).toMatchObject({ ok: true });
    },
    outside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      expect(await call(streetOfficer, 'petitions.get', { id: await petitionAt(yuanling) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const handler = callers.get('departmentHandler')!;
      expect(await call(handler, 'petitions.get', { id: await petitionAt(yuanling) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    },
  },
  'attachments.list': {
    inside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      expect(await call(streetOfficer, 'attachments.list', { petitionId: await petitionAt(nanyuan) })).toMatchObject({ ok: true, value: [] });
    },
    outside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      expect(await call(streetOfficer, 'attachments.list', { petitionId: await petitionAt(yuanling) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const handler = callers.get('departmentHandler')!;
      expect(await call(handler, 'attachments.list', { petitionId: await petitionAt(yuanling) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    },
  },
  'attachments.image': {
    // these petitions carry no photo: inside, the call gets past the access check to "not found"
    inside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      expect(await call(streetOfficer, 'attachments.image', { petitionId: await petitionAt(nanyuan), id: randomUUID() })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
        messageCode: 'attachment.notFound',
      });
    },
    outside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      expect(await call(streetOfficer, 'attachments.image', { petitionId: await petitionAt(yuanling), id: randomUUID() })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        messageCode: 'access.outsideJurisdiction',
      });
    },
  },
  'petitions.withdraw': {
    inside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      const id = await petitionAt(nanyuan);
      const { version } = await test.db.selectFrom('petitions').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      expect(await call(streetOfficer, 'petitions.withdraw', { petitionId: id, expectedVersion: version, reason: '信访人当面表示撤回' })).toMatchObject({ ok: true });
    },
    outside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      const id = await petitionAt(yuanling);
      const { version } = await test.db.selectFrom('petitions').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      expect(await call(streetOfficer, 'petitions.withdraw', { petitionId: id, expectedVersion: version, reason: '信访人当面表示撤回' })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        messageCode: 'access.outsideJurisdiction',
      });
    },
  },
  'privacy.reveal': {
    inside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      const result = await streetOfficer.privacy.reveal({ petitionId: await petitionAt(nanyuan), field: 'mobile', reason: '电话回访核实诉求' });
      expect(result.value).toMatch(/^1990000\d{4}$/);
    },
    outside: async ({ petitionAt }) => {
      const streetOfficer = await signedIn('street-officer', 'Demo-street-2026');
      const result = await call(streetOfficer, 'privacy.reveal', { petitionId: await petitionAt(yuanling), field: 'mobile', reason: '电话回访核实诉求' });
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', messageCode: 'access.outsideJurisdiction' });
    },
  },
  'admin.listStaff': {
    inside: async () => {
      const page = await callers.get('administrator')!.admin.listStaff();
      expect(page.items.map((item) => item.username)).toContain('street-officer');
    },
    outside: async ({ staffAt }) => {
      await staffAt(nanyuan, 'administrator', 'street-admin');
      const streetAdmin = await signedIn('street-admin', strongPassword);
      const page = await streetAdmin.admin.listStaff();
      expect(page.items.map((item) => item.username)).toContain('street-officer');
      expect(page.items.every((item) => item.unitCode.startsWith(nanyuan.slice(0, 9)))).toBe(true);
      expect(page.items.map((item) => item.username)).not.toContain('reception');
    },
  },
  'admin.createStaff': {
    inside: async () => {
      const created = await callers.get('administrator')!.admin.createStaff({ username: 'new-lawyer', displayName: '新律师', role: 'lawyer', unitCode: '440304', temporaryPassword: strongPassword });
      expect(created.mustChangePassword).toBe(true);
    },
    outside: async ({ staffAt }) => {
      await staffAt(nanyuan, 'administrator', 'street-admin');
      const streetAdmin = await signedIn('street-admin', strongPassword);
      const result = await call(streetAdmin, 'admin.createStaff', { username: 'far-lawyer', displayName: '律师', role: 'lawyer', unitCode: '440304', temporaryPassword: strongPassword });
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', messageCode: 'access.outsideJurisdiction' });
    },
  },
  'admin.setStaffDisabled': {
    inside: async ({ staffAt }) => {
      const staffId = await staffAt(nanyuan, 'lawyer', 'disable-me');
      expect((await callers.get('administrator')!.admin.setStaffDisabled({ staffId, disabled: true })).disabled).toBe(true);
    },
    outside: async ({ staffAt }) => {
      const staffId = await staffAt(yuanling, 'lawyer', 'out-of-reach');
      await staffAt(nanyuan, 'administrator', 'street-admin');
      const streetAdmin = await signedIn('street-admin', strongPassword);
      expect(await call(streetAdmin, 'admin.setStaffDisabled', { staffId, disabled: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    },
  },
  'admin.resetPassword': {
    inside: async ({ staffAt }) => {
      const staffId = await staffAt(department, 'departmentHandler', 'reset-me');
      expect((await callers.get('administrator')!.admin.resetPassword({ staffId, temporaryPassword: 'Fresh-temporary-2026' })).mustChangePassword).toBe(true);
    },
    outside: async ({ staffAt }) => {
      const staffId = await staffAt(yuanling, 'lawyer', 'out-of-reach');
      await staffAt(nanyuan, 'administrator', 'street-admin');
      const streetAdmin = await signedIn('street-admin', strongPassword);
      expect(await call(streetAdmin, 'admin.resetPassword', { staffId, temporaryPassword: 'Fresh-temporary-2026' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    },
  },
  'admin.confirmStaff': {
    // an account whose temporary password someone else set, and whose holder has chosen their own since
    inside: async ({ staffAt }) => {
      const setBy = await staffAt(department, 'administrator', 'confirm-setter');
      const staffId = await staffAt(department, 'departmentHandler', 'confirm-me');
      await test.db.updateTable('staff').set({ temporary_password_set_by: setBy }).where('id', '=', staffId).execute();
      expect((await callers.get('administrator')!.admin.confirmStaff({ staffId })).awaitingConfirmation).toBe(false);
    },
    outside: async ({ staffAt }) => {
      const setBy = await staffAt(yuanling, 'administrator', 'far-setter');
      const staffId = await staffAt(yuanling, 'lawyer', 'out-of-reach');
      await test.db.updateTable('staff').set({ temporary_password_set_by: setBy }).where('id', '=', staffId).execute();
      await staffAt(nanyuan, 'administrator', 'street-admin');
      const streetAdmin = await signedIn('street-admin', strongPassword);
      expect(await call(streetAdmin, 'admin.confirmStaff', { staffId })).toMatchObject({ ok: false, code: 'FORBIDDEN', messageCode: 'access.outsideJurisdiction' });
    },
  },
  'records.careForm.get': {
    // a care form made at a street's studio: the district's counsellor may read it, another street's may not
    inside: async ({ staffAt }) => {
      await staffAt(nanyuan, 'counsellor', 'street-counsellor');
      const streetCounsellor = await signedIn('street-counsellor', strongPassword);
      const made = await streetCounsellor.records.careForm.create(careFormAt('2026-12-01T10:00:00+08:00'));
      expect(await call(callers.get('counsellor')!, 'records.careForm.get', { id: made.id })).toMatchObject({ ok: true });
      const page = await callers.get('counsellor')!.records.careForm.list({ limit: 100 });
      expect(page.items.map((item) => item.id)).toContain(made.id);
    },
    outside: async ({ staffAt }) => {
      await staffAt(nanyuan, 'counsellor', 'street-counsellor-2');
      const nanyuanCounsellor = await signedIn('street-counsellor-2', strongPassword);
      const made = await nanyuanCounsellor.records.careForm.create(careFormAt('2026-12-02T10:00:00+08:00'));
      await staffAt(yuanling, 'counsellor', 'other-street-counsellor');
      const yuanlingCounsellor = await signedIn('other-street-counsellor', strongPassword);
      expect(await call(yuanlingCounsellor, 'records.careForm.get', { id: made.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const page = await yuanlingCounsellor.records.careForm.list({ limit: 100 });
      expect(page.items.map((item) => item.id)).not.toContain(made.id);
    },
  },
  'indicators.compute': {
    inside: async () => {
      const period = { kind: 'year', year: new Date().getUTCFullYear() } as const;
      expect(await call(callers.get('bureauLeader')!, 'indicators.compute', { period, scope: { kind: 'district' } })).toMatchObject({ ok: true });
      const street = await getUnitByCode(test.db, nanyuan);
      expect(await call(callers.get('streetLeader')!, 'indicators.compute', { period, scope: { kind: 'street', unitId: street.id } })).toMatchObject({ ok: true });
    },
    outside: async () => {
      const period = { kind: 'year', year: new Date().getUTCFullYear() } as const;
      const other = await getUnitByCode(test.db, yuanling);
      for (const scope of [{ kind: 'district' }, { kind: 'street', unitId: other.id }]) {
        expect(await call(callers.get('streetLeader')!, 'indicators.compute', { period, scope })).toMatchObject({ ok: false, code: 'FORBIDDEN', messageCode: 'access.outsideJurisdiction' });
      }
    },
  },
};

/** A care form filled at this instant (the default questionnaire, all items answered 1). */
function careFormAt(filledAt: string) {
  return { visitorName: '演示来访人', consent: 'visitor' as const, filledAt, answers: { sleep: 1, mood: 1, anger: 1, hopelessness: 1, physicalTension: 1, supportNetwork: 1, selfHarmThoughts: 1 } };
}

const petitionsByStreet = new Map<string, string>();

describe('jurisdiction: real calls on a real database', () => {
  const fixture: Fixture = {
    // a visitor's submission at that street's own hall kiosk: the real path, and unambiguously that street's matter
    petitionAt: async (streetCode) => {
      const cached = petitionsByStreet.get(streetCode);
      if (cached) return cached;
      const id = await submitAtStreetKiosk(test.db, keys, streetCode, { content: '【演示数据】楼下餐馆油烟很大，影响生活。' });
      petitionsByStreet.set(streetCode, id);
      return id;
    },
    staffAt: async (unitCode, role, username) => {
      const unit = await getUnitByCode(test.db, unitCode);
      const staff = await ensureStaff(test.db, { username, displayName: username, role, unitId: unit.id, passwordHash: await hashPassword(strongPassword) });
      return staff.id;
    },
  };

  it('has an inside and an outside case for every jurisdiction-scoped procedure, or shares one that has', () => {
    const scoped = Object.entries(authorizationMatrix).filter(([, row]) => row.scope === 'jurisdiction');
    const uncovered = scoped
      .filter(([path, row]) => !jurisdictionCases[path] && !(row.sharesJurisdictionCheckWith && jurisdictionCases[row.sharesJurisdictionCheckWith]))
      .map(([path]) => path);
    expect(uncovered).toEqual([]);
    const badShares = scoped.filter(([, row]) => row.sharesJurisdictionCheckWith && !row.why).map(([path]) => path);
    expect(badShares, 'a shared check names the shared function in `why`').toEqual([]);
  });

  it.each(Object.keys(jurisdictionCases))('%s inside jurisdiction', async (path) => {
    await jurisdictionCases[path]!.inside(fixture);
  });

  it.each(Object.keys(jurisdictionCases))('%s outside jurisdiction', async (path) => {
    await jurisdictionCases[path]!.outside(fixture);
  });
});
