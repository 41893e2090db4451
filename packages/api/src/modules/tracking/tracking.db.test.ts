import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { listPetitionEvents } from '@xinfang/db/repositories/petition-events';
import type { PetitionCommandInput } from '@xinfang/domain/workflow/petition-command';
import { Role, type Actor } from '@xinfang/domain/staff';
import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import { TRPCError } from '@trpc/server';
import { isDomainError } from '@xinfang/domain/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';
import { performAction } from '../petitions/workflow.service.ts';

const test = useTestDatabase();
const keys = createTestKeys();

interface StaffMember {
  actor: Actor;
  unitPath: string;
  staffId: string;
}

async function actor(username: string): Promise<StaffMember> {
  const row = await test.db
    .selectFrom('staff')
    .innerJoin('units', 'units.id', 'staff.unit_id')
    .select(['staff.id', 'staff.role', 'staff.unit_id', 'staff.display_name', 'units.path'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { actor: { staffId: row.id, username, displayName: row.display_name, role: Role.parse(row.role), unitId: row.unit_id }, unitPath: row.path, staffId: row.id };
}

/** Takes a petition through staff steps with the workflow service the console's procedures use, at a chosen time. */
async function drive(trackingCode: string, steps: readonly (readonly [PetitionCommandInput, StaffMember])[], at: Date) {
  const { ctx } = createTestContext(test.db, keys, { now: () => at });
  for (const [command, by] of steps) {
    const petition = await test.db.selectFrom('petitions').select(['id', 'version']).where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
    await performAction({ ...ctx, actor: by.actor, unitPath: by.unitPath }, petition.id, petition.version, command);
  }
}

async function submit(mobile: string): Promise<string> {
  const { caller } = createTestContext(test.db, keys);
  const receipt = await caller.kiosk.submit({ name: '演示访客', idNumber: '11010519491231002X', mobile, content: '小区路灯坏了两个月，晚上很不安全。', idempotencyKey: randomUUID(), consent: true });
  return receipt.trackingCode;
}

async function toReplied(trackingCode: string, at: Date) {
  const department = await test.db.selectFrom('units').select('id').where('code', '=', '440304D01').executeTakeFirstOrThrow();
  const handler = await actor('handler');
  await drive(
    trackingCode,
    [
      [{ action: 'triage', petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '按信访程序办理' }, await actor('lawyer')],
      [{ action: 'route', unitId: department.id, mode: 'transfer' }, await actor('reception')],
      [{ action: 'acknowledgeReceipt', noticeText: '【演示】已受理您反映的事项。', noticeGivenAt: at.toISOString() }, handler],
      [{ action: 'startHandling', handlerStaffId: handler.staffId }, await actor('depthead')],
      [{ action: 'reply', outcome: 'support', facts: '【演示】经查属实，已安排维修。', legalBasis: '《信访工作条例》第三十二条' }, handler],
    ],
    at,
  );
}

/** A valid tracking code that no petition holds (deterministic bytes; the seed draws from a different generator). */
function unusedCode(fill: number): string {
  return generateTrackingCode((length) => new Uint8Array(length).fill(fill));
}

async function counterRow(key: string) {
  return test.db.selectFrom('attempt_counters').selectAll().where('key', '=', key).executeTakeFirst();
}

/** What each attempt got: 'OK' or the error's message code. */
async function outcomeOf(attempt: Promise<unknown>): Promise<string> {
  return attempt.then(
    () => 'OK',
    (error: TRPCError) => (isDomainError(error.cause) ? error.cause.code : error.code),
  );
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword: (password) => Promise.resolve(`plain:${password}`), petitions: 2 });
});

