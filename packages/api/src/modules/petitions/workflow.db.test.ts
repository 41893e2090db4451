import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { seedDemoData } from '@xinfang/db/seed';
import { ensureStaff } from '@xinfang/db/repositories/staff';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { isDomainError } from '@xinfang/domain/errors';
import type { Role } from '@xinfang/domain/staff';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();
const password = 'Workflow-test-password-2026';

type Caller = ReturnType<typeof createTestContext>['caller'];
const callers: Record<string, Caller> = {};
const units: Record<string, string> = {};
let clock = new Date('2026-11-02T02:00:00Z');

async function signedIn(username: string, userPassword = password): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys, { now: () => clock });
  await caller.auth.signIn({ username, password: userPassword });
  return caller;
}

async function addStaff(username: string, role: Role, unitCode: string): Promise<void> {
  const unit = await getUnitByCode(test.db, unitCode);
  await ensureStaff(test.db, { username, displayName: username, role, unitId: unit.id, passwordHash: await hashPassword(password) });
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; messageCode: string | undefined; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  return { code: trpc.code, messageCode: isDomainError(trpc.cause) ? trpc.cause.code : undefined, message: trpc.message };
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: clock, keys, hashPassword, petitions: 5 });
  for (const code of ['440304', '440304001000', '440304001001', '440304D01', '440304D02']) units[code] = (await getUnitByCode(test.db, code)).id;
  // a community under 南园街道 handles; the street reviews; the district rechecks (each one level up)
  await addStaff('community-handler', 'departmentHandler', '440304001001');
  await addStaff('community-head', 'departmentHead', '440304001001');
  await addStaff('street-head', 'departmentHead', '440304001000');
  await addStaff('district-head', 'departmentHead', '440304');
  await addStaff('other-handler', 'departmentHandler', '440304D02');
  callers.reception = await signedIn('reception', 'Demo-reception-2026');
  callers.lawyer = await signedIn('lawyer', 'Demo-lawyer-2026');
  callers.handler = await signedIn('handler', 'Demo-handler-2026');
  callers.counsellor = await signedIn('counsellor', 'Demo-counsellor-2026');
  for (const name of ['community-handler', 'community-head', 'street-head', 'district-head', 'other-handler']) callers[name] = await signedIn(name);
}, 60_000);

async function register(overrides: Record<string, unknown> = {}) {
  return callers.reception!.petitions.register({
    channel: 'visit',
    receivedAt: clock.toISOString(),
    hallUnitId: units['440304']!,
    streetUnitId: units['440304001000']!,
    summary: '小区电梯长期故障',
    content: '【测试数据】小区电梯长期故障无人维修，物业不予处理。',
    persons: [{ name: '测试信访人', idCardNumber: '11010519491231002X', mobile: '19900001234' }],
    idempotencyKey: randomUUID(),
    ...overrides,
  });
}

