import { countOpenMattersByLight, listIndicatorRecords, readIndicatorCounts, readIndicatorCountsGrouped, type CountScope } from '@xinfang/db/repositories/indicators';
import type { UnitRow } from '@xinfang/db/schema';
import { DomainError } from '@xinfang/domain/errors';
import type { Period } from '@xinfang/domain/indicators/indicator-definition';
import { figureOf } from '@xinfang/domain/indicators/indicator-figure';
import { monthsOf, resolvePeriod, samePeriodLastYear } from '@xinfang/domain/indicators/indicator-period';
import type { BreakdownQuery, DrillDownPage, DrillDownQuery, IndicatorBreakdown, IndicatorQuery, IndicatorReport } from '@xinfang/domain/indicators/indicator-queries';
import { findIndicator, indicators, isRecordedIndicator } from '@xinfang/domain/indicators/indicator-registry';
import { isScopeUnitOfKind, isScopeWithinReach, type IndicatorScope } from '@xinfang/domain/indicators/indicator-scope';
import { zeroCounts, type RecordedCount, type RecordedCounts } from '@xinfang/domain/indicators/recorded-counts';
import { Channel, Light, PetitionClass, PetitionStatus } from '@xinfang/domain/petition';
import type { UnitKind } from '@xinfang/domain/staff';
import type { z } from 'zod';
import { cachedUnits, readerScopeOf, type StaffContext } from '../petitions/workflow.service.ts';

/** The recorded count of each channel (registrations by `channel`; kiosk-assisted ones stay under theirs). */
const channelCounts = {
  online: 'channelOnline',
  letter: 'channelLetter',
  visit: 'channelVisit',
  phone: 'channelPhone',
  fax: 'channelFax',
} as const satisfies Record<Channel, RecordedCount>;

interface ResolvedScope {
  count: CountScope;
  view: IndicatorReport['scope'];
}

function asScopeUnit(unit: UnitRow) {
  return { id: unit.id, kind: unit.kind as UnitKind, path: unit.path };
}

/**
 * The scope as the counts take it, after the rules: the unit exists and is of the scope's kind (validation), and the
 * reader reaches it — the district only from a district-level unit, a street or a department from that unit or one
 * above it (`access.outsideJurisdiction`).
 */
async function resolveScope(ctx: StaffContext, scope: IndicatorScope): Promise<ResolvedScope> {
  const units = await cachedUnits(ctx.db);
  const readerUnit = units.find((unit) => unit.id === ctx.actor.unitId);
  if (!readerUnit) throw new DomainError('access.outsideJurisdiction', 'forbidden');
  const reader = asScopeUnit(readerUnit);
  if (scope.kind === 'district') {
    if (!isScopeWithinReach(reader, scope)) throw new DomainError('access.outsideJurisdiction', 'forbidden');
    return { count: { streetUnitId: null }, view: { kind: 'district', unitId: null, name: { zh: readerUnit.name_zh, en: readerUnit.name_en } } };
  }
  const unit = units.find((candidate) => candidate.id === scope.unitId);
  if (!unit || !isScopeUnitOfKind(scope.kind, asScopeUnit(unit))) throw new DomainError('validation.invalid', 'invalid');
  if (!isScopeWithinReach(reader, { kind: scope.kind, unit: asScopeUnit(unit) })) throw new DomainError('access.outsideJurisdiction', 'forbidden');
  const view = { kind: scope.kind, unitId: unit.id, name: { zh: unit.name_zh, en: unit.name_en } };
  return scope.kind === 'street' ? { count: { streetUnitId: unit.id }, view } : { count: { streetUnitId: null, responsiblePath: unit.path }, view };
}

/** Every definition's figure: the recorded ones from the counts (with last year's when given), the others "not recorded yet". */
function figuresOf(current: RecordedCounts, previous?: RecordedCounts) {
  return indicators.map((definition) => (isRecordedIndicator(definition) ? figureOf(definition, current, previous) : figureOf(definition, undefined)));
}

/**
 * Every DOMAIN.md §7 figure of a period and scope, with the same period last year and 同比, the channel mix of the
 * period and the lights of the scope's open matters today.
 */