describe('tracking.lookup', () => {
  it('shows the own matter with public labels, the due date and its explanation, and no personal data', async () => {
    const code = await submit('19900005501');
    const { caller } = createTestContext(test.db, keys);
    const timeline = await caller.tracking.lookup({ trackingCode: code.toLowerCase().replaceAll('-', ' '), mobileLast4: '5501' });
    expect(timeline).toMatchObject({ trackingCode: code, status: 'registered', statusLabel: { zh: '已收到', en: 'Received' }, canRate: false, canRequestReview: false });
    expect(timeline.steps.map((step) => step.label.zh)).toEqual(['已收到您反映的事项']);
    expect(timeline.dueDates.map((due) => due.kind)).toEqual(['route']);
    expect(timeline.dueDates[0]!.explanation.zh.length).toBeGreaterThan(0);
    const text = JSON.stringify(timeline);
    for (const secret of ['演示访客', '19900005501', '11010519491231002X', '5501']) expect(text).not.toContain(secret);
  });

  it.each([
    ['a wrong last 4 digits', async () => ({ trackingCode: await submit('19900005502'), mobileLast4: '0000' })],
    ['a well-formed code nobody holds', () => Promise.resolve({ trackingCode: unusedCode(3), mobileLast4: '5502' })],
  ])('answers %s with the same neutral NOT_FOUND message', async (_, makeInput) => {
    const { caller } = createTestContext(test.db, keys);
    const error = await caller.tracking.lookup(await makeInput()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect((error as TRPCError).message).toBe('The tracking code and the last 4 digits do not match; please check them, or ask staff for help');
  });

  it('never locks the owner out: after 10 wrong last-4 guesses by strangers the full mobile number opens the code', async () => {
    const code = await submit('19900005503');
    let now = new Date('2026-03-02T02:00:00Z');
    const stranger = createTestContext(test.db, keys, { now: () => now, clientIp: '203.0.113.50' }).caller;
    const owner = createTestContext(test.db, keys, { now: () => now, clientIp: '198.51.100.7' }).caller;
    for (let attempt = 1; attempt <= 10; attempt++) expect(await outcomeOf(stranger.tracking.lookup({ trackingCode: code, mobileLast4: '1111' }))).toBe('tracking.notFound');
    // the 11th guess is not checked at all, however right it would be
    expect(await outcomeOf(stranger.tracking.lookup({ trackingCode: code, mobileLast4: '5503' }))).toBe('tracking.fullMobileRequired');
    now = new Date(now.getTime() + 60 * 60_000);
    expect(await outcomeOf(owner.tracking.lookup({ trackingCode: code, mobileLast4: '5503' }))).toBe('tracking.fullMobileRequired');
    const error = await owner.tracking.lookup({ trackingCode: code, mobileLast4: '5503' }).catch((caught: TRPCError) => caught);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'This tracking code has had many wrong attempts; to protect your matter, enter the full mobile number you gave' });
    // a wrong full number is the same neutral answer; the right one opens the code at once and restores the last-4 budget
    expect(await outcomeOf(owner.tracking.lookup({ trackingCode: code, mobileLast4: '5503', mobile: '19900005504' }))).toBe('tracking.notFound');
    await expect(owner.tracking.lookup({ trackingCode: code, mobileLast4: '5503', mobile: '199 0000 5503' })).resolves.toMatchObject({ trackingCode: code });
    await expect(owner.tracking.lookup({ trackingCode: code, mobileLast4: '5503' })).resolves.toMatchObject({ trackingCode: code });
    expect(await counterRow(`tracking:last4:${code}`)).toMatchObject({ attempts: 0 });
  });

  it('asks for the full mobile number for a code nobody holds in exactly the same way, so the budget reveals nothing', async () => {
    const held = await submit('19900005505');
    const now = new Date('2026-03-02T02:00:00Z');
    const sequences = [];
    for (const code of [held, unusedCode(5)]) {
      const { caller } = createTestContext(test.db, keys, { now: () => now });
      const outcomes: string[] = [];
      for (let attempt = 1; attempt <= 12; attempt++) outcomes.push(await outcomeOf(caller.tracking.lookup({ trackingCode: code, mobileLast4: '9999' })));
      outcomes.push(await outcomeOf(caller.tracking.lookup({ trackingCode: code, mobileLast4: '9999', mobile: '19900009999' })));
      sequences.push(outcomes);
    }
    expect(sequences[0]).toEqual([...Array<string>(10).fill('tracking.notFound'), 'tracking.fullMobileRequired', 'tracking.fullMobileRequired', 'tracking.notFound']);
    expect(sequences[1]).toEqual(sequences[0]);
  });

  it('counts each guess before checking it: of 40 simultaneous wrong guesses on one code (one batch), exactly 10 are checked', async () => {
    const code = await submit('19900005506');
    const { caller } = createTestContext(test.db, keys);
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, index) => outcomeOf(caller.tracking.lookup({ trackingCode: code, mobileLast4: String(1000 + index) }))));
    expect(outcomes.filter((outcome) => outcome === 'tracking.notFound')).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome === 'tracking.fullMobileRequired')).toHaveLength(30);
  });

  it('gives a right guess its count back, so the owner’s own lookups never use up the budget', async () => {
    const code = await submit('19900005507');
    const { caller } = createTestContext(test.db, keys);
    for (let attempt = 1; attempt <= 9; attempt++) await caller.tracking.lookup({ trackingCode: code, mobileLast4: '0000' }).catch(() => undefined);
    for (let attempt = 1; attempt <= 5; attempt++) await expect(caller.tracking.lookup({ trackingCode: code, mobileLast4: '5507' })).resolves.toMatchObject({ trackingCode: code });
    expect(await outcomeOf(caller.tracking.lookup({ trackingCode: code, mobileLast4: '0000' }))).toBe('tracking.notFound');
    expect((await counterRow(`tracking:last4:${code}`))?.attempts).toBe(10);
  });

  it('pauses full-number guessing on a code after 20 wrong numbers in a day, with the time to wait', async () => {
    const code = unusedCode(7);
    let now = new Date('2026-03-02T02:00:00Z');
    const { caller } = createTestContext(test.db, keys, { now: () => now });
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(await outcomeOf(caller.tracking.lookup({ trackingCode: code, mobileLast4: '0000', mobile: `1390000${String(1000 + attempt)}` }))).toBe('tracking.notFound');
    }
    now = new Date(now.getTime() + 23 * 3600_000);
    const error = await caller.tracking.lookup({ trackingCode: code, mobileLast4: '0000', mobile: '13900009999' }).catch((caught: TRPCError) => caught);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'Too many attempts for this tracking code; lookups are paused. Try again in 60 minutes or ask staff' });
    expect((error as TRPCError).cause).toMatchObject({ retryAfterSeconds: 3600 });
    now = new Date(now.getTime() + 3600_000);
    expect(await outcomeOf(caller.tracking.lookup({ trackingCode: code, mobileLast4: '0000', mobile: '13900009999' }))).toBe('tracking.notFound');
  });
});

