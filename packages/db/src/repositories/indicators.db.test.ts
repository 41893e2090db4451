import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-database.ts';
import { readIndicatorCounts, refreshIndicatorRollup } from './indicators.ts';

const test = useTestDatabase();
let streetA = '';
let streetB = '';

const at = (day: string, time = '10:00:00') => new Date(`${day}T${time}+08:00`);

async function petition(fields: { street: string; received: Date; channel?: string; kiosk?: boolean; petitionerId?: string; visit?: { persons: number } }) {
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
      status: 'registered',
      channel: fields.channel ?? 'visit',
      kiosk_assisted: fields.kiosk ?? false,
      summary: '合成',
      content: '合成数据',
      petitioner_id: petitionerId,
      hall_unit_id: fields.street,
      street_unit_id: fields.street,
      scope_path: '/990002/',
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

beforeAll(async () => {
  const district = await test.db.insertInto('units').values({ code: '990002', kind: 'district', name_zh: '合成区', name_en: 'Synthetic', path: '/990002/' }).returning('id').executeTakeFirstOrThrow();
  for (const [index, name] of ['甲', '乙'].entries()) {
    const row = await test.db
      .insertInto('units')
      .values({ code: `99000200${index}000`, kind: 'street', name_zh: `${name}街道`, name_en: name, parent_id: district.id, path: `/990002/99000200${index}000/` })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (index === 0) streetA = row.id;
    else streetB = row.id;
  }
  // a litigation-type matter diverted and accepted; its petitioner comes back later with a collective visit
  const first = await petition({ street: streetA, received: at('2025-01-10'), visit: { persons: 1 } });
  await events(first.id, [
    { type: 'triaged', at: at('2025-01-11'), payload: { petitionClass: 'claim', claimRoute: 'litigation', canHandle: false } },
    { type: 'diverted', at: at('2025-01-11', '11:00:00') },
    { type: 'diversionOutcomeRecorded', at: at('2025-01-20'), payload: { outcome: 'accepted' } },
  ]);
  const again = await petition({ street: streetA, received: at('2025-03-01'), petitionerId: first.petitionerId, visit: { persons: 8 } });
  await events(again.id, [
    { type: 'triaged', at: at('2025-03-02'), payload: { petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true } },
    { type: 'receiptAcknowledged', at: at('2025-03-05') },
    { type: 'replied', at: at('2025-04-20') },
    { type: 'evaluationRecorded', at: at('2025-04-25'), payload: { rating: 'basicallySatisfied' } },
  ]);
  // online, in the other street: replied late, rated dissatisfied
  const online = await petition({ street: streetB, received: at('2025-02-01'), channel: 'online', kiosk: true });
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

describe('indicator counts', () => {
  it('count each record on the day that places it in the period, per street', async () => {
    const district = await readIndicatorCounts(test.db, { streetUnitId: null }, ...year);
    expect(district).toMatchObject({
      registered: 3,
      registeredOnline: 1,
      triaged: 3,
      triagedPersons: 10,
      enteredProcedure: 2,
      litigationTriaged: 1,
      litigationAccepted: 1,
      evaluated: 2,
      evaluatedSatisfied: 1,
      concluded: 2,
      concludedOnTime: 1,
      visits: 2,
      visitPersons: 9,
      repeatVisits: 1,
      repeatVisitPersons: 8,
      collectiveVisits: 1,
      collectiveVisitPersons: 8,
    });
    const street = await readIndicatorCounts(test.db, { streetUnitId: streetB }, ...year);
    expect(street).toMatchObject({ registered: 1, registeredOnline: 1, visits: 0, concluded: 1, concludedOnTime: 0 });
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