export async function computeIndicators(ctx: StaffContext, input: IndicatorQuery): Promise<IndicatorReport> {
  const scope = await resolveScope(ctx, input.scope);
  const period = resolvePeriod(input.period);
  const previousPeriod = samePeriodLastYear(period);
  const current = await readIndicatorCounts(ctx.db, scope.count, period.from, period.to);
  const previous = await readIndicatorCounts(ctx.db, scope.count, previousPeriod.from, previousPeriod.to);
  const openLights = await countOpenMattersByLight(ctx.db, scope.count);
  return {
    period,
    previousPeriod,
    scope: scope.view,
    figures: figuresOf(current, previous),
    channels: Channel.options.map((channel) => ({ channel, count: current[channelCounts[channel]] })),
    openLights,
    computedAt: ctx.now().toISOString(),
  };
}

function monthLabel(month: string): { zh: string; en: string } {
  return { zh: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`, en: month };
}

/**
 * The recorded figures of a period and scope month by month (each month cut to the period), or street by street (the
 * streets the reader reaches, each with its matters inside the scope).
 */
export async function breakDownIndicators(ctx: StaffContext, input: BreakdownQuery): Promise<IndicatorBreakdown> {
  const scope = await resolveScope(ctx, input.scope);
  const period: Period = resolvePeriod(input.period);
  const recorded = indicators.filter(isRecordedIndicator);
  const figures = (counts: RecordedCounts | undefined) => recorded.map((definition) => figureOf(definition, counts ?? zeroCounts()));
  if (input.by === 'month') {
    const groups = await readIndicatorCountsGrouped(ctx.db, scope.count, period.from, period.to, 'month');
    return { by: 'month', rows: monthsOf(period).map((month) => ({ key: month.month, label: monthLabel(month.month), figures: figures(groups.get(month.month)) })) };
  }
  const units = await cachedUnits(ctx.db);
  const readerUnit = units.find((unit) => unit.id === ctx.actor.unitId)!;
  const streets = units.filter(
    (unit) =>
      unit.kind === 'street' &&
      isScopeWithinReach(asScopeUnit(readerUnit), { kind: 'street', unit: asScopeUnit(unit) }) &&
      (scope.count.streetUnitId === null || scope.count.streetUnitId === unit.id),
  );
  const groups = await readIndicatorCountsGrouped(ctx.db, scope.count, period.from, period.to, 'street');
  return { by: 'street', rows: streets.map((street) => ({ key: street.id, label: { zh: street.name_zh, en: street.name_en }, figures: figures(groups.get(street.id)) })) };
}

/**
 * The matters behind one part of a figure, newest first, a keyset page at a time: the same fact rows the figure
 * counts, filtered by the one visibility rule (`visibleToReader` with `readerScopeOf`) — jurisdiction and the
 * accusation firewall — so an accused unit never sees the accusation in the list even though the count holds it.
 */
export async function drillDownIndicator(ctx: StaffContext, input: z.output<typeof DrillDownQuery>): Promise<DrillDownPage> {
  const definition = findIndicator(input.indicatorId);
  if (!isRecordedIndicator(definition)) throw new DomainError('validation.invalid', 'invalid');
  const metric = input.part === 'numerator' ? definition.drillDown.numerator : definition.drillDown.denominator;
  if (metric === null) throw new DomainError('validation.invalid', 'invalid');
  const scope = await resolveScope(ctx, input.scope);
  const period = resolvePeriod(input.period);
  const rows = await listIndicatorRecords(ctx.db, await readerScopeOf(ctx), scope.count, metric, period.from, period.to, { limit: input.limit, after: input.after });
  const items = rows.map((row) => ({
    id: row.id,
    trackingCode: row.trackingCode,
    summary: row.summary,
    status: PetitionStatus.parse(row.status),
    channel: Channel.parse(row.channel),
    kioskAssisted: row.kioskAssisted,
    petitionClass: row.petitionClass === null ? null : PetitionClass.parse(row.petitionClass),
    streetName: row.streetName,
    light: row.light === null ? null : Light.parse(row.light),
    receivedAt: row.receivedAt.toISOString(),
    countedAt: row.countedAt.toISOString(),
    weight: row.weight,
  }));
  const last = items.at(-1);
  return {
    indicatorId: definition.id,
    version: definition.version,
    part: input.part,
    count: metric,
    items,
    nextCursor: items.length === input.limit && last ? { at: last.countedAt, id: last.id } : null,
  };
}
