import { randomUUID } from 'node:crypto';
import { finishedStatuses, QueueKey, queueStatuses, type QueueCursor } from '@xinfang/domain/casework/queues';
import { PetitionStatus } from '@xinfang/domain/petition';
import { foldCase, searchWords } from '@xinfang/domain/search/search-tokens';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../seed/demo-seed.ts';
import { useTestDatabase } from '../testing/test-database.ts';
import type { ReaderScope } from './petition-visibility.ts';
import { countQueues, listQueue, queueTotalCap, type QueueFilterValues } from './work-queue.ts';

const test = useTestDatabase();

// A small jurisdiction tree of its own (codes no other fixture uses):
// city /970000/ above district /970001/, with streets A and B (A has a community) and a department.
interface Unit {
  id: string;
  path: string;
}
const units: Record<'city' | 'district' | 'streetA' | 'communityA' | 'streetB' | 'department', Unit> =
  {} as never;

/** What the test knows of each stored petition: the reference the queries are checked against. */
interface Fixture {
  id: string;
  trackingCode: string;
  status: PetitionStatus;
  registeredBy: string | null;
  petitionClass: string | null;
  accusedUnitIds: string[];
  channel: string;
  light: string | null;
  summary: string;
  content: string;
  request: string | null;
  respondent: string | null;
  petitionerName: string;
  streetUnitId: string | null;
  handlingUnitId: string | null;
  scopePath: string;
  responsiblePath: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  appealedTo: string[];
}
const fixtures: Fixture[] = [];

function inJurisdiction(row: Fixture, scope: ReaderScope): boolean {
  const byPath =
    row.scopePath.startsWith(scope.unitPath) || (row.responsiblePath?.startsWith(scope.unitPath) ?? false);
  // an accused unit is accused with every unit below it: the reader is accused when it lies in such a subtree
  const accusesReader = row.petitionClass === 'accusation' && row.accusedUnitIds.some((id) => scope.firewall.coveringUnitIds.includes(id));
  return (byPath || row.appealedTo.includes(scope.unitId)) && !accusesReader;
}

function inQueue(row: Fixture, queue: QueueKey): boolean {
  const open = !(finishedStatuses as readonly string[]).includes(row.status);
  switch (queue) {
    case 'pendingRegistration':
      return row.status === 'registered' && row.registeredBy === null;
    case 'pendingTriage':
      return row.status === 'registered' && row.registeredBy !== null;
    case 'dueSoon':
      return row.light === 'yellow' && open;
    case 'overdue':
      return row.light === 'red' && open;
    case 'all':
      return true;
    default:
      return (queueStatuses[queue] as readonly string[]).includes(row.status);
  }
}

const shanghaiDay = (day: string) => new Date(`${day}T00:00:00+08:00`).getTime();

/** Every word in the matter's text or tracking code, or in the filer's name where the reader may see the filer. */
function holdsEveryWord(row: Fixture, search: string, scope: ReaderScope): boolean {
  const text = foldCase([row.summary, row.content, row.request, row.respondent, row.trackingCode].filter(Boolean).join(' '));
  const nameVisible = scope.mayViewAccusers === true || row.petitionClass !== 'accusation';
  return searchWords(search).every((word) => text.includes(word) || (nameVisible && foldCase(row.petitionerName).includes(word)));
}

function passesFilters(row: Fixture, filters: QueueFilterValues, scope: ReaderScope): boolean {
  if (filters.streetUnitId && row.streetUnitId !== filters.streetUnitId) return false;
  if (filters.unitId && row.handlingUnitId !== filters.unitId) return false;
  if (filters.petitionClass && row.petitionClass !== filters.petitionClass) return false;
  if (filters.channel && row.channel !== filters.channel) return false;
  if (filters.light && row.light !== filters.light) return false;
  if (filters.receivedFrom && row.receivedAt.getTime() < shanghaiDay(filters.receivedFrom)) return false;
  if (filters.receivedTo && row.receivedAt.getTime() >= shanghaiDay(filters.receivedTo) + 86_400_000)
    return false;
  if (filters.search && !holdsEveryWord(row, filters.search, scope)) return false;
  return true;
}

