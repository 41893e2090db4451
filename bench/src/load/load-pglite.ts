import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { migrateToLatest } from '@xinfang/db/migrate';
import type { DB } from '@xinfang/db/schema';
import { readIndicatorCounts, refreshIndicatorRollup } from '@xinfang/db/repositories/indicators';
import { searchPetitions } from '@xinfang/db/repositories/search';
import { listQueue } from '@xinfang/db/repositories/work-queue';
import { parseKeys } from '@xinfang/security/personal-data';
import { Kysely, PGliteDialect } from 'kysely';
import { benchKeyMaterial, generateDataset, tableColumns, type GeneratedSummary, type TableName } from '../generator/dataset.ts';
import { prepareSetting } from '../generator/setting.ts';
import { readerScopeAt } from '../measure/reader-scope.ts';

export interface PgliteLoadOptions {
  petitions: number;
  seed: number;
  asOf: Date;
  /** a data folder to keep the database in; in memory when absent */
  dataDir?: string | undefined;
}

/**
 * The same data set into the embedded PGlite (a smaller scale: it is one process and one connection), through its
 * `COPY … FROM '/dev/blob'`, then a few of the hot queries as a check that they run there too.
 */
export async function loadPglite(options: PgliteLoadOptions) {
  const started = performance.now();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const material = benchKeyMaterial();
  const keys = parseKeys(material.dataKeys, material.hashKey);
  const setting = await prepareSetting(db, keys, options.asOf);
  const maxEvent = await pglite.query<{ next: number }>('select (coalesce(max(id), 0) + 1)::int as next from petition_events');
  const chunks: Record<TableName, string[]> = { petitioners: [], visits: [], petitions: [], petition_petitioners: [], petition_events: [], petition_search: [] };
  const summary: GeneratedSummary = await generateDataset(
    setting,
    { petitions: options.petitions, seed: options.seed, asOf: options.asOf, keys, firstEventId: maxEvent.rows[0]!.next },
    (batch) => {
      for (const table of Object.keys(chunks) as TableName[]) chunks[table].push(batch[table]);
      return Promise.resolve();
    },
  );
  const generated = performance.now();
  await pglite.exec('set session_replication_role = replica');
  for (const table of Object.keys(chunks) as TableName[]) {
    await pglite.query(`copy ${table} (${tableColumns[table].join(', ')}) from '/dev/blob'`, [], { blob: new Blob(chunks[table]) });
  }
  await pglite.exec('set session_replication_role = origin');
  await pglite.exec(`select setval(pg_get_serial_sequence('petition_events', 'id'), (select max(id) from petition_events)); analyze;`);
  const yesterday = new Date(options.asOf.getTime() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const fromDay = new Date(options.asOf.getTime() + 8 * 3_600_000 - 3 * 366 * 86_400_000).toISOString().slice(0, 10);
  await refreshIndicatorRollup(db, fromDay, yesterday, options.asOf);
  const loaded = performance.now();

  const district = setting.district;
  const timed = async (run: () => Promise<unknown>) => {
    const at = performance.now();
    await run();
    return Number((performance.now() - at).toFixed(1));
  };
  const districtReader = await readerScopeAt(db, district);
  const streetReader = await readerScopeAt(db, setting.streets[0]!);
  const checks = {
    search2: await timed(() => searchPetitions(db, { reader: districtReader, text: '电梯', limit: 20 })),
    search4: await timed(() => searchPetitions(db, { reader: districtReader, text: '拖欠工资', limit: 20 })),
    streetQueue: await timed(() => listQueue(db, streetReader, 'all', {}, { limit: 20 })),
    indicatorsOneYear: await timed(() => readIndicatorCounts(db, { streetUnitId: null }, '2025-01-01', '2025-12-31')),
  };
  const counts = await pglite.query<{ petitions: number; events: number; search: number }>(
    'select (select count(*) from petitions)::int as petitions, (select count(*) from petition_events)::int as events, (select count(*) from petition_search)::int as search',
  );
  await db.destroy();
  if (!pglite.closed) await pglite.close();
  return {
    engine: 'pglite',
    summary,
    counts: counts.rows[0],
    seconds: { generate: (generated - started) / 1000, copy: (loaded - generated) / 1000, total: (loaded - started) / 1000 },
    queryMs: checks,
  };
}
