import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { readIndicatorCounts } from '@xinfang/db/repositories/indicators';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { isDomainError } from '@xinfang/domain/errors';
import { figureOf } from '@xinfang/domain/indicators/indicator-figure';
import { resolvePeriod, samePeriodLastYear, type IndicatorPeriod } from '@xinfang/domain/indicators/indicator-period';
import type { DrillDownItem } from '@xinfang/domain/indicators/indicator-queries';
import { findIndicator, indicatorRegistry, isRecordedIndicator, type IndicatorId } from '@xinfang/domain/indicators/indicator-registry';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();
type Caller = ReturnType<typeof createTestContext>['caller'];
const callers: Record<string, Caller> = {};
const unitIds: Record<string, string> = {};
const now = new Date();
const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
/** The last 400 days: the demo histories reach back about a year. */
const recent: IndicatorPeriod = {
  kind: 'range',
  from: new Date(now.getTime() - 400 * 86_400_000).toISOString().slice(0, 10),
  to: new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10),
};
let accusationId = '';

async function signedIn(username: string, password: string): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys);
  await caller.auth.signIn({ username, password });
  return caller;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; messageCode: string | undefined }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  return { code: trpc.code, messageCode: isDomainError(trpc.cause) ? trpc.cause.code : undefined };
}

async function everyItem(caller: Caller, input: { indicatorId: IndicatorId; part: 'numerator' | 'denominator'; period: IndicatorPeriod; scope: { kind: 'district' } | { kind: 'street' | 'department'; unitId: string } }, limit = 7): Promise<DrillDownItem[]> {
  const items: DrillDownItem[] = [];
  let after: { at: string; id: string } | undefined;
  for (let pages = 0; pages < 200; pages += 1) {
    const page = await caller.indicators.drillDown({ ...input, limit, after });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    after = page.nextCursor;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  await seedDemoData(test.db, { now, keys, hashPassword, petitions: 60 });
  for (const code of ['440304', '440304001000', '440304002000', '440304D01', '440304001001']) unitIds[code] = (await getUnitByCode(test.db, code)).id;
  callers.leader = await signedIn('leader', 'Demo-leader-2026');
  callers.statistician = await signedIn('statistician', 'Demo-statistician-2026');
  callers.streetLeader = await signedIn('street-leader', 'Demo-street-leader-2026');
  callers.depthead = await signedIn('depthead', 'Demo-depthead-2026');
  callers.reception = await signedIn('reception', 'Demo-reception-2026');
  // an accusation that arose in 南园 street and accuses the 南园 street office itself
  const accusation = await callers.reception.petitions.register({
    channel: 'letter',
    receivedAt: new Date(now.getTime() - 3_600_000).toISOString(),
    hallUnitId: unitIds['440304']!,
    streetUnitId: unitIds['440304001000']!,
    summary: '举报街道办工作人员（指标测试）',
    content: '【测试数据】举报南园街道办事处在拆迁补偿中违规操作。',
    petitionClass: 'accusation',
    accusedParties: { unitIds: [unitIds['440304001000']!], staffIds: [] },
    persons: [{ name: '测试举报人', idCardNumber: '11010519491231002X', mobile: '19900004321' }],
    idempotencyKey: randomUUID(),
  });
  accusationId = accusation.id;
}, 180_000);

describe('indicators.list', () => {
  it('returns every §7 definition with its version; the unrecorded ones say so', async () => {
    const list = await callers.statistician!.indicators.list();
    expect(list.map((definition) => definition.id)).toEqual(indicatorRegistry.map((definition) => definition.id));
    expect(list.find((definition) => definition.id === 'onTimeConclusionRate')).toMatchObject({ version: 2, source: 'records', drillDown: { numerator: 'concludedOnTime', denominator: 'concluded' } });
    expect(list.find((definition) => definition.id === 'hallIncidents')).toMatchObject({ source: 'notRecordedYet', drillDown: null });
  });

  it('is refused to a role without indicators.view', async () => {
    expect(await refusal(callers.reception!.indicators.list())).toMatchObject({ code: 'FORBIDDEN', messageCode: 'auth.forbidden' });
  });
});