describe('the main path, each step by its role', () => {
  it('runs register → triage → route → receipt → handling → extension → reply → evaluation → review → recheck → close', async () => {
    const { id, version } = await register();
    expect(version).toBe(1);
    let v = version;
    const act = async (caller: Caller, step: keyof Caller['petitions'], input: Record<string, unknown>) => {
      const procedure = caller.petitions[step] as unknown as (input: unknown) => Promise<{ version: number; status: string; documentId: string | null }>;
      const outcome = await procedure({ petitionId: id, expectedVersion: v, ...input });
      expect(outcome.version).toBe(v + 1);
      v = outcome.version;
      return outcome;
    };
    const triage = await act(callers.lawyer!, 'triage', { petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '可按信访程序办理', legalBasis: '《信访工作条例》第三十一条' });
    expect(triage.documentId).not.toBeNull();
    await act(callers.reception!, 'route', { unitId: units['440304001001'], mode: 'transfer' });
    const receipt = await act(callers['community-handler']!, 'acknowledgeReceipt', { noticeText: '已受理', noticeGivenAt: clock.toISOString() });
    const handlerId = (await test.db.selectFrom('staff').select('id').where('username', '=', 'community-handler').executeTakeFirstOrThrow()).id;
    await act(callers['community-handler']!, 'startHandling', { handlerStaffId: handlerId });
    await act(callers['community-handler']!, 'requestExtension', { days: 20, reason: '需现场核查' });
    await act(callers['community-head']!, 'approveExtension', { days: 20, reason: '需现场核查' });
    await act(callers['community-handler']!, 'reply', { outcome: 'support', facts: '经查属实', legalBasis: '《特种设备安全法》', deliveredAt: clock.toISOString() });
    await act(callers.reception!, 'recordEvaluation', { rating: 'dissatisfied' });
    await act(callers.reception!, 'requestReview', { reviewingUnitId: units['440304001000'], reason: '不服处理意见' });
    await act(callers['street-head']!, 'answerReview', { outcome: 'upheld', text: '维持原处理意见', deliveredAt: clock.toISOString() });
    await act(callers.reception!, 'requestRecheck', { recheckingUnitId: units['440304'], reason: '不服复查意见' });
    await act(callers['district-head']!, 'answerRecheck', { outcome: 'upheld', text: '维持复查意见' });
    await act(callers.reception!, 'close', { note: '复核终结' });

    const detail = await callers.reception!.petitions.get({ id });
    expect(detail.status).toBe('closed');
    expect(detail.version).toBe(v);
    expect(detail.timeline.map((entry) => entry.type)).toEqual([
      'registered', 'triaged', 'routed', 'receiptAcknowledged', 'handlingStarted', 'extensionRequested', 'extensionApproved',
      'replied', 'evaluationRecorded', 'reviewRequested', 'reviewAnswered', 'recheckRequested', 'recheckAnswered', 'closed',
    ]);
    expect(detail.documents.map((document) => document.kind)).toEqual(['legalGuidance', 'receipt', 'extension', 'reply', 'reviewAnswer', 'recheckAnswer']);
    expect(detail.documents.every((document) => /^福信.+〔2026〕\d{4}号$/.test(document.serialNumber))).toBe(true);
    expect(detail.persons[0]).toMatchObject({ name: '测试信访人', idNumberMasked: '110105********002X', mobileMasked: '199****1234' });
    expect(detail.clocks.find((entry) => entry.kind === 'conclude')).toMatchObject({ extensionDays: 20, state: 'stopped' });
    expect(detail.availableActions).toEqual([]);
    const notice = await callers.reception!.documents.get({ id: receipt.documentId! });
    expect(notice).toMatchObject({ kind: 'receipt', title: '受理告知书', addressee: '测试信访人', issuingUnitName: '南园街道示例社区1' });
    const row = await test.db.selectFrom('petitions').select(['status', 'version', 'due_at', 'light']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'closed', version: v, due_at: null, light: null });
    const events = await test.db.selectFrom('petition_events').select('sequence').where('petition_id', '=', id).orderBy('sequence').execute();
    expect(events.map((event) => event.sequence)).toEqual(Array.from({ length: v }, (_, index) => index + 1));
  });
});