/** Earliest due first, no due date last, then by id (uuid order is the order of its lower-case text). */
function queueOrder(left: Fixture, right: Fixture): number {
  if (left.dueAt && right.dueAt && left.dueAt.getTime() !== right.dueAt.getTime())
    return left.dueAt.getTime() - right.dueAt.getTime();
  if (left.dueAt && !right.dueAt) return -1;
  if (!left.dueAt && right.dueAt) return 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

function expected(scope: ReaderScope, queue: QueueKey, filters: QueueFilterValues): Fixture[] {
  return fixtures
    .filter((row) => inJurisdiction(row, scope) && inQueue(row, queue) && passesFilters(row, filters, scope))
    .sort(queueOrder);
}

/** Every page of a queue by its keyset cursor, as the console pages it. */
async function allPages(
  scope: ReaderScope,
  queue: QueueKey,
  filters: QueueFilterValues,
  limit: number,
  totalCap?: number,
) {
  const ids: string[] = [];
  const totals: { total: number; totalIsCapped: boolean }[] = [];
  let after: QueueCursor | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const page = await listQueue(test.db, scope, queue, filters, {
      limit,
      after,
      ...(totalCap === undefined ? {} : { totalCap }),
    });
    ids.push(...page.items.map((item) => item.id));
    totals.push({ total: page.total, totalIsCapped: page.totalIsCapped });
    const last = page.items.at(-1);
    if (page.items.length < limit || !last) break;
    after = { dueAt: last.dueAt, id: last.id };
  }
  return { ids, totals };
}

const statuses = PetitionStatus.options;
const channels = ['visit', 'online', 'letter'];
const classes = [null, 'claim', 'suggestion', 'accusation'];
const lights = [null, 'green', 'yellow', 'red'];
const words = ['电梯', '噪音', '工资', '积水'];
const respondents = [null, '某物业公司', '某建筑工地', '某餐馆'];
const requests = [null, '尽快维修', '补发工资'];
const names = ['队列信访人', '张队列', '李队列'];

