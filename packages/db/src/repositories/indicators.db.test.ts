import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-database.ts';
import { countOpenMattersByLight, listIndicatorRecords, readIndicatorCounts, readIndicatorCountsGrouped, refreshIndicatorRollup, type IndicatorMetric } from './indicators.ts';
import type { ReaderScope } from './petition-visibility.ts';

const test = useTestDatabase();
let districtId = '';
let streetA = '';
let streetB = '';
let streetC = '';

const at = (day: string, time = '10:00:00') => new Date(`${day}T${time}+08:00`);

/** The stored clock projection's conclude reading, as the workflow writes it (only what the count reads). */
const concludeDue = (statutoryDue: string) => ({ computedOn: statutoryDue, due: null, readings: [{ kind: 'conclude', party: 'unit', state: 'stopped', statutoryDue }] });

async function petition(fields: {
  street: string;
  received: Date;
  channel?: string;
  kiosk?: boolean;
  petitionerId?: string;
  visit?: { persons: number };
  clocks?: unknown;
  status?: string;
  light?: string | null;
  responsiblePath?: string;
  accusedUnitIds?: string[];
}) {
  const id = randomUUID();
  const petitionerId =
    fields.petitionerId ?? (await test.db.insertInto('petitioners').values({ kind: 'person', name: '合成信访人' }).returning('id').executeTakeFirstOrThrow()).id;
  let visitId: string | null = null;
  if (fields.visit) {
    const hall = await test.db.selectFrom('units').select('id').where('id', '=', fields.street).executeTakeFirstOrThrow();
    visitId = (
      await test.db
        .insertInto('visits')
        .values({ hall_unit_id: hall.id, arrived_at: fields.received, person_count: fields.visit.persons, is_collective: fields.visit.persons >= 5 })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await test.db
    .insertInto('petitions')
    .values({
      id,
      tracking_code: `IND-${id.slice(0, 8)}`,
      status: fields.status ?? 'registered',
      channel: fields.channel ?? 'visit',
      petition_class: fields.accusedUnitIds ? 'accusation' : null,
      accused_unit_ids: fields.accusedUnitIds ?? [],
      responsible_path: fields.responsiblePath ?? null,
      light: fields.light ?? null,
      clocks: fields.clocks === undefined ? null : JSON.stringify(fields.clocks),
      kiosk_assisted: fields.kiosk ?? false,
      summary: '合成',
      content: '合成数据',
      petitioner_id: petitionerId,
      hall_unit_id: fields.street,
      street_unit_id: fields.street,
      scope_path: `/990002/${streetCode(fields.street)}/`,
      received_at: fields.received,
      registered_at: fields.received,
      updated_at: fields.received,
      headcount: fields.visit?.persons ?? 1,
      visit_id: visitId,
    })
    .execute();
  return { id, petitionerId };
}

async function events(petitionId: string, list: { type: string; at: Date; payload?: Record<string, unknown> }[]) {
  await test.db
    .insertInto('petition_events')
    .values(list.map((event, index) => ({ petition_id: petitionId, sequence: index + 2, type: event.type, occurred_at: event.at, payload: JSON.stringify(event.payload ?? {}) })))
    .execute();
}

const streetCodes = new Map<string, string>();
const streetCode = (id: string) => streetCodes.get(id) ?? 'none';

beforeAll(async () => {
  const district = await test.db.insertInto('units').values({ code: '990002', kind: 'district', name_zh: '合成区', name_en: 'Synthetic', path: '/990002/' }).returning('id').executeTakeFirstOrThrow();
  districtId = district.id;
  for (const [index, name] of ['甲', '乙', '丙'].entries()) {
    const row = await test.db
      .insertInto('units')
      .values({ code: `99000200${index}000`, kind: 'street', name_zh: `${name}街道`, name_en: name, parent_id: district.id, path: `/990002/99000200${index}000/` })
      .returning('id')
      .executeTakeFirstOrThrow();
    streetCodes.set(row.id, `99000200${index}000`);
    if (index === 0) streetA = row.id;
    else if (index === 1) streetB = row.id;
    else streetC = row.id;
  }
  await test.db.insertInto('units').values({ code: '990002D01', kind: 'department', name_zh: '合成局', name_en: 'Bureau', parent_id: district.id, path: '/990002/990002D01/' }).execute();
  // a litigation-type matter diverted and accepted; its petitioner comes back later with a collective visit
  const first = await petition({ street: streetA, received: at('2025-01-10'), visit: { persons: 1 } });
  await events(first.id, [
    { type: 'triaged', at: at('2025-01-11'), payload: { petitionClass: 'claim', claimRoute: 'litigation', canHandle: false } },
    { type: 'diverted', at: at('2025-01-11', '11:00:00') },
    { type: 'diversionOutcomeRecorded', at: at('2025-01-20'), payload: { outcome: 'accepted' } },
  ]);
  const again = await petition({
    street: streetA,
    received: at('2025-03-01'),
    petitionerId: first.petitionerId,
    visit: { persons: 8 },
    clocks: concludeDue('2025-05-06'),
    status: 'evaluated',
    responsiblePath: '/990002/990002D01/',
  });
  await events(again.id, [
    { type: 'triaged', at: at('2025-03-02'), payload: { petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true } },
    { type: 'receiptAcknowledged', at: at('2025-03-05') },
    { type: 'replied', at: at('2025-04-20') },
    { type: 'evaluationRecorded', at: at('2025-04-25'), payload: { rating: 'basicallySatisfied' } },
  ]);
  // online, in the other street: replied late, rated dissatisfied
  const online = await petition({ street: streetB, received: at('2025-02-01'), channel: 'online', kiosk: true, clocks: concludeDue('2025-04-07'), status: 'evaluated' });
  await events(online.id, [
    { type: 'triaged', at: at('2025-02-02'), payload: { petitionClass: 'suggestion', canHandle: true } },
    { type: 'receiptAcknowledged', at: at('2025-02-03') },
    { type: 'replied', at: at('2025-05-30') },
    { type: 'evaluationRecorded', at: at('2025-06-02'), payload: { rating: 'dissatisfied' } },
  ]);
  // outside the year
  await petition({ street: streetB, received: at('2024-12-31', '23:30:00'), channel: 'letter' });
}, 60_000);

const year = ['2025-01-01', '2025-12-31'] as const;

/** Street 丙: one concluded matter per case, each replied at a given instant against its projected conclude due date. */
const onTimeCases = [
  ['replied on the due date', '2025-07-10T10:00:00+08:00', '2025-07-10', true],
  ['replied at 23:30 on the due date (Asia/Shanghai)', '2025-07-10T23:30:00+08:00', '2025-07-10', true],
  ['replied at 00:30 the day after (still the due date in UTC)', '2025-07-11T00:30:00+08:00', '2025-07-10', false],
  ['replied a day late', '2025-07-11T09:00:00+08:00', '2025-07-10', false],
  // 60 days from the receipt notice would be 2025-06-30, a Monday; the projection's due date moved by a pause
  ['replied after 60 calendar days but before the paused-and-extended due date', '2025-07-20T09:00:00+08:00', '2025-07-29', true],
  ['no conclude clock in the projection', '2025-07-01T09:00:00+08:00', null, false],
] as const;
/** The matter of each case, by its name. */
const onTimeIds = new Map<string, string>();

beforeAll(async () => {
  for (const [name, repliedAt, due] of onTimeCases) {
    const matter = await petition({ street: streetC, received: at('2025-04-25'), clocks: due === null ? { readings: [] } : concludeDue(due), status: 'replied', light: null });
    await events(matter.id, [
      { type: 'receiptAcknowledged', at: at('2025-05-01') },
      { type: 'replied', at: new Date(repliedAt) },
    ]);
    onTimeIds.set(name, matter.id);
  }
  // open matters of street 丙 by light, and an accusation against street 甲 that its own readers must never list
  await petition({ street: streetC, received: at('2025-08-01'), status: 'handling', light: 'red' });
  await petition({ street: streetC, received: at('2025-08-02'), status: 'handling', light: 'yellow' });
  await petition({ street: streetC, received: at('2025-08-03'), status: 'registered', light: 'green' });
  await petition({ street: streetC, received: at('2025-08-04'), status: 'registered', light: null });
  await petition({ street: streetA, received: at('2025-08-05'), status: 'registered', accusedUnitIds: [streetA] });
}, 60_000);

function readerAt(unitId: string, path: string): ReaderScope {
  return { unitId, unitPath: path, firewall: { staffId: randomUUID(), coveringUnitIds: [unitId, districtId] } };
}

async function everyRecord(reader: ReaderScope, scope: { streetUnitId: string | null; responsiblePath?: string }, metric: IndicatorMetric, limit = 2) {
  const rows = [];
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const page = await listIndicatorRecords(test.db, reader, scope, metric, ...year, { limit, after });
    rows.push(...page);
    if (page.length < limit) return rows;
    const last = page.at(-1)!;
    after = { at: last.countedAt.toISOString(), id: last.id };
  }
}

describe('on time means the reply’s day is no later than the projected conclude due date', () => {
  it.each(onTimeCases)('%s (replied %s, due %s): on time %s', async (name, _repliedAt, _due, onTime) => {
    const bureau = readerAt(districtId, '/990002/');
    const onTimeRecords = new Set((await everyRecord(bureau, { streetUnitId: streetC }, 'concludedOnTime', 50)).map((row) => row.id));
    const concluded = new Set((await everyRecord(bureau, { streetUnitId: streetC }, 'concluded', 50)).map((row) => row.id));
    expect(concluded.has(onTimeIds.get(name)!)).toBe(true);
    expect(onTimeRecords.has(onTimeIds.get(name)!)).toBe(onTime);
  });

  it('counts them so', async () => {
    const counts = await readIndicatorCounts(test.db, { streetUnitId: streetC }, ...year);
    expect(counts).toMatchObject({ concluded: onTimeCases.length, concludedOnTime: onTimeCases.filter((entry) => entry[3]).length });
  });
});

describe('indicator counts', () => {
  it('count each record on the day that places it in the period, per street', async () => {
    const district = await readIndicatorCounts(test.db, { streetUnitId: null }, ...year);
    // streets 甲 and 乙 (the fixture above), plus 丙's six concluded and four open matters and the accusation against 甲
    const elsewhere = onTimeCases.length + 5;
    expect(district).toMatchObject({
      registered: 3 + elsewhere,
      registeredOnline: 1,
      triaged: 3,
      triagedPersons: 10,
      enteredProcedure: 2,
      litigationTriaged: 1,
      litigationAccepted: 1,
      evaluated: 2,
      evaluatedSatisfied: 1,
      concluded: 2 + onTimeCases.length,
      concludedOnTime: 1 + onTimeCases.filter((entry) => entry[3]).length,
      visits: 2,
      visitPersons: 9,
      repeatVisits: 1,
      repeatVisitPersons: 8,
      collectiveVisits: 1,
      collectiveVisitPersons: 8,
    });
    expect(district).toMatchObject({ channelVisit: 2 + elsewhere, channelOnline: 1, channelLetter: 0 });
    const street = await readIndicatorCounts(test.db, { streetUnitId: streetB }, ...year);
    expect(street).toMatchObject({ registered: 1, registeredOnline: 1, visits: 0, concluded: 1, concludedOnTime: 0 });
    const responsible = await readIndicatorCounts(test.db, { streetUnitId: null, responsiblePath: '/990002/990002D01/' }, ...year);
    expect(responsible).toMatchObject({ registered: 1, concluded: 1, concludedOnTime: 1, evaluated: 1, visits: 1, visitPersons: 8, repeatVisits: 1 });
    const lastYear = await readIndicatorCounts(test.db, { streetUnitId: null }, '2024-01-01', '2024-12-31');
    expect(lastYear.registered).toBe(1);
  });

  it.each(['2024-12-31', '2025-01-10', '2025-03-01', '2025-04-20', '2025-12-31', '2026-06-30'])(
    'read the same from the rollup as from the records when it is complete through %s',
    async (through) => {
      await test.db.updateTable('indicator_rollup_state').set({ complete_through: null }).execute();
      await test.db.deleteFrom('indicator_daily').execute();
      const live = await readIndicatorCounts(test.db, { streetUnitId: null }, ...year);
      const liveStreet = await readIndicatorCounts(test.db, { streetUnitId: streetA }, ...year);
      await refreshIndicatorRollup(test.db, '2024-01-01', through, new Date());
      expect(await readIndicatorCounts(test.db, { streetUnitId: null }, ...year)).toEqual(live);
      expect(await readIndicatorCounts(test.db, { streetUnitId: streetA }, ...year)).toEqual(liveStreet);
    },
  );
});

describe('groupings, drill-downs and lights', () => {
  it.each(['none', '2025-05-31'])('groups the counts by month and by street, and the groups add up to the period (rolled up through %s)', async (through) => {
    await test.db.updateTable('indicator_rollup_state').set({ complete_through: null }).execute();
    await test.db.deleteFrom('indicator_daily').execute();
    if (through !== 'none') await refreshIndicatorRollup(test.db, '2024-01-01', through, new Date());
    const total = await readIndicatorCounts(test.db, { streetUnitId: null }, ...year);
    const months = await readIndicatorCountsGrouped(test.db, { streetUnitId: null }, ...year, 'month');
    expect([...months.keys()].sort()).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']);
    expect(months.get('2025-03')).toMatchObject({ registered: 1, triaged: 1, visits: 1, collectiveVisits: 1 });
    const streets = await readIndicatorCountsGrouped(test.db, { streetUnitId: null }, ...year, 'street');
    expect(new Set(streets.keys())).toEqual(new Set([streetA, streetB, streetC]));
    for (const grouping of [months, streets]) {
      const sum = (metric: IndicatorMetric) => [...grouping.values()].reduce((acc, counts) => acc + counts[metric], 0);
      for (const metric of ['registered', 'concluded', 'concludedOnTime', 'visits', 'evaluatedSatisfied', 'channelOnline'] as const) expect(sum(metric), metric).toBe(total[metric]);
    }
  });

  it.each(['registered', 'registeredOnline', 'triaged', 'litigationAccepted', 'evaluated', 'concluded', 'concludedOnTime', 'visits', 'repeatVisits', 'collectiveVisitPersons'] as const)(
    'lists exactly the matters behind %s for the bureau, page by page, newest first',
    async (metric) => {
      const bureau = readerAt(districtId, '/990002/');
      const counts = await readIndicatorCounts(test.db, { streetUnitId: null }, ...year);
      const rows = await everyRecord(bureau, { streetUnitId: null }, metric);
      expect(rows.reduce((sum, row) => sum + row.weight, 0)).toBe(counts[metric]);
      expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
      const order = rows.map((row) => row.countedAt.getTime());
      expect(order).toEqual([...order].sort((left, right) => right - left));
    },
  );

  it('never lists an accusation to the unit it accuses, though the count holds it', async () => {
    const streetReader = readerAt(streetA, '/990002/990002000000/');
    const counts = await readIndicatorCounts(test.db, { streetUnitId: streetA }, ...year);
    const listed = await everyRecord(streetReader, { streetUnitId: streetA }, 'registered');
    const accusations = await test.db.selectFrom('petitions').select('id').where('petition_class', '=', 'accusation').execute();
    expect(accusations).toHaveLength(1);
    expect(listed.map((row) => row.id)).not.toContain(accusations[0]!.id);
    expect(listed).toHaveLength(counts.registered - 1);
    const bureauListed = await everyRecord(readerAt(districtId, '/990002/'), { streetUnitId: streetA }, 'registered');
    expect(bureauListed.map((row) => row.id)).toContain(accusations[0]!.id);
  });

  it('lists nothing outside the reader’s jurisdiction', async () => {
    const streetReader = readerAt(streetB, '/990002/990002001000/');
    expect(await everyRecord(streetReader, { streetUnitId: streetA }, 'registered')).toEqual([]);
  });

  it('counts open matters by light (a replied matter has no unit clock running)', async () => {
    expect(await countOpenMattersByLight(test.db, { streetUnitId: streetC })).toEqual({ green: 1, yellow: 1, red: 1, none: 1 + onTimeCases.length });
  });
});
