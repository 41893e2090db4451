import { createTestContext } from '@xinfang/api/testing';
import type { DB } from '@xinfang/db/schema';
import type { ReaderScope } from '@xinfang/db/repositories/petition-visibility';
import { listQueue } from '@xinfang/db/repositories/work-queue';
import { searchPetitions } from '@xinfang/db/repositories/search';
import type { QueueCursor, QueueKey } from '@xinfang/domain/casework/queues';
import type { PersonalDataKeys } from '@xinfang/security/personal-data';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { districtIndicators, type DistrictIndicators } from './indicators.ts';
import { readerScopeAt } from './reader-scope.ts';
import { summarize, timeRuns, type Summary } from './stats.ts';

export interface QueryFigure extends Summary {
  name: string;
  /** the figure's p95 over the p95 of a primary-key lookup measured in the same run */
  ratioToReference: number;
}

export interface Plan {
  name: string;
  sql: string;
  plan: string;
}

export interface QueryResults {
  reference: Summary & { name: string };
  /** the roles' work queues (open matters): the queue figure */
  queues: QueryFigure[];
  /** the whole jurisdiction ('all', with its exact total): reported apart */
  browse: QueryFigure[];
  detail: QueryFigure;
  search: QueryFigure[];
  searchByLength: Record<'2' | '3' | '4', QueryFigure>;
  indicators: QueryFigure;
  indicatorValues: DistrictIndicators;
  plans: Plan[];
}

export const searchWords = {
  '2': ['电梯', '噪音', '退款', '积水', '甲醛'],
  '3': ['物业费', '补偿标', '占道经', '高空抛'],
  '4': ['拖欠工资', '违章搭建', '高空抛物', '油烟直排'],
} as const;

/**
 * The hot read paths at scale, in process against the bench database: the repository functions as the API calls
 * them (queues, search, indicators) and the case-detail procedure itself (tRPC caller, signed in as a district
 * reception officer), each repeated; the reference is a primary-key lookup on `petitions` over the same pool.
 */
