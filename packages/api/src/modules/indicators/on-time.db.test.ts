import { randomUUID } from 'node:crypto';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { demoAccounts, seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { shanghaiDay } from '@xinfang/domain/time/calendar-day';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

/**
 * On-time conclusion (按期办结) uses the clock engine's due date, exactly as the case detail shows it: each case below
 * runs through the real workflow on the real calendar (2026) and is counted on time when its reply's day is no later
 * than the conclude clock's due date — the rest-day roll, pauses and the approved extension included. The last column
 * is what the old SQL (60 plain calendar days plus the extension) said, to show where the two part.
 */
const test = useTestDatabase();
const keys = createTestKeys();
type Caller = ReturnType<typeof createTestContext>['caller'];
let clock = new Date('2026-01-05T02:00:00Z');
const units: Record<string, string> = {};

interface Case {
  name: string;
  /** The day the unit gives the receipt notice: the conclude clock starts the day after. */
  receipt: string;
  pause?: { from: string; to: string };
  extensionDays?: number;
  /** When the reply is issued (Asia/Shanghai). */
  reply: string;
  dueOn: string;
  onTime: boolean;
  oldSqlOnTime: boolean;
}

const cases: Case[] = [
  { name: 'the last day falls in the Labour Day holiday: the due date rolls to the next working day', receipt: '2026-03-03', reply: '2026-05-06T10:00', dueOn: '2026-05-06', onTime: true, oldSqlOnTime: false },
  { name: 'a reply the day after the rolled due date', receipt: '2026-03-03', reply: '2026-05-07T10:00', dueOn: '2026-05-06', onTime: false, oldSqlOnTime: false },
  { name: 'ten paused days (a hearing) do not count', receipt: '2026-04-06', pause: { from: '2026-04-10', to: '2026-04-20' }, reply: '2026-06-12T10:00', dueOn: '2026-06-15', onTime: true, oldSqlOnTime: false },
  { name: 'an approved extension of 20 days', receipt: '2026-06-01', extensionDays: 20, reply: '2026-08-18T10:00', dueOn: '2026-08-20', onTime: true, oldSqlOnTime: true },
  { name: 'a reply late in the evening of the due date', receipt: '2026-08-01', reply: '2026-09-30T23:30', dueOn: '2026-09-30', onTime: true, oldSqlOnTime: true },
  { name: 'a reply just after midnight, the day after the due date', receipt: '2026-08-01', reply: '2026-10-01T00:30', dueOn: '2026-09-30', onTime: false, oldSqlOnTime: false },
];
const petitionOf = new Map<string, string>();

/** A signed-in caller whose clock is the test's clock (signing in afresh: the clock jumps weeks between steps). */
async function as(username: string): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys, { now: () => clock });
  await caller.auth.signIn({ username, password: demoAccounts.find((account) => account.username === username)!.password });
  return caller;
}

const at = (local: string) => new Date(`${local.length === 10 ? `${local}T10:00` : local}:00+08:00`);

