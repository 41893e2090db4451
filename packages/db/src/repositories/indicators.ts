import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../database.ts';

/**
 * Daily counts behind the DOMAIN.md §7 indicators that the schema holds records for, per street. Each metric is
 * counted on the day that places a record in a period (the indicator definitions' `periodBy`): registrations by day
 * received, triage by day triaged, evaluations by day evaluated, conclusions by day replied, visits by day of arrival.
 */
export const indicatorMetrics = [
  'registered',
  'registeredOnline',
  'triaged',
  'triagedPersons',
  'enteredProcedure',
  'litigationTriaged',
  'litigationAccepted',
  'evaluated',
  'evaluatedSatisfied',
  'concluded',
  'concludedOnTime',
  'visits',
  'visitPersons',
  'repeatVisits',
  'repeatVisitPersons',
  'collectiveVisits',
  'collectiveVisitPersons',
] as const;
export type IndicatorMetric = (typeof indicatorMetrics)[number];
export type IndicatorCounts = Record<IndicatorMetric, number>;

/** Art. 31 (1)–(5): claims that leave the petition procedure for a statutory channel (涉法涉诉). */
const statutoryRoutes = sql`('litigation', 'arbitration', 'partyReview', 'administrativeProcedure', 'statutoryDuty')`;

/**
 * The facts of the days from `fromDay` to `toDay` (both included, Asia/Shanghai), one row per day, street and metric.
 * On time = replied no later than 60 days (plus an approved extension) after the receipt notice, counted in calendar
 * days: the SQL leaves out the rule that moves a deadline off a rest day, so it can only under-count on-time replies.
 */
function factsQuery(fromDay: string, toDay: string, streetUnitId: string | null): RawBuilder<{ day: string; street_unit_id: string | null; metric: string; value: string }> {
  const street = (column: RawBuilder<unknown>) => (streetUnitId === null ? sql`true` : sql`${column} = ${streetUnitId}::uuid`);
  return sql`
    with bounds as (
      select (${fromDay}::date::timestamp at time zone 'Asia/Shanghai') as lo, ((${toDay}::date + 1)::timestamp at time zone 'Asia/Shanghai') as hi
    ),
    registrations as (
      select (p.received_at at time zone 'Asia/Shanghai')::date as day, p.street_unit_id, m.metric, m.value
      from petitions p cross join bounds b
      cross join lateral (values ('registered', 1), ('registeredOnline', case when p.channel = 'online' or p.kiosk_assisted then 1 else 0 end)) as m(metric, value)
      where p.received_at >= b.lo and p.received_at < b.hi and ${street(sql`p.street_unit_id`)}
    ),
    triage as (
      select (e.occurred_at at time zone 'Asia/Shanghai')::date as day, p.street_unit_id, m.metric, m.value
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
      where e.type = 'triaged' and e.occurred_at >= b.lo and e.occurred_at < b.hi and ${street(sql`p.street_unit_id`)}
    ),
    evaluations as (
      select (e.occurred_at at time zone 'Asia/Shanghai')::date as day, p.street_unit_id, m.metric, m.value
      from petition_events e cross join bounds b
      join petitions p on p.id = e.petition_id
      cross join lateral (values ('evaluated', 1), ('evaluatedSatisfied', case when e.payload->>'rating' in ('satisfied', 'basicallySatisfied') then 1 else 0 end)) as m(metric, value)
      where e.type = 'evaluationRecorded' and e.occurred_at >= b.lo and e.occurred_at < b.hi and ${street(sql`p.street_unit_id`)}
    ),
    conclusions as (
      select (e.occurred_at at time zone 'Asia/Shanghai')::date as day, p.street_unit_id, m.metric, m.value
      from petition_events e cross join bounds b
      join petitions p on p.id = e.petition_id
      cross join lateral (
        select
          (select (a.occurred_at at time zone 'Asia/Shanghai')::date from petition_events a
            where a.petition_id = e.petition_id and a.type = 'receiptAcknowledged' and a.sequence < e.sequence order by a.sequence desc limit 1) as accepted_on,
          coalesce((select sum((x.payload->>'days')::int)::int from petition_events x
            where x.petition_id = e.petition_id and x.type = 'extensionApproved' and x.sequence < e.sequence), 0) as extension_days
      ) as d
      cross join lateral (values
        ('concluded', 1),
        ('concludedOnTime', case when d.accepted_on is not null and (e.occurred_at at time zone 'Asia/Shanghai')::date <= d.accepted_on + 60 + d.extension_days then 1 else 0 end)
      ) as m(metric, value)
      where e.type = 'replied' and e.occurred_at >= b.lo and e.occurred_at < b.hi and ${street(sql`p.street_unit_id`)}
    ),
    visit_facts as (
      select (v.arrived_at at time zone 'Asia/Shanghai')::date as day, first.street_unit_id, m.metric, m.value
      from visits v cross join bounds b
      left join lateral (select q.street_unit_id, q.petitioner_id, q.received_at from petitions q where q.visit_id = v.id order by q.received_at limit 1) as first on true
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
      where v.arrived_at >= b.lo and v.arrived_at < b.hi and ${street(sql`first.street_unit_id`)}
    )
    select day::text as day, street_unit_id, metric, sum(value)::bigint as value
    from (
      select * from registrations union all select * from triage union all select * from evaluations
      union all select * from conclusions union all select * from visit_facts
    ) as facts
    group by day, street_unit_id, metric
  `;
}