describe('guards: a refused step changes nothing', () => {
  async function snapshot(id: string) {
    const row = await test.db.selectFrom('petitions').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    const events = await test.db.selectFrom('petition_events').select((eb) => eb.fn.countAll<string>().as('n')).where('petition_id', '=', id).executeTakeFirstOrThrow();
    return { ...row, events: Number(events.n) };
  }

  it.each([
    ['a stale version', 'reception', 'route', 'triaged', (u: Record<string, string>) => ({ unitId: u['440304D01'], mode: 'transfer' }), -1, 'CONFLICT', 'petition.versionConflict'],
    ['routing an accusation to the accused unit', 'reception', 'route', 'triagedAccusation', (u: Record<string, string>) => ({ unitId: u['440304D01'], mode: 'transfer' }), 0, 'UNPROCESSABLE_CONTENT', 'workflow.accusation.routedToAccused'],
    ['a step the status does not allow', 'reception', 'close', 'registered', () => ({}), 0, 'UNPROCESSABLE_CONTENT', 'workflow.actionNotAllowed'],
    ['a role that may not take the step', 'lawyer', 'route', 'triaged', (u: Record<string, string>) => ({ unitId: u['440304D01'], mode: 'transfer' }), 0, 'FORBIDDEN', 'workflow.roleNotAllowed'],
    ['a unit that is not responsible', 'other-handler', 'acknowledgeReceipt', 'routed', () => ({ noticeText: '已受理', noticeGivenAt: '2026-11-02T02:00:00Z' }), 0, 'FORBIDDEN', 'access.outsideJurisdiction'],
    ['an extension longer than 30 days', 'handler', 'requestExtension', 'handling', () => ({ days: 45, reason: '复杂' }), 0, 'UNPROCESSABLE_CONTENT', 'workflow.extension.tooLong'],
    ['diverting a matter that is not a statutory claim', 'lawyer', 'divert', 'triaged', () => ({ destination: 'litigation', noticeText: '请起诉', noticeGivenAt: '2026-11-02T02:00:00Z' }), 0, 'UNPROCESSABLE_CONTENT', 'workflow.divert.notStatutory'],
    ['a counsellor (no permission to act)', 'counsellor', 'withdraw', 'registered', () => ({}), 0, 'FORBIDDEN', 'auth.forbidden'],
  ] as const)('refuses %s', async (_name, who, step, start, fields, versionOffset, code, messageCode) => {
    const { id, version } = await register({ petitionClass: start === 'triagedAccusation' ? 'accusation' : undefined });
    let v = version;
    if (start !== 'registered') {
      const triage =
        start === 'triagedAccusation'
          ? { petitionClass: 'accusation', canHandle: true, guidance: '检举控告', accusedParties: { unitIds: [units['440304D01']!], staffIds: [] } }
          : { petitionClass: 'suggestion', canHandle: true, guidance: '建议意见' };
      v = (await callers.lawyer!.petitions.triage({ petitionId: id, expectedVersion: v, ...(triage as { petitionClass: 'suggestion'; canHandle: true; guidance: string }) })).version;
    }
    if (start === 'routed' || start === 'handling') v = (await callers.reception!.petitions.route({ petitionId: id, expectedVersion: v, unitId: units['440304D01']!, mode: 'transfer' })).version;
    if (start === 'handling') {
      v = (await callers.handler!.petitions.acknowledgeReceipt({ petitionId: id, expectedVersion: v, noticeText: '已受理', noticeGivenAt: clock.toISOString() })).version;
      const handlerId = (await test.db.selectFrom('staff').select('id').where('username', '=', 'handler').executeTakeFirstOrThrow()).id;
      v = (await callers.handler!.petitions.startHandling({ petitionId: id, expectedVersion: v, handlerStaffId: handlerId })).version;
    }
    const before = await snapshot(id);
    const procedure = callers[who]!.petitions[step] as unknown as (input: unknown) => Promise<unknown>;
    const refused = await failure(procedure({ petitionId: id, expectedVersion: v + versionOffset, ...fields(units) }));
    expect(refused).toMatchObject({ code, messageCode });
    expect(await snapshot(id)).toEqual(before);
  });

  it('explains a stale version in both languages: who recorded what, and when', async () => {
    const { id, version } = await register();
    await callers.lawyer!.petitions.triage({ petitionId: id, expectedVersion: version, petitionClass: 'suggestion', canHandle: true, guidance: '建议意见' });
    const refused = await failure(callers.reception!.petitions.withdraw({ petitionId: id, expectedVersion: version }));
    expect(refused).toMatchObject({ code: 'CONFLICT', messageCode: 'petition.versionConflict' });
    expect(refused.message).toMatch(/^值班律师（演示） recorded “Triaged” on this matter at \d{4}-\d{2}-\d{2} \d{2}:\d{2}, after you opened it/);
  });
});

describe('optimistic concurrency', () => {
  it('lets exactly one of two updates with the same version win', async () => {
    const { id, version } = await register();
    const triaged = await callers.lawyer!.petitions.triage({ petitionId: id, expectedVersion: version, petitionClass: 'suggestion', canHandle: true, guidance: '建议意见' });
    const attempts = await Promise.allSettled([
      callers.reception!.petitions.route({ petitionId: id, expectedVersion: triaged.version, unitId: units['440304D01']!, mode: 'transfer' }),
      callers.reception!.petitions.route({ petitionId: id, expectedVersion: triaged.version, unitId: units['440304D02']!, mode: 'assign' }),
    ]);
    const fulfilled = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const rejected = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0]!.reason as TRPCError).code).toBe('CONFLICT');
    const events = await test.db.selectFrom('petition_events').select('type').where('petition_id', '=', id).execute();
    expect(events.filter((event) => event.type === 'routed')).toHaveLength(1);
  });
});