describe('indicators.compute', () => {
  it('gives every figure from the counts, with last year’s and 同比, and the definition’s version', async () => {
    const report = await callers.leader!.indicators.compute({ period: recent, scope: { kind: 'district' } });
    const period = resolvePeriod(recent);
    const previousPeriod = samePeriodLastYear(period);
    expect(report.period).toEqual(period);
    expect(report.previousPeriod).toEqual(previousPeriod);
    const counts = await readIndicatorCounts(test.db, { streetUnitId: null }, period.from, period.to);
    const previous = await readIndicatorCounts(test.db, { streetUnitId: null }, previousPeriod.from, previousPeriod.to);
    expect(counts.registered).toBeGreaterThan(0);
    expect(report.figures).toHaveLength(indicatorRegistry.length);
    for (const figure of report.figures) {
      const definition = findIndicator(figure.id);
      expect(figure.version).toBe(definition.version);
      expect(figure).toEqual(isRecordedIndicator(definition) ? figureOf(definition, counts, previous) : figureOf(definition, undefined));
    }
    const online = report.figures.find((figure) => figure.id === 'onlineShare')!;
    expect(online.current).toMatchObject({ numerator: counts.registeredOnline, denominator: counts.registered });
    expect(online.current!.rate).toBe(Math.round((counts.registeredOnline / counts.registered) * 10_000) / 100);
    expect(report.figures.find((figure) => figure.id === 'psychVisitorsReceived')).toMatchObject({ status: 'notRecordedYet', current: null });
    expect(report.channels.reduce((sum, entry) => sum + entry.count, 0)).toBe(counts.registered);
    const lights = report.openLights;
    const open = await test.db.selectFrom('petitions').select((eb) => eb.fn.countAll<string>().as('n')).where('status', 'not in', ['closed', 'notAccepted', 'withdrawn', 'merged']).executeTakeFirstOrThrow();
    expect(lights.green + lights.yellow + lights.red + lights.none).toBe(Number(open.n));
  });

  it.each([
    [{ kind: 'month', year: thisYear, month: 1 }],
    [{ kind: 'quarter', year: thisYear, quarter: 2 }],
    [{ kind: 'year', year: thisYear }],
    [{ kind: 'range', from: `${thisYear}-01-01`, to: `${thisYear}-10-31` }],
  ] as const)('computes for %j', async (period) => {
    const report = await callers.statistician!.indicators.compute({ period, scope: { kind: 'district' } });
    expect(report.period).toEqual(resolvePeriod(period));
    const counts = await readIndicatorCounts(test.db, { streetUnitId: null }, report.period.from, report.period.to);
    expect(report.figures.find((figure) => figure.id === 'satisfactionRate')!.current).toMatchObject({ numerator: counts.evaluatedSatisfied, denominator: counts.evaluated });
  });

  it('narrows to a street and to a department', async () => {
    const district = await callers.leader!.indicators.compute({ period: recent, scope: { kind: 'district' } });
    const street = await callers.leader!.indicators.compute({ period: recent, scope: { kind: 'street', unitId: unitIds['440304001000']! } });
    const department = await callers.leader!.indicators.compute({ period: recent, scope: { kind: 'department', unitId: unitIds['440304D01']! } });
    expect(street.scope).toMatchObject({ kind: 'street', name: { zh: '南园街道' } });
    expect(department.scope).toMatchObject({ kind: 'department', name: { zh: '区住房和建设局' } });
    const registered = (report: typeof district) => report.figures.find((figure) => figure.id === 'onlineShare')!.current!.denominator!;
    expect(registered(street)).toBeGreaterThan(0);
    expect(registered(street)).toBeLessThan(registered(district));
    expect(registered(department)).toBeLessThan(registered(district));
  });

  it.each([
    ['a street leader asks for the district', 'streetLeader', { kind: 'district' }, 'FORBIDDEN', 'access.outsideJurisdiction'],
    ['a street leader asks for another street', 'streetLeader', { kind: 'street', unitId: '440304002000' }, 'FORBIDDEN', 'access.outsideJurisdiction'],
    ['a department head asks for a street', 'depthead', { kind: 'street', unitId: '440304001000' }, 'FORBIDDEN', 'access.outsideJurisdiction'],
    ['a department head asks for the district', 'depthead', { kind: 'district' }, 'FORBIDDEN', 'access.outsideJurisdiction'],
    ['a street scope naming a department', 'leader', { kind: 'street', unitId: '440304D01' }, 'UNPROCESSABLE_CONTENT', 'validation.invalid'],
    ['a department scope naming a street', 'leader', { kind: 'department', unitId: '440304001000' }, 'UNPROCESSABLE_CONTENT', 'validation.invalid'],
    ['an unknown unit', 'leader', { kind: 'street', unitId: 'unknown' }, 'UNPROCESSABLE_CONTENT', 'validation.invalid'],
  ] as const)('refuses: %s', async (_name, who, scope, code, messageCode) => {
    const resolved = 'unitId' in scope ? { ...scope, unitId: unitIds[scope.unitId] ?? randomUUID() } : scope;
    expect(await refusal(callers[who]!.indicators.compute({ period: recent, scope: resolved }))).toMatchObject({ code, messageCode });
  });

  it('lets a street leader and a department head read their own unit', async () => {
    expect((await callers.streetLeader!.indicators.compute({ period: recent, scope: { kind: 'street', unitId: unitIds['440304001000']! } })).scope.kind).toBe('street');
    expect((await callers.depthead!.indicators.compute({ period: recent, scope: { kind: 'department', unitId: unitIds['440304D01']! } })).scope.kind).toBe('department');
  });
});

