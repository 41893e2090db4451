import { finishedStatuses } from '@xinfang/domain/casework/queues';
import { RecordedCount, zeroCounts } from '@xinfang/domain/indicators/recorded-counts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../database.ts';
import { visibleToReader, type ReaderScope } from './petition-visibility.ts';

/**
 * Daily counts behind the DOMAIN.md §7 indicators that the schema holds records for, per street: the domain's
 * `RecordedCount`s. Each metric is counted on the day that places a record in a period (the indicator definitions'
 * `periodBy`): registrations by day received, triage by day triaged, evaluations by day evaluated, conclusions by day
 * replied, visits by day of arrival.
 */
export const indicatorMetrics = RecordedCount.options;
export type IndicatorMetric = RecordedCount;
export type IndicatorCounts = Record<IndicatorMetric, number>;

/**
 * Whose records: every matter (`streetUnitId: null`), one street's (where the matter arose), and/or the matters a unit
 * is responsible for with the units below it (`responsiblePath`, a department's or a community's path). A visit
 * belongs where its first matter does. The daily rollup is kept per street, so a responsible-unit scope is counted
 * from the records.
 */
export interface CountScope {
  streetUnitId: string | null;
  responsiblePath?: string | null | undefined;
}

type Source = 'registrations' | 'triage' | 'evaluations' | 'conclusions' | 'visits';

/** Which records each metric counts. */
const sourceOf: Record<IndicatorMetric, Source> = {
  registered: 'registrations',
  registeredOnline: 'registrations',
  channelOnline: 'registrations',
  channelLetter: 'registrations',
  channelVisit: 'registrations',
  channelPhone: 'registrations',
  channelFax: 'registrations',
  triaged: 'triage',
  triagedPersons: 'triage',
  enteredProcedure: 'triage',
  litigationTriaged: 'triage',
  litigationAccepted: 'triage',
  evaluated: 'evaluations',
  evaluatedSatisfied: 'evaluations',
  concluded: 'conclusions',
  concludedOnTime: 'conclusions',
  visits: 'visits',
  visitPersons: 'visits',
  repeatVisits: 'visits',
  repeatVisitPersons: 'visits',
  collectiveVisits: 'visits',
  collectiveVisitPersons: 'visits',
};
const everySource: readonly Source[] = ['registrations', 'triage', 'evaluations', 'conclusions', 'visits'];

/** Art. 31 (1)–(5): claims that leave the petition procedure for a statutory channel (涉法涉诉). */
const statutoryRoutes = sql`('litigation', 'arbitration', 'partyReview', 'administrativeProcedure', 'statutoryDuty')`;