describe('per-caller limits on tracking', () => {
  const limits = { trackingPerMinute: 3, signInPerMinute: 20, publicPerMinute: 120, terminalsPerAddress: 2 };

  it('refuses the 4th lookup in a minute from one address with 429 and the seconds to wait, then lets it through again', async () => {
    const code = await submit('19900005520');
    let now = new Date('2026-03-03T02:00:00Z');
    const { caller } = createTestContext(test.db, keys, { now: () => now, clientIp: '203.0.113.60', callerLimits: limits });
    for (let attempt = 0; attempt < 3; attempt++) await expect(caller.tracking.lookup({ trackingCode: code, mobileLast4: '5520' })).resolves.toBeDefined();
    now = new Date(now.getTime() + 20_000);
    const error = await caller.tracking.lookup({ trackingCode: code, mobileLast4: '5520' }).catch((caught: TRPCError) => caught);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'Too many lookups from this terminal; try again in 40 seconds' });
    expect((error as TRPCError).cause).toMatchObject({ code: 'tracking.rateLimited', messageZh: '本终端查询次数过多，请40秒后再试', retryAfterSeconds: 40 });
    // a refused call is not checked, so it does not use up the code's budget
    expect((await counterRow(`tracking:last4:${code}`))?.attempts).toBe(0);
    now = new Date(now.getTime() + 40_000);
    await expect(caller.tracking.lookup({ trackingCode: code, mobileLast4: '5520' })).resolves.toBeDefined();
  });

  it('keys kiosks on their terminal token as well as the address: a busy terminal does not lock out its hall', async () => {
    const code = await submit('19900005521');
    const now = new Date('2026-03-03T03:00:00Z');
    const terminal = (name: string) => createTestContext(test.db, keys, { now: () => now, clientIp: '203.0.113.61', terminalToken: `kiosk-terminal-${name}-0001`, callerLimits: limits }).caller;
    const [busy, quiet, third] = [terminal('a'), terminal('b'), terminal('c')];
    for (let attempt = 0; attempt < 3; attempt++) await busy.tracking.lookup({ trackingCode: code, mobileLast4: '5521' });
    expect(await outcomeOf(busy.tracking.lookup({ trackingCode: code, mobileLast4: '5521' }))).toBe('tracking.rateLimited');
    for (let attempt = 0; attempt < 2; attempt++) expect(await outcomeOf(quiet.tracking.lookup({ trackingCode: code, mobileLast4: '5521' }))).toBe('OK');
    // the address as a whole may make terminalsPerAddress × 3 = 6 lookups a minute (counted, refused or not): made-up
    // tokens buy an attacker no more than that
    expect(await outcomeOf(third.tracking.lookup({ trackingCode: code, mobileLast4: '5521' }))).toBe('tracking.rateLimited');
  });
});