describe('indicators.breakdown', () => {
  it('gives the months of the period, which add up to the period', async () => {
    const period = { kind: 'range', from: `${thisYear}-01-01`, to: `${thisYear}-10-31` } as const;
    const months = await callers.leader!.indicators.breakdown({ period, scope: { kind: 'district' }, by: 'month' });
    expect(months.rows.map((row) => row.key)).toEqual(Array.from({ length: 10 }, (_, index) => `${thisYear}-${String(index + 1).padStart(2, '0')}`));
    expect(months.rows[0]!.label).toEqual({ zh: `${thisYear}年1月`, en: `${thisYear}-01` });
    const total = await callers.leader!.indicators.compute({ period, scope: { kind: 'district' } });
    for (const id of ['onlineShare', 'satisfactionRate', 'onTimeConclusionRate', 'collectiveVisitBatches'] as const) {
      const sum = months.rows.reduce((acc, row) => acc + row.figures.find((figure) => figure.id === id)!.current!.numerator, 0);
      expect(sum, id).toBe(total.figures.find((figure) => figure.id === id)!.current!.numerator);
    }
    expect(months.rows[0]!.figures.every((figure) => figure.status === 'computed')).toBe(true);
  });

  it('gives the ten streets to the bureau and only their own to a street leader', async () => {
    const streets = await callers.leader!.indicators.breakdown({ period: recent, scope: { kind: 'district' }, by: 'street' });
    expect(streets.rows).toHaveLength(10);
    const own = await callers.streetLeader!.indicators.breakdown({ period: recent, scope: { kind: 'street', unitId: unitIds['440304001000']! }, by: 'street' });
    expect(own.rows.map((row) => row.label.zh)).toEqual(['南园街道']);
    const fromDistrict = streets.rows.find((row) => row.key === unitIds['440304001000'])!;
    expect(own.rows[0]!.figures).toEqual(fromDistrict.figures);
  });
});

describe('indicators.drillDown', () => {
  it.each([
    ['onlineShare', 'numerator'],
    ['onlineShare', 'denominator'],
    ['satisfactionRate', 'numerator'],
    ['onTimeConclusionRate', 'denominator'],
    ['collectiveVisitPersons', 'numerator'],
  ] as const)('%s %s: the bureau sees exactly the matters behind the number, page by page', async (indicatorId, part) => {
    const report = await callers.leader!.indicators.compute({ period: recent, scope: { kind: 'district' } });
    const value = report.figures.find((figure) => figure.id === indicatorId)!.current!;
    const items = await everyItem(callers.leader!, { indicatorId, part, period: recent, scope: { kind: 'district' } });
    expect(items.reduce((sum, item) => sum + item.weight, 0)).toBe(part === 'numerator' ? value.numerator : value.denominator);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it('never lists an accusation to the unit it accuses, though its count holds it', async () => {
    const scope = { kind: 'street', unitId: unitIds['440304001000']! } as const;
    const input = { indicatorId: 'onlineShare', part: 'denominator', period: recent, scope } as const;
    const streetItems = await everyItem(callers.streetLeader!, input);
    const report = await callers.streetLeader!.indicators.compute({ period: recent, scope });
    const registered = report.figures.find((figure) => figure.id === 'onlineShare')!.current!.denominator!;
    expect(streetItems.map((item) => item.id)).not.toContain(accusationId);
    // every accusation of the street that accuses the street office or a unit above it stays out of its list
    const district = unitIds['440304']!;
    const city = (await test.db.selectFrom('units').select('parent_id').where('id', '=', district).executeTakeFirstOrThrow()).parent_id!;
    const accusations = await test.db
      .selectFrom('petitions')
      .select(['id', 'accused_unit_ids'])
      .where('street_unit_id', '=', scope.unitId)
      .where('petition_class', '=', 'accusation')
      .where('received_at', '>=', new Date(`${resolvePeriod(recent).from}T00:00:00+08:00`))
      .execute();
    const hidden = accusations.filter((row) => row.accused_unit_ids.some((id) => [scope.unitId, district, city].includes(id)));
    expect(hidden.map((row) => row.id)).toContain(accusationId);
    expect(streetItems).toHaveLength(registered - hidden.length);
    expect(JSON.stringify(streetItems)).not.toContain('举报');
    const bureauItems = await everyItem(callers.leader!, input);
    expect(bureauItems.map((item) => item.id)).toContain(accusationId);
  });

  it('refuses a figure without records, a count’s denominator and a scope out of reach', async () => {
    expect(await refusal(callers.leader!.indicators.drillDown({ indicatorId: 'hallIncidents', part: 'numerator', period: recent, scope: { kind: 'district' } }))).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect(await refusal(callers.leader!.indicators.drillDown({ indicatorId: 'collectiveVisitBatches', part: 'denominator', period: recent, scope: { kind: 'district' } }))).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect(await refusal(callers.streetLeader!.indicators.drillDown({ indicatorId: 'onlineShare', part: 'numerator', period: recent, scope: { kind: 'district' } }))).toMatchObject({
      code: 'FORBIDDEN',
      messageCode: 'access.outsideJurisdiction',
    });
  });
});