export async function measureQueries(databaseUrl: string, keys: PersonalDataKeys, options: { runs: number; indicatorYear: number }): Promise<QueryResults> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let capture: { sql: string; parameters: readonly unknown[] }[] | undefined;
  const log = (event: LogEvent) => {
    if (capture && event.level === 'query') capture.push({ sql: event.query.sql, parameters: event.query.parameters });
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  const figures: QueryFigure[] = [];
  const plans: Plan[] = [];
  const { runs } = options;

  const ids = await sql<{ id: string }>`select id from petitions order by tracking_code limit 200`.execute(db);
  const referenceSamples = await timeRuns((index) => db.selectFrom('petitions').selectAll().where('id', '=', ids.rows[index % ids.rows.length]!.id).executeTakeFirst(), { runs: runs * 2 });
  const reference = { name: 'primary-key lookup', ...summarize(referenceSamples) };
  const figure = (name: string, samples: number[]): QueryFigure => {
    const summary = summarize(samples);
    const result = { name, ...summary, ratioToReference: Math.round((summary.p95 / reference.p95) * 10) / 10 };
    figures.push(result);
    return result;
  };
  const explain = async (name: string, run: () => Promise<unknown>, pick: (queries: { sql: string }[]) => number = (queries) => queries.length - 1) => {
    capture = [];
    await run();
    const captured = capture;
    capture = undefined;
    const query = captured[pick(captured)]!;
    const result = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, query.parameters as unknown[]);
    plans.push({ name, sql: query.sql, plan: result.rows.map((row) => row['QUERY PLAN']).join('\n') });
  };

  // work queues: a street officer (南园街道) and a department (区住房和建设局), first page and the 51st page
  const unit = async (code: string) => db.selectFrom('units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
  const street = await unit('440304001000');
  const department = await unit('440304D01');
  const streetReader = await readerScopeAt(db, street);
  const departmentReader = await readerScopeAt(db, department);
  const queueCases: { who: string; scope: ReaderScope; queue: QueueKey }[] = [
    { who: 'street officer (南园街道)', scope: streetReader, queue: 'pendingEvaluation' },
    { who: 'department (区住房和建设局)', scope: departmentReader, queue: 'pendingReply' },
    { who: 'street officer (南园街道)', scope: streetReader, queue: 'all' },
    { who: 'department (区住房和建设局)', scope: departmentReader, queue: 'all' },
  ];
  const queues: QueryFigure[] = [];
  const browse: QueryFigure[] = [];
  for (const { who, scope, queue } of queueCases) {
    const list = queue === 'all' ? browse : queues;
    // the whole-jurisdiction list is slow at scale (see the method notes): fewer runs of it
    const queueRuns = queue === 'all' ? Math.ceil(runs / 3) : runs;
    list.push(figure(`${who} · ${queue} · first page`, await timeRuns(() => listQueue(db, scope, queue, {}, { limit: 20 }), { runs: queueRuns })));
    let after: QueueCursor | undefined;
    let pages = 0;
    for (; pages < 50; pages++) {
      const page = await listQueue(db, scope, queue, {}, { limit: 20, after });
      const last = page.items.at(-1);
      if (page.items.length < 20 || !last) break;
      after = { dueAt: last.dueAt, id: last.id };
    }
    const deep = after;
    list.push(figure(`${who} · ${queue} · page ${pages + 1} (keyset)`, await timeRuns(() => listQueue(db, scope, queue, {}, { limit: 20, after: deep }), { runs: queueRuns })));
    await explain(`${who} · ${queue} · first page (rows)`, () => listQueue(db, scope, queue, {}, { limit: 20 }));
    await explain(`${who} · ${queue} · first page (total)`, () => listQueue(db, scope, queue, {}, { limit: 20 }), () => 0);
    if (deep) await explain(`${who} · ${queue} · page ${pages + 1} (rows)`, () => listQueue(db, scope, queue, {}, { limit: 20, after: deep }));
  }

  // case detail, through the procedure, as a district reception officer
  const { caller } = createTestContext(db, keys);
  await caller.auth.signIn({ username: 'reception', password: 'Demo-reception-2026' });
  const detailIds = await sql<{ id: string }>`
    (select id from petitions order by tracking_code limit 75)
    union all (select id from petitions where status not in ('closed', 'notAccepted', 'withdrawn', 'merged') order by tracking_code limit 25)
  `.execute(db);
  const detail = figure('case detail (petitions.get: row, events replayed, clocks, persons, documents, related)', await timeRuns((index) => caller.petitions.get({ id: detailIds.rows[index % detailIds.rows.length]!.id }), { runs: Math.max(runs, detailIds.rows.length) }));
  await explain('case detail · related matters of the same petitioners', () => caller.petitions.get({ id: detailIds.rows[0]!.id }), (queries) => queries.findIndex((query) => query.sql.includes('"other"')));

  // search, as the district (the widest jurisdiction)
  const district = await unit('440304');
  const districtReader = await readerScopeAt(db, district);
  const search: QueryFigure[] = [];
  const searchByLength = {} as Record<'2' | '3' | '4', QueryFigure>;
  for (const length of ['2', '3', '4'] as const) {
    const all: number[] = [];
    for (const word of searchWords[length]) {
      const samples = await timeRuns(() => searchPetitions(db, { reader: districtReader, text: word, limit: 20 }), { runs: Math.ceil(runs / 2) });
      search.push(figure(`search “${word}”`, samples));
      all.push(...samples);
    }
    searchByLength[length] = figure(`search, ${length}-character words`, all);
  }
  for (const word of ['电梯', '高空抛物']) {
    await explain(`search “${word}” · index candidates`, () => searchPetitions(db, { reader: districtReader, text: word, limit: 20 }), () => 0);
    await explain(`search “${word}” · page`, () => searchPetitions(db, { reader: districtReader, text: word, limit: 20 }));
  }

  const indicators = figure(`every §7 indicator, district, ${options.indicatorYear} (with ${options.indicatorYear - 1} for growth)`, await timeRuns(() => districtIndicators(db, options.indicatorYear), { runs }));
  const indicatorValues = await districtIndicators(db, options.indicatorYear);
  await explain('indicators · one year from the rollup', () => districtIndicators(db, options.indicatorYear), (queries) => queries.findIndex((query) => query.sql.includes('indicator_daily')));

  await db.destroy();
  return { reference, queues, browse, detail, search, searchByLength, indicators, indicatorValues, plans };
}