beforeAll(async () => {
  const insertUnit = async (code: string, kind: string, path: string, parentId: string | null) => {
    const row = await test.db
      .insertInto('units')
      .values({ code, kind, name_zh: `单位${code}`, name_en: `Unit ${code}`, path, parent_id: parentId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, path };
  };
  units.city = await insertUnit('970000', 'district', '/970000/', null);
  units.district = await insertUnit('970001', 'district', '/970001/', units.city.id);
  units.streetA = await insertUnit('970001001000', 'street', '/970001/970001001000/', units.district.id);
  units.communityA = await insertUnit(
    '970001001001',
    'community',
    '/970001/970001001000/970001001001/',
    units.streetA.id,
  );
  units.streetB = await insertUnit('970001002000', 'street', '/970001/970001002000/', units.district.id);
  units.department = await insertUnit('970001D01', 'department', '/970001/970001D01/', units.district.id);
  const staff = await test.db
    .insertInto('staff')
    .values({
      username: `wq-${randomUUID().slice(0, 8)}`,
      display_name: '登记员',
      role: 'receptionOfficer',
      unit_id: units.district.id,
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const petitioners = await test.db
    .insertInto('petitioners')
    .values(names.map((name) => ({ kind: 'person', name })))
    .returning(['id', 'name'])
    .execute();

  const random = createSeededRandom(20261125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // few distinct due dates, so that many rows tie on due_at and the id decides
  const dueDates = Array.from(
    { length: 6 },
    (_, index) => new Date(Date.UTC(2026, 11, 1 + index, 15, 59, 59, 999)),
  );
  const origins = [units.district, units.streetA, units.communityA, units.streetB];
  const accusable = [units.streetA.id, units.department.id, units.district.id, units.communityA.id];
  const handlers = [null, units.streetA, units.streetB, units.department];
  const rows = [];
  const appeals: { petitionId: string; type: string; payload: Record<string, string> }[] = [];
  for (let index = 0; index < 160; index++) {
    const id = randomUUID();
    const origin = pick(origins);
    const handler = pick(handlers);
    const status = index < statuses.length ? statuses[index]! : pick(statuses);
    const petitionClass = pick(classes);
    const finished = (finishedStatuses as readonly string[]).includes(status);
    // finished matters mostly have no due date (their clocks stopped), but the queries must not rely on it
    const dueAt = random() < (finished ? 0.7 : 0.25) ? null : pick(dueDates);
    const receivedAt = new Date(
      Date.UTC(2026, Math.floor(random() * 12), 1 + Math.floor(random() * 28), Math.floor(random() * 24)),
    );
    const fixture: Fixture = {
      id,
      trackingCode: `WQ${String(index).padStart(4, '0')}`,
      status,
      registeredBy: random() < 0.5 ? staff.id : null,
      petitionClass,
      accusedUnitIds:
        petitionClass === 'accusation'
          ? [...new Set([pick(accusable), ...(random() < 0.3 ? [pick(accusable)] : [])])]
          : [],
      channel: pick(channels),
      light: dueAt ? pick(lights) : null,
      summary: `${pick(words)}问题${index}`,
      content: `内容${pick(words)}`,
      request: pick(requests),
      respondent: pick(respondents),
      petitionerName: pick(names),
      streetUnitId:
        origin === units.streetB ? units.streetB.id : origin === units.district ? null : units.streetA.id,
      handlingUnitId: handler?.id ?? null,
      scopePath: origin.path,
      responsiblePath: handler?.path ?? null,
      receivedAt,
      dueAt,
      appealedTo: [],
    };
    // some matters appealed to the city (outside every path here) and, once, to the department
    if (random() < 0.08) {
      const type = pick(['reviewRequested', 'recheckRequested']);
      const key = type === 'reviewRequested' ? 'reviewingUnitId' : 'recheckingUnitId';
      const to = random() < 0.8 ? units.city.id : units.department.id;
      fixture.appealedTo.push(to);
      appeals.push({ petitionId: id, type, payload: { [key]: to } });
    }
    fixtures.push(fixture);
    rows.push({
      id,
      tracking_code: fixture.trackingCode,
      status,
      channel: fixture.channel,
      petition_class: petitionClass,
      accused_unit_ids: fixture.accusedUnitIds,
      summary: fixture.summary,
      content: fixture.content,
      request: fixture.request,
      respondent: fixture.respondent,
      petitioner_id: petitioners.find((petitioner) => petitioner.name === fixture.petitionerName)!.id,
      hall_unit_id: units.district.id,
      street_unit_id: fixture.streetUnitId,
      handling_unit_id: fixture.handlingUnitId,
      scope_path: fixture.scopePath,
      responsible_path: fixture.responsiblePath,
      registered_by: fixture.registeredBy,
      received_at: receivedAt,
      registered_at: receivedAt,
      updated_at: receivedAt,
      due_at: dueAt,
      light: fixture.light,
    });
  }
  // an accusation against the city that was appealed to the city: the firewall wins over the appeal
  const firewalled = fixtures.find((row) => row.appealedTo.includes(units.city.id))!;
  firewalled.petitionClass = 'accusation';
  firewalled.accusedUnitIds = [units.city.id];
  Object.assign(
    rows.find((row) => row.id === firewalled.id)!,
    { petition_class: 'accusation', accused_unit_ids: [units.city.id] },
  );
  await test.db.insertInto('petitions').values(rows).execute();
  await test.db
    .insertInto('petition_events')
    .values([
      ...appeals.map((appeal) => ({
        petition_id: appeal.petitionId,
        sequence: 1,
        type: appeal.type,
        occurred_at: new Date(),
        payload: JSON.stringify(appeal.payload),
      })),
      // other event types naming the unit do not make a matter appealed to it
      {
        petition_id: fixtures[0]!.id,
        sequence: 2,
        type: 'routed',
        occurred_at: new Date(),
        payload: JSON.stringify({ reviewingUnitId: units.city.id }),
      },
    ])
    .execute();
});

/** Each test unit's ancestors, nearest first: the firewall keys the domain's `firewallKeysOf` would give its reader. */
const ancestors = {
  city: [],
  district: ['city'],
  streetA: ['district', 'city'],
  communityA: ['streetA', 'district', 'city'],
  streetB: ['district', 'city'],
  department: ['district', 'city'],
} as const;
function scopeOf(name: keyof typeof ancestors): ReaderScope {
  return {
    unitPath: units[name].path,
    unitId: units[name].id,
    firewall: { staffId: randomUUID(), coveringUnitIds: [units[name].id, ...ancestors[name].map((above) => units[above].id)] },
  };
}
const scopes = (): [string, ReaderScope][] =>
  (['district', 'streetA', 'communityA', 'streetB', 'department', 'city'] as const).map((name) => [name, scopeOf(name)]);

// hundreds of queue reads per test: slow when turbo runs every package's tests at once on 2 cores, hence the long timeout
describe('work queues (listQueue) against the rule they implement', { timeout: 300_000 }, () => {
  it('the fixture covers what the queries must get right', () => {
    const city = scopeOf('city');
    expect(expected(city, 'all', {}).length).toBeGreaterThan(0);
    expect(fixtures.some((row) => row.appealedTo.includes(units.city.id) && !inJurisdiction(row, city))).toBe(
      true,
    );
    expect(
      fixtures.some(
        (row) =>
          row.petitionClass === 'accusation' &&
          row.accusedUnitIds.includes(units.streetA.id) &&
          row.scopePath.startsWith(units.streetA.path),
      ),
    ).toBe(true);
    const dated = fixtures.filter((row) => row.dueAt);
    expect(new Set(dated.map((row) => row.dueAt!.getTime())).size).toBeLessThan(dated.length);
    const isFinished = (row: Fixture) => (finishedStatuses as readonly string[]).includes(row.status);
    expect(fixtures.some((row) => !row.dueAt && !isFinished(row))).toBe(true);
    expect(fixtures.filter((row) => row.dueAt && isFinished(row)).length).toBeGreaterThan(3);
  });

  it.each(QueueKey.options)(
    '%s: every reader gets the same rows in the same order, page by page, with the exact total',
    async (queue) => {
      for (const [name, scope] of scopes()) {
        const want = expected(scope, queue, {}).map((row) => row.id);
        for (const limit of [2, 20]) {
          const { ids, totals } = await allPages(scope, queue, {}, limit);
          expect(ids, `${name} · limit ${limit}`).toEqual(want);
          expect(new Set(totals.map((entry) => entry.total)), `${name} · limit ${limit}`).toEqual(
            new Set([want.length]),
          );
          expect(totals.every((entry) => !entry.totalIsCapped)).toBe(true);
        }
      }
    },
  );

  it('applies each filter as the rule says, in open-matter queues and the whole list', async () => {
    const cases: QueueFilterValues[] = [
      { streetUnitId: units.streetA.id },
      { unitId: units.department.id },
      { petitionClass: 'claim' },
      { petitionClass: 'accusation' },
      { channel: 'letter' },
      { light: 'yellow' },
      { receivedFrom: '2026-03-01', receivedTo: '2026-06-30' },
      { search: '电梯' },
      { search: 'wq001' },
      { search: '%' },
      { search: '物业' },
      { search: '补发 工资' },
      { search: '张队列' },
      { search: '李队列 噪音' },
      { search: '　' },
      { streetUnitId: units.streetA.id, light: 'red', channel: 'visit' },
    ];
    for (const filters of cases) {
      for (const queue of ['handling', 'pendingReply', 'dueSoon', 'finished', 'all'] as const) {
        for (const [name, scope] of scopes()) {
          const want = expected(scope, queue, filters).map((row) => row.id);
          const { ids, totals } = await allPages(scope, queue, filters, 4);
          expect(ids, `${name} · ${queue} · ${JSON.stringify(filters)}`).toEqual(want);
          expect(totals[0]!.total).toBe(want.length);
        }
      }
    }
  });

  it('searches the filer’s name of an accusation only for a reader who may see accusers, in pages and counts alike, with an excerpt where the summary does not hold the words', async () => {
    const accusedNamed = fixtures.filter((row) => row.petitionClass === 'accusation' && row.petitionerName === '张队列');
    expect(accusedNamed.length).toBeGreaterThan(0);
    for (const mayViewAccusers of [false, true]) {
      const scope = { ...scopeOf('district'), mayViewAccusers };
      for (const filters of [{ search: '张队列' }, { search: '张队列 电梯' }, { search: '某物业' }]) {
        const counts = await countQueues(test.db, scope, QueueKey.options, filters);
        for (const queue of QueueKey.options) {
          const want = expected(scope, queue, filters).map((row) => row.id);
          const { ids, totals } = await allPages(scope, queue, filters, 7);
          expect(ids, `${queue} · ${JSON.stringify(filters)} · ${mayViewAccusers}`).toEqual(want);
          expect(totals[0]!.total).toBe(want.length);
          expect(counts[queue], `${queue} count`).toBe(want.length);
        }
      }
      const withName = (await allPages(scope, 'all', { search: '张队列' }, 200)).ids;
      const seen = accusedNamed.filter((row) => inJurisdiction(row, scope));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((row) => withName.includes(row.id))).toBe(mayViewAccusers);
      expect(seen.some((row) => withName.includes(row.id))).toBe(mayViewAccusers);
    }
    const page = await listQueue(test.db, scopeOf('district'), 'all', { search: '某物业' }, { limit: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(item.excerpt).toContain('某物业');
    const plain = await listQueue(test.db, scopeOf('district'), 'all', { search: '问题' }, { limit: 5 });
    expect(plain.items.every((item) => item.excerpt === null)).toBe(true);
  });

  it('keeps matters appealed to the reader, and hides accusations against the reader even when appealed to it', async () => {
    const city = scopeOf('city');
    const { ids } = await allPages(city, 'all', {}, 20);
    const appealed = fixtures.filter((row) => row.appealedTo.includes(units.city.id));
    const firewalled = appealed.filter(
      (row) => row.petitionClass === 'accusation' && row.accusedUnitIds.includes(units.city.id),
    );
    expect(firewalled.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(
      new Set(appealed.filter((row) => !firewalled.includes(row)).map((row) => row.id)),
    );

    const street = scopeOf('streetA');
    const accused = fixtures
      .filter((row) => row.petitionClass === 'accusation' && row.accusedUnitIds.includes(units.streetA.id))
      .map((row) => row.id);
    const streetIds = (await allPages(street, 'all', {}, 20)).ids;
    expect(streetIds.filter((id) => accused.includes(id))).toEqual([]);
    // the district above sees them, unless it is accused too
    const district = scopeOf('district');
    const districtIds = (await allPages(district, 'all', {}, 20)).ids;
    const accusesDistrictToo = (id: string) => fixtures.find((row) => row.id === id)!.accusedUnitIds.includes(units.district.id);
    expect(accused.some(accusesDistrictToo)).toBe(true);
    expect(districtIds.filter((id) => accused.filter(accusesDistrictToo).includes(id))).toEqual([]);
    expect(
      accused
        .filter((id) => !accusesDistrictToo(id) && fixtures.find((row) => row.id === id)!.scopePath.startsWith(units.district.path))
        .every((id) => districtIds.includes(id)),
    ).toBe(true);
  });

  it('starts a page at any cursor, dated or undated, including one between rows that share a due date', async () => {
    const district = scopeOf('district');
    for (const queue of ['all', 'pendingReply', 'handling', 'finished'] as const) {
      const want = expected(district, queue, {});
      for (let position = 0; position < want.length; position += 3) {
        const at = want[position]!;
        const after = { dueAt: at.dueAt?.toISOString() ?? null, id: at.id };
        const page = await listQueue(test.db, district, queue, {}, { limit: 5, after });
        expect(
          page.items.map((item) => item.id),
          `${queue} after #${position}`,
        ).toEqual(want.slice(position + 1, position + 6).map((row) => row.id));
        expect(page.total).toBe(want.length);
      }
    }
  });

  it('counts a big list only up to the cap and says so; an open-matter queue is always exact', async () => {
    expect(queueTotalCap).toBe(10_000);
    const accusationsAgainst = (scope: ReaderScope, queue: QueueKey) =>
      fixtures.filter(
        (row) =>
          row.petitionClass === 'accusation' &&
          row.accusedUnitIds.some((id) => scope.firewall.coveringUnitIds.includes(id)) &&
          inQueue(row, queue) &&
          inJurisdiction({ ...row, petitionClass: null }, scope),
      ).length;
    for (const name of ['district', 'streetA'] as const) {
      const scope = scopeOf(name);
      // the firewall takes matters out of the count: a cap off by their number would show
      expect(accusationsAgainst(scope, 'all')).toBeGreaterThan(0);
      for (const queue of ['all', 'finished'] as const) {
        for (const filters of [{}, { channel: 'visit' }] as QueueFilterValues[]) {
          const size = expected(scope, queue, filters).length;
          expect(size).toBeGreaterThan(3);
          for (const [cap, capped] of [
            [1, true],
            [size - 1, true],
            [size, false],
            [size + 1, false],
          ] as const) {
            const page = await listQueue(test.db, scope, queue, filters, { limit: 5, totalCap: cap });
            const label = { name, queue, filters, cap };
            expect({ ...label, total: page.total, totalIsCapped: page.totalIsCapped }).toEqual({
              ...label,
              total: capped ? cap : size,
              totalIsCapped: capped,
            });
          }
        }
        // the rows do not depend on the cap
        expect((await allPages(scope, queue, {}, 7, 2)).ids).toEqual(
          expected(scope, queue, {}).map((row) => row.id),
        );
      }
    }
    const district = scopeOf('district');
    const handling = expected(district, 'handling', {}).length;
    const page = await listQueue(test.db, district, 'handling', {}, { limit: 5, totalCap: 1 });
    expect({ total: page.total, totalIsCapped: page.totalIsCapped }).toEqual({
      total: handling,
      totalIsCapped: false,
    });
  });

  it('gives the total on a page past the end', async () => {
    const district = scopeOf('district');
    for (const queue of ['pendingReply', 'all'] as const) {
      const want = expected(district, queue, {});
      const last = want.at(-1)!;
      const page = await listQueue(
        test.db,
        district,
        queue,
        {},
        { limit: 5, after: { dueAt: last.dueAt?.toISOString() ?? null, id: last.id } },
      );
      expect(page.items).toEqual([]);
      expect(page.total).toBe(want.length);
    }
  });

  it('counts every queue as the rule says (countQueues)', async () => {
    for (const [name, scope] of scopes()) {
      for (const filters of [
        {},
        { light: 'green' },
        { streetUnitId: units.streetB.id },
      ] as QueueFilterValues[]) {
        const counts = await countQueues(test.db, scope, QueueKey.options, filters);
        const want = Object.fromEntries(
          QueueKey.options.map((queue) => [queue, expected(scope, queue, filters).length]),
        );
        expect(counts, `${name} · ${JSON.stringify(filters)}`).toEqual(want);
      }
    }
  });
});