describe('queues', () => {
  it('counts and pages a queue by due date with keyset cursors', async () => {
    for (let index = 0; index < 3; index++) await register();
    const counts = await callers.reception!.petitions.queueCounts({});
    expect(counts.pendingTriage).toBeGreaterThanOrEqual(3);
    const first = await callers.reception!.petitions.queue({ queue: 'pendingTriage', limit: 2 });
    expect(first.total).toBe(counts.pendingTriage);
    expect(first.items).toHaveLength(2);
    const second = await callers.reception!.petitions.queue({ queue: 'pendingTriage', limit: 2, after: first.nextCursor! });
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dues = [...first.items, ...second.items].map((item) => item.dueAt ?? '9999');
    expect([...dues].sort()).toEqual(dues);
    expect(first.items[0]!.dueClock?.explanation.zh).toContain('法定期限');
  });

  it('shows a department only what is routed to it', async () => {
    const page = await callers['other-handler']!.petitions.queue({ queue: 'all', limit: 100 });
    const detailRefused = await failure(callers['other-handler']!.petitions.get({ id: (await register()).id }));
    expect(detailRefused.code).toBe('FORBIDDEN');
    expect(page.items.every((item) => item.handlingUnitName === '区人力资源局')).toBe(true);
  });
});

describe('calendar re-flow', () => {
  it('moves open deadlines when an administrator loads a year with new holidays', async () => {
    clock = new Date('2027-01-04T02:00:00Z');
    const admin = await signedIn('admin', 'Demo-admin-2026');
    const reception = await signedIn('reception', 'Demo-reception-2026');
    const { id } = await reception.petitions.register({
      channel: 'letter',
      receivedAt: clock.toISOString(),
      hallUnitId: units['440304']!,
      summary: '来信反映噪音',
      content: '【测试数据】来信反映夜间施工噪音。',
      persons: [{ name: '来信人' }],
      idempotencyKey: randomUUID(),
    });
    const routeClock = async () => (await reception.petitions.get({ id })).clocks.find((entry) => entry.kind === 'route')!;
    const before = await routeClock();
    expect(before).toMatchObject({ localTargetDue: '2027-01-07', uncertain: true });
    const loaded = await admin.calendar.loadYear({
      year: 2027,
      holidays: [{ date: '2027-01-05', nameZh: '测试假日' }, { date: '2027-01-06', nameZh: '测试假日' }, { date: '2027-01-07', nameZh: '测试假日' }],
      workdays: [],
    });
    expect(loaded.reflowed).toBeGreaterThan(0);
    const after = await routeClock();
    expect(after).toMatchObject({ localTargetDue: '2027-01-12', uncertain: false });
    expect(after.explanation.zh).toContain('测试假日');
    const stored = await test.db.selectFrom('petitions').select('clocks').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.clocks)).toContain('2027-01-12');
    const refused = await failure(reception.calendar.loadYear({ year: 2028, holidays: [], workdays: [] }));
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('review at the district and recheck at the city, with the demo accounts', () => {
  it('routes to the housing bureau; the district reviewer answers the review, the city rechecker the recheck and sees it in its queue', async () => {
    // sessions signed in at the start may have expired: earlier tests move the clock
    callers.reception = await signedIn('reception', 'Demo-reception-2026');
    callers.lawyer = await signedIn('lawyer', 'Demo-lawyer-2026');
    callers.handler = await signedIn('handler', 'Demo-handler-2026');
    const reviewer = await signedIn('reviewer', 'Demo-reviewer-2026');
    const rechecker = await signedIn('rechecker', 'Demo-rechecker-2026');
    const depthead = await signedIn('depthead', 'Demo-depthead-2026');
    const city = (await getUnitByCode(test.db, '440300')).id;
    const { id } = await register();
    let v = 1;
    const act = async (caller: Caller, step: keyof Caller['petitions'], input: Record<string, unknown>) => {
      const procedure = caller.petitions[step] as unknown as (input: unknown) => Promise<{ version: number }>;
      v = (await procedure({ petitionId: id, expectedVersion: v, ...input })).version;
    };
    const handlerId = (await test.db.selectFrom('staff').select('id').where('username', '=', 'handler').executeTakeFirstOrThrow()).id;
    await act(callers.lawyer, 'triage', { petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '可按信访程序办理' });
    await act(callers.reception, 'route', { unitId: units['440304D01'], mode: 'transfer' });
    await act(callers.handler, 'acknowledgeReceipt', { noticeText: '已受理', noticeGivenAt: clock.toISOString() });
    await act(callers.handler, 'startHandling', { handlerStaffId: handlerId });
    await act(callers.handler, 'reply', { outcome: 'explain', facts: '经查', legalBasis: '《信访工作条例》', deliveredAt: clock.toISOString() });

    // one level above the housing bureau is the district, not the city
    const wrongLevel = await failure(callers.reception.petitions.requestReview({ petitionId: id, expectedVersion: v, reviewingUnitId: city, reason: '不服' }));
    expect(wrongLevel.messageCode).toBe('workflow.review.wrongLevel');
    await act(callers.reception, 'requestReview', { reviewingUnitId: units['440304'], reason: '不服处理意见' });
    expect((await failure(depthead.petitions.answerReview({ petitionId: id, expectedVersion: v, outcome: 'upheld', text: '维持' }))).messageCode).toBe('workflow.unitNotResponsible');
    expect((await rechecker.petitions.queue({ queue: 'appeals', limit: 100 })).items.map((item) => item.id)).not.toContain(id);
    await act(reviewer, 'answerReview', { outcome: 'upheld', text: '维持原处理意见', deliveredAt: clock.toISOString() });

    const districtAsRechecker = await failure(callers.reception.petitions.requestRecheck({ petitionId: id, expectedVersion: v, recheckingUnitId: units['440304'], reason: '不服' }));
    expect(districtAsRechecker.messageCode).toBe('workflow.recheck.wrongLevel');
    await act(callers.reception, 'requestRecheck', { recheckingUnitId: city, reason: '不服复查意见' });
    const cityQueue = await rechecker.petitions.queue({ queue: 'appeals', limit: 100 });
    expect(cityQueue.items.map((item) => item.id)).toEqual([id]);
    expect((await rechecker.petitions.get({ id })).availableActions).toContain('answerRecheck');
    await act(rechecker, 'answerRecheck', { outcome: 'upheld', text: '维持复查意见' });
    await act(callers.reception, 'close', { note: '复核终结' });
    expect((await reviewer.petitions.get({ id })).status).toBe('closed');
  });
});

describe('case detail: related matters', () => {
  it("lists the same petitioner's other matters (the ID number finds the existing petitioner)", async () => {
    const first = await register({ summary: '第一件：噪音扰民' });
    const second = await register({ summary: '第二件：油烟扰民' });
    const detail = await callers.reception!.petitions.get({ id: second.id });
    const related = detail.related.filter((matter) => matter.relation === 'samePetitioner').map((matter) => matter.id);
    expect(related).toContain(first.id);
    expect(related).not.toContain(second.id);
  });
});

describe('registration: joint reception (1+1+1+N)', () => {
  it('records the staff present with the registering officer, on the visit', async () => {
    const present = await test.db.selectFrom('staff').select('id').where('username', 'in', ['lawyer', 'counsellor', 'handler']).execute();
    const { id } = await register({ staffPresentIds: present.map((row) => row.id) });
    const visit = await test.db
      .selectFrom('petitions as p')
      .innerJoin('visits as v', 'v.id', 'p.visit_id')
      .select('v.staff_present')
      .where('p.id', '=', id)
      .executeTakeFirstOrThrow();
    const reception = await test.db.selectFrom('staff').select('id').where('username', '=', 'reception').executeTakeFirstOrThrow();
    expect([...(visit.staff_present as string[])].sort()).toEqual([reception.id, ...present.map((row) => row.id)].sort());
  });

  it('shows the visit and who received it on the case detail: the registering officer first, names and units', async () => {
    const present = await test.db.selectFrom('staff').select('id').where('username', 'in', ['lawyer', 'handler']).orderBy('username').execute();
    const { id } = await register({ staffPresentIds: present.map((row) => row.id), headcount: 6, guidedOnline: true, persons: [{ name: '集体访代表', isRepresentative: true }] });
    const detail = await callers.reception!.petitions.get({ id });
    expect(detail.reception).toMatchObject({ arrivedAt: clock.toISOString(), personCount: 6, isCollective: true, guidedOnline: true });
    expect(detail.reception!.staff.map((member) => [member.name, member.role, member.unit.name])).toEqual([
      ['接访员（演示）', 'receptionOfficer', '福田区'],
      ['住建局承办人（演示）', 'departmentHandler', '区住房和建设局'],
      ['值班律师（演示）', 'lawyer', '福田区'],
    ]);
  });

  it('has no reception block for a matter that did not come in through a visit', async () => {
    const { id } = await register({ channel: 'letter' });
    expect((await callers.reception!.petitions.get({ id })).reception).toBeNull();
  });
});