function withinScope(scope: CountScope, street: string, responsible: string): RawBuilder<SqlBool> {
  const conditions = [
    scope.streetUnitId === null ? sql`true` : sql`${sql.ref(street)} = ${scope.streetUnitId}::uuid`,
    scope.responsiblePath ? sql`${sql.ref(responsible)} like ${`${scope.responsiblePath}%`}` : sql`true`,
  ];
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * One row per record and metric of the days from `fromDay` to `toDay` (both included, Asia/Shanghai): the day that
 * places it in a period, its street, the matter behind it, when it was counted, the metric and what it adds. The
 * counts group these rows; a drill-down lists their matters — so a figure and its list never disagree.
 *
 * On time (按期办结): the reply's day is no later than the conclude clock's statutory due date in the matter's stored
 * clock projection — what the clock engine computed (rest-day roll, pauses, the approved extension) and the case
 * detail shows. The reply stops that clock, so later projections keep the due date it had at the reply. A matter
 * without a projected conclude clock (no receipt notice before the reply) is not on time.
 */
function factRows(fromDay: string, toDay: string, scope: CountScope, sources: readonly Source[] = everySource): RawBuilder<unknown> {
  const parts: Record<Source, RawBuilder<unknown>> = {
    registrations: sql`
      select (p.received_at at time zone 'Asia/Shanghai')::date as day, p.street_unit_id, p.id as petition_id, p.received_at as counted_at, m.metric, m.value
      from petitions p cross join bounds b
      cross join lateral (values
        ('registered', 1),
        ('registeredOnline', case when p.channel = 'online' or p.kiosk_assisted then 1 else 0 end),
        ('channel' || initcap(p.channel), 1)
      ) as m(metric, value)
      where p.received_at >= b.lo and p.received_at < b.hi and ${withinScope(scope, 'p.street_unit_id', 'p.responsible_path')}`,
    triage: sql`
      select (e.occurred_at at time zone 'Asia/Shanghai')::date as day, p.street_unit_id, p.id as petition_id, e.occurred_at as counted_at, m.metric, m.value
      from petition_events e cross join bounds b
      join petitions p on p.id = e.petition_id
      cross join lateral (select coalesce(e.payload->>'claimRoute' in ${statutoryRoutes}, false) as statutory) as s
      cross join lateral (values
        ('triaged', 1),
        ('triagedPersons', p.headcount),
        ('enteredProcedure', case when not s.statutory and (e.payload->>'canHandle')::boolean then 1 else 0 end),
        ('litigationTriaged', case when s.statutory then 1 else 0 end),
        ('litigationAccepted', case when s.statutory and exists (
          select 1 from petition_events o where o.petition_id = e.petition_id and o.type = 'diversionOutcomeRecorded' and o.payload->>'outcome' = 'accepted'
        ) then 1 else 0 end)
      ) as m(metric, value)
      where e.type = 'triaged' and e.occurred_at >= b.lo and e.occurred_at < b.hi and ${withinScope(scope, 'p.street_unit_id', 'p.responsible_path')}`,
    evaluations: sql`
      select (e.occurred_at at time zone 'Asia/Shanghai')::date as day, p.street_unit_id, p.id as petition_id, e.occurred_at as counted_at, m.metric, m.value
      from petition_events e cross join bounds b
      join petitions p on p.id = e.petition_id
      cross join lateral (values ('evaluated', 1), ('evaluatedSatisfied', case when e.payload->>'rating' in ('satisfied', 'basicallySatisfied') then 1 else 0 end)) as m(metric, value)
      where e.type = 'evaluationRecorded' and e.occurred_at >= b.lo and e.occurred_at < b.hi and ${withinScope(scope, 'p.street_unit_id', 'p.responsible_path')}`,
    conclusions: sql`
      select (e.occurred_at at time zone 'Asia/Shanghai')::date as day, p.street_unit_id, p.id as petition_id, e.occurred_at as counted_at, m.metric, m.value
      from petition_events e cross join bounds b
      join petitions p on p.id = e.petition_id
      left join lateral (
        select (r.reading->>'statutoryDue')::date as due_on
        from jsonb_array_elements(case when jsonb_typeof(p.clocks->'readings') = 'array' then p.clocks->'readings' else '[]'::jsonb end) as r(reading)
        where r.reading->>'kind' = 'conclude'
        limit 1
      ) as d on true
      cross join lateral (values
        ('concluded', 1),
        ('concludedOnTime', case when d.due_on is not null and (e.occurred_at at time zone 'Asia/Shanghai')::date <= d.due_on then 1 else 0 end)
      ) as m(metric, value)
      where e.type = 'replied' and e.occurred_at >= b.lo and e.occurred_at < b.hi and ${withinScope(scope, 'p.street_unit_id', 'p.responsible_path')}`,
    visits: sql`
      select (v.arrived_at at time zone 'Asia/Shanghai')::date as day, first.street_unit_id, first.id as petition_id, v.arrived_at as counted_at, m.metric, m.value
      from visits v cross join bounds b
      left join lateral (
        select q.id, q.street_unit_id, q.responsible_path, q.petitioner_id, q.received_at from petitions q where q.visit_id = v.id order by q.received_at, q.id limit 1
      ) as first on true
      cross join lateral (select first.petitioner_id is not null and exists (
        select 1 from petitions earlier where earlier.petitioner_id = first.petitioner_id and earlier.received_at < first.received_at
      ) as repeat) as r
      cross join lateral (values
        ('visits', 1),
        ('visitPersons', v.person_count),
        ('repeatVisits', case when r.repeat then 1 else 0 end),
        ('repeatVisitPersons', case when r.repeat then v.person_count else 0 end),
        ('collectiveVisits', case when v.person_count >= 5 then 1 else 0 end),
        ('collectiveVisitPersons', case when v.person_count >= 5 then v.person_count else 0 end)
      ) as m(metric, value)
      where v.arrived_at >= b.lo and v.arrived_at < b.hi and ${withinScope(scope, 'first.street_unit_id', 'first.responsible_path')}`,
  };
  return sql`
    with bounds as (
      select (${fromDay}::date::timestamp at time zone 'Asia/Shanghai') as lo, ((${toDay}::date + 1)::timestamp at time zone 'Asia/Shanghai') as hi
    )
    ${sql.join(
      sources.map((source) => sql`select * from (${parts[source]}) as ${sql.id(source)}`),
      sql` union all `,
    )}`;
}

/** The facts of the days from `fromDay` to `toDay`, one row per day, street and metric. */
function factsQuery(fromDay: string, toDay: string, scope: CountScope): RawBuilder<{ day: string; street_unit_id: string | null; metric: string; value: string }> {
  return sql`
    select day::text as day, street_unit_id, metric, sum(value)::bigint as value
    from (${factRows(fromDay, toDay, scope)}) as facts
    group by day, street_unit_id, metric
  `;
}

/** Rebuilds the daily counts of `fromDay` to `toDay` (both included) from the records. Returns the rows written. */
export async function refreshIndicatorDays(db: Executor, fromDay: string, toDay: string): Promise<number> {
  await sql`delete from indicator_daily where day between ${fromDay}::date and ${toDay}::date`.execute(db);
  const inserted = await sql`
    insert into indicator_daily (day, street_unit_id, metric, value)
    select day::date, street_unit_id, metric, value from (${factsQuery(fromDay, toDay, { streetUnitId: null })}) as facts
  `.execute(db);
  return Number(inserted.numAffectedRows ?? 0);
}

/** Marks every day up to `toDay` as rolled up: readers count later days from the records. */
export async function markIndicatorRollupComplete(db: Executor, toDay: string, now: Date): Promise<void> {
  await sql`update indicator_rollup_state set complete_through = ${toDay}::date, refreshed_at = ${now} where id = 1`.execute(db);
}

/**
 * Rebuilds the daily counts of `fromDay` to `toDay` (both included) from the records and marks every day up to
 * `toDay` complete. Run it for the days before today (nightly, or after a bulk load); re-running a range is safe.
 */
export async function refreshIndicatorRollup(db: Executor, fromDay: string, toDay: string, now: Date): Promise<number> {
  const rows = await refreshIndicatorDays(db, fromDay, toDay);
  await markIndicatorRollupComplete(db, toDay, now);
  return rows;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** How counts are grouped: not at all, by month (`YYYY-MM`), or by street (its unit id; matters without a street left out). */
export type CountGrouping = 'none' | 'month' | 'street';

const groupKeys: Record<CountGrouping, RawBuilder<string>> = {
  none: sql<string>`''`,
  month: sql<string>`left(day::text, 7)`,
  street: sql<string>`coalesce(street_unit_id::text, '')`,
};

/**
 * The counts of a period (both ends included), grouped: the daily rollup for the days it covers, the records
 * themselves for the days after it (and for a responsible-unit scope, which the rollup does not keep).
 */
export async function readIndicatorCountsGrouped(db: Executor, scope: CountScope, fromDay: string, toDay: string, grouping: CountGrouping): Promise<Map<string, IndicatorCounts>> {
  const state = await sql<{ complete_through: string | null }>`select complete_through::text as complete_through from indicator_rollup_state where id = 1`.execute(db);
  const completeThrough = scope.responsiblePath ? null : (state.rows[0]?.complete_through ?? null);
  const groups = new Map<string, IndicatorCounts>();
  const add = (rows: readonly { key: string; metric: string; value: string | number }[]) => {
    for (const row of rows) {
      if (grouping === 'street' && row.key === '') continue;
      if (!(indicatorMetrics as readonly string[]).includes(row.metric)) continue;
      const counts = groups.get(row.key) ?? zeroCounts();
      counts[row.metric as IndicatorMetric] += Number(row.value);
      groups.set(row.key, counts);
    }
  };
  const key = groupKeys[grouping];
  const rolledTo = completeThrough !== null && completeThrough < toDay ? completeThrough : toDay;
  if (completeThrough !== null && fromDay <= rolledTo) {
    const street = scope.streetUnitId === null ? sql`true` : sql`street_unit_id = ${scope.streetUnitId}::uuid`;
    const rolled = await sql<{ key: string; metric: string; value: string }>`
      select ${key} as key, metric, sum(value)::bigint as value from indicator_daily
      where day between ${fromDay}::date and ${rolledTo}::date and ${street}
      group by 1, metric
    `.execute(db);
    add(rolled.rows);
  }
  const liveFrom = completeThrough === null ? fromDay : completeThrough >= fromDay ? nextDay(completeThrough) : fromDay;
  if (liveFrom <= toDay) {
    const live = await sql<{ key: string; metric: string; value: string }>`
      select ${key} as key, metric, sum(value)::bigint as value from (${factsQuery(liveFrom, toDay, scope)}) as facts group by 1, metric
    `.execute(db);
    add(live.rows);
  }
  return groups;
}

/**
 * The counts of a period (both ends included) for the district, one street, or a responsible unit: the daily rollup
 * for the days it covers, the records themselves for the days after it.
 */
export async function readIndicatorCounts(db: Executor, scope: CountScope, fromDay: string, toDay: string): Promise<IndicatorCounts> {
  return (await readIndicatorCountsGrouped(db, scope, fromDay, toDay, 'none')).get('') ?? zeroCounts();
}

/** A matter behind a count, as a drill-down lists it. */
export interface IndicatorRecordRow {
  id: string;
  trackingCode: string;
  summary: string;
  status: string;
  channel: string;
  kioskAssisted: boolean;
  petitionClass: string | null;
  streetName: string | null;
  light: string | null;
  receivedAt: Date;
  countedAt: Date;
  weight: number;
}

/**
 * The matters behind one metric of a period and scope — the same fact rows the counts sum — that the reader may see
 * (`visibleToReader`: jurisdiction and the accusation firewall, like every list of petitions), newest first, a keyset
 * page at a time. A count can therefore hold matters its reader is not shown (an accusation against them).
 */
export async function listIndicatorRecords(
  db: Executor,
  reader: ReaderScope,
  scope: CountScope,
  metric: IndicatorMetric,
  fromDay: string,
  toDay: string,
  page: { limit: number; after?: { at: string; id: string } | undefined },
): Promise<IndicatorRecordRow[]> {
  const after = page.after ? sql`(f.counted_at, p.id) < (${new Date(page.after.at)}::timestamptz, ${page.after.id}::uuid)` : sql`true`;
  const rows = await sql<{
    id: string;
    tracking_code: string;
    summary: string;
    status: string;
    channel: string;
    kiosk_assisted: boolean;
    petition_class: string | null;
    street_name: string | null;
    light: string | null;
    received_at: Date | string;
    counted_at: Date | string;
    weight: string | number;
  }>`
    select p.id, p.tracking_code, p.summary, p.status, p.channel, p.kiosk_assisted, p.petition_class, st.name_zh as street_name, p.light, p.received_at,
      f.counted_at, f.weight
    from (
      select petition_id, max(counted_at) as counted_at, sum(value)::bigint as weight
      from (${factRows(fromDay, toDay, scope, [sourceOf[metric]])}) as facts
      where metric = ${metric} and value > 0 and petition_id is not null
      group by petition_id
    ) as f
    join petitions p on p.id = f.petition_id
    left join units st on st.id = p.street_unit_id
    where ${visibleToReader(reader)} and ${after}
    order by f.counted_at desc, p.id desc
    limit ${page.limit}
  `.execute(db);
  return rows.rows.map((row) => ({
    id: row.id,
    trackingCode: row.tracking_code,
    summary: row.summary,
    status: row.status,
    channel: row.channel,
    kioskAssisted: row.kiosk_assisted,
    petitionClass: row.petition_class,
    streetName: row.street_name,
    light: row.light,
    receivedAt: new Date(row.received_at),
    countedAt: new Date(row.counted_at),
    weight: Number(row.weight),
  }));
}

/** Open matters of a scope by the light of their most urgent unit clock; `none` when no unit clock is running. */
export async function countOpenMattersByLight(db: Executor, scope: CountScope): Promise<{ green: number; yellow: number; red: number; none: number }> {
  const rows = await sql<{ light: string; n: string }>`
    select coalesce(p.light, 'none') as light, count(*)::bigint as n
    from petitions p
    where p.status not in (${sql.join(finishedStatuses)}) and ${withinScope(scope, 'p.street_unit_id', 'p.responsible_path')}
    group by 1
  `.execute(db);
  const lights = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const row of rows.rows) if (row.light in lights) lights[row.light as keyof typeof lights] += Number(row.n);
  return lights;
}