/** Rebuilds the daily counts of `fromDay` to `toDay` (both included) from the records. Returns the rows written. */
export async function refreshIndicatorDays(db: Executor, fromDay: string, toDay: string): Promise<number> {
  await sql`delete from indicator_daily where day between ${fromDay}::date and ${toDay}::date`.execute(db);
  const inserted = await sql`
    insert into indicator_daily (day, street_unit_id, metric, value)
    select day::date, street_unit_id, metric, value from (${factsQuery(fromDay, toDay, null)}) as facts
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

/**
 * The counts of a period (both ends included) for the district (no street) or one street: the daily rollup for the
 * days it covers, the records themselves for the days after it.
 */
export async function readIndicatorCounts(db: Executor, scope: { streetUnitId: string | null }, fromDay: string, toDay: string): Promise<IndicatorCounts> {
  const state = await sql<{ complete_through: string | null }>`select complete_through::text as complete_through from indicator_rollup_state where id = 1`.execute(db);
  const completeThrough = state.rows[0]?.complete_through ?? null;
  const counts = Object.fromEntries(indicatorMetrics.map((metric) => [metric, 0])) as IndicatorCounts;
  const add = (rows: readonly { metric: string; value: string | number }[]) => {
    for (const row of rows) if (row.metric in counts) counts[row.metric as IndicatorMetric] += Number(row.value);
  };
  const rolledTo = completeThrough !== null && completeThrough < toDay ? completeThrough : toDay;
  if (completeThrough !== null && fromDay <= rolledTo) {
    const street = scope.streetUnitId === null ? sql`true` : sql`street_unit_id = ${scope.streetUnitId}::uuid`;
    const rolled = await sql<{ metric: string; value: string }>`
      select metric, sum(value)::bigint as value from indicator_daily
      where day between ${fromDay}::date and ${rolledTo}::date and ${street}
      group by metric
    `.execute(db);
    add(rolled.rows);
  }
  const liveFrom = completeThrough === null ? fromDay : completeThrough >= fromDay ? nextDay(completeThrough) : fromDay;
  if (liveFrom <= toDay) {
    const live = await sql<{ metric: string; value: string }>`
      select metric, sum(value)::bigint as value from (${factsQuery(liveFrom, toDay, scope.streetUnitId)}) as facts group by metric
    `.execute(db);
    add(live.rows);
  }
  return counts;
}