async function run(entry: Case): Promise<string> {
  clock = at(`${entry.receipt}T08:00`);
  clock = new Date(clock.getTime() - 2 * 86_400_000);
  const registered = await (await as('reception')).petitions.register({
    channel: 'visit',
    receivedAt: clock.toISOString(),
    hallUnitId: units['440304']!,
    streetUnitId: units['440304001000']!,
    summary: '小区电梯长期故障（按期办结测试）',
    content: '【测试数据】小区电梯长期故障无人维修，物业不予处理。',
    persons: [{ name: '测试信访人', idCardNumber: '11010519491231002X', mobile: '19900001234' }],
    idempotencyKey: randomUUID(),
  });
  const id = registered.id;
  let version = registered.version;
  const step = async (username: string, action: string, input: Record<string, unknown>) => {
    const caller = await as(username);
    const procedure = (caller.petitions as unknown as Record<string, (input: unknown) => Promise<{ version: number }>>)[action]!;
    version = (await procedure({ petitionId: id, expectedVersion: version, ...input })).version;
  };
  await step('lawyer', 'triage', { petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '可按信访程序办理', legalBasis: '《信访工作条例》第三十一条' });
  clock = new Date(clock.getTime() + 86_400_000);
  await step('reception', 'route', { unitId: units['440304D01'], mode: 'transfer' });
  clock = at(`${entry.receipt}T09:00`);
  await step('handler', 'acknowledgeReceipt', { noticeText: '已受理', noticeGivenAt: clock.toISOString() });
  const handlerId = (await test.db.selectFrom('staff').select('id').where('username', '=', 'handler').executeTakeFirstOrThrow()).id;
  await step('handler', 'startHandling', { handlerStaffId: handlerId });
  if (entry.pause) {
    clock = at(entry.pause.from);
    await step('handler', 'pauseClock', { clock: 'conclude', reason: 'hearing', note: '组织听证' });
    clock = at(entry.pause.to);
    await step('handler', 'resumeClock', { clock: 'conclude' });
  }
  if (entry.extensionDays) {
    clock = at(`${entry.receipt}T15:00`);
    await step('handler', 'requestExtension', { days: entry.extensionDays, reason: '需现场核查' });
    await step('depthead', 'approveExtension', { days: entry.extensionDays, reason: '需现场核查' });
  }
  clock = at(entry.reply);
  await step('handler', 'reply', { outcome: 'support', facts: '经查属实', legalBasis: '《特种设备安全法》' });
  return id;
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: clock, keys, hashPassword, petitions: 0 });
  for (const code of ['440304', '440304001000', '440304D01']) units[code] = (await getUnitByCode(test.db, code)).id;
  for (const entry of cases) petitionOf.set(entry.name, await run(entry));
  clock = new Date('2026-12-05T02:00:00Z');
}, 240_000);

describe('on-time conclusion uses the conclude clock’s due date as the case detail shows it', () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const leader = await as('leader');
    const id = petitionOf.get(entry.name)!;
    const detail = await leader.petitions.get({ id });
    const conclude = detail.clocks.find((reading) => reading.kind === 'conclude')!;
    expect(conclude.statutoryDue).toBe(entry.dueOn);
    const repliedOn = shanghaiDay(at(entry.reply).toISOString());
    expect(repliedOn <= conclude.statutoryDue).toBe(entry.onTime);
    // what the old SQL counted: 60 calendar days after the receipt notice plus the extension, no roll, no pause
    const oldDue = new Date(`${entry.receipt}T00:00:00Z`);
    oldDue.setUTCDate(oldDue.getUTCDate() + 60 + (entry.extensionDays ?? 0));
    expect(repliedOn <= oldDue.toISOString().slice(0, 10)).toBe(entry.oldSqlOnTime);

    const period = { kind: 'year', year: 2026 } as const;
    const listed = async (part: 'numerator' | 'denominator') => {
      const ids: string[] = [];
      let after: { at: string; id: string } | undefined;
      for (;;) {
        const page = await leader.indicators.drillDown({ indicatorId: 'onTimeConclusionRate', part, period, scope: { kind: 'district' }, limit: 100, after });
        ids.push(...page.items.map((item) => item.id));
        if (!page.nextCursor) return ids;
        after = page.nextCursor;
      }
    };
    expect(await listed('denominator')).toContain(id);
    expect((await listed('numerator')).includes(id)).toBe(entry.onTime);
  });

  it('the figure counts them so (version 2)', async () => {
    const report = await (await as('statistician')).indicators.compute({ period: { kind: 'year', year: 2026 }, scope: { kind: 'department', unitId: units['440304D01']! } });
    const figure = report.figures.find((entry) => entry.id === 'onTimeConclusionRate')!;
    const onTime = cases.filter((entry) => entry.onTime).length;
    expect(figure).toMatchObject({ version: 2, current: { numerator: onTime, denominator: cases.length } });
    expect(figure.current!.display).toBe(`${((onTime / cases.length) * 100).toFixed(2)}%`);
  });
});