describe('rating and review', () => {
  it('refuses a rating before the reply, changing nothing', async () => {
    const code = await submit('19900005510');
    const { caller } = createTestContext(test.db, keys);
    const before = await test.db.selectFrom('petition_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await expect(caller.tracking.rate({ trackingCode: code, mobileLast4: '5510', rating: 'satisfied' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const after = await test.db.selectFrom('petition_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('records 不满意 through the workflow, then a review request to the level above the replying unit', async () => {
    const code = await submit('19900005511');
    await toReplied(code, new Date());
    const { caller } = createTestContext(test.db, keys);
    const replied = await caller.tracking.lookup({ trackingCode: code, mobileLast4: '5511' });
    expect(replied).toMatchObject({ status: 'replied', statusLabel: { zh: '已答复' }, canRate: true, canRequestReview: true, handlingUnit: { zh: '区住房和建设局' } });
    expect(replied.notices.map((notice) => notice.title.zh)).toEqual(['受理告知书', '处理意见书']);
    expect(replied.notices[1]!.text).toContain('经查属实');
    const rated = await caller.tracking.rate({ trackingCode: code, mobileLast4: '5511', rating: 'dissatisfied', comment: '维修不及时' });
    expect(rated).toMatchObject({ status: 'evaluated', evaluation: 'dissatisfied', canRate: false, canRequestReview: true });
    await expect(caller.tracking.rate({ trackingCode: code, mobileLast4: '5511', rating: 'satisfied' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const reviewed = await caller.tracking.requestReview({ trackingCode: code, mobileLast4: '5511', reason: '路灯仍未修好，对处理意见不服。' });
    expect(reviewed).toMatchObject({ status: 'reviewRequested', statusLabel: { zh: '复查中' }, canRequestReview: false });
    const petition = await test.db.selectFrom('petitions').select(['id', 'status', 'version']).where('tracking_code', '=', code).executeTakeFirstOrThrow();
    const rows = await listPetitionEvents(test.db, petition.id);
    expect(rows.map((row) => row.type).slice(-2)).toEqual(['evaluationRecorded', 'reviewRequested']);
    expect(petition).toMatchObject({ status: 'reviewRequested', version: rows.length });
    // the petitioner's step moves the clock projection like a staff step: the reviewer's answer clock now drives
    const projection = await test.db.selectFrom('petitions').select(['due_at', 'light', 'clocks']).where('id', '=', petition.id).executeTakeFirstOrThrow();
    expect((projection.clocks as { due: { kind: string } | null }).due?.kind).toBe('answerReview');
    expect(projection.due_at).not.toBeNull();
    expect(projection.light).not.toBeNull();
    const district = await test.db.selectFrom('units').select('id').where('code', '=', '440304').executeTakeFirstOrThrow();
    expect(rows.at(-1)!.payload).toMatchObject({ reviewingUnitId: district.id });
  });

  it('refuses a review request after the 30-day window, changing nothing', async () => {
    const code = await submit('19900005512');
    const repliedAt = new Date('2026-01-05T02:00:00Z');
    await toReplied(code, repliedAt);
    await drive(code, [[{ action: 'recordDelivery', document: 'reply', deliveredAt: repliedAt.toISOString() }, await actor('handler')]], repliedAt);
    const { caller } = createTestContext(test.db, keys, { now: () => new Date('2026-03-01T02:00:00Z') });
    const timeline = await caller.tracking.lookup({ trackingCode: code, mobileLast4: '5512' });
    expect(timeline.canRequestReview).toBe(false);
    expect(timeline.reviewWindowEndsOn).toBe('2026-02-04');
    await expect(caller.tracking.requestReview({ trackingCode: code, mobileLast4: '5512', reason: '对处理意见不服，申请复查。' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const petition = await test.db.selectFrom('petitions').select('status').where('tracking_code', '=', code).executeTakeFirstOrThrow();
    expect(petition.status).toBe('replied');
  });
});
