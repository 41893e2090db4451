import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createDatabase } from '@xinfang/db/database';
import { migrateToLatest } from '@xinfang/db/migrate';
import { markIndicatorRollupComplete, refreshIndicatorDays } from '@xinfang/db/repositories/indicators';
import { parseKeys } from '@xinfang/security/personal-data';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { benchKeyMaterial, generateDataset, tableColumns, type Batch, type GeneratedSummary, type TableName } from '../generator/dataset.ts';
import { prepareSetting } from '../generator/setting.ts';

export interface LoadOptions {
  /** the server, e.g. postgres://postgres@127.0.0.1:5432/postgres (any database there; used to create the target) */
  serverUrl: string;
  database: string;
  petitions: number;
  seed: number;
  asOf: Date;
  log?: (line: string) => void;
}

export interface LoadResult {
  databaseUrl: string;
  summary: GeneratedSummary;
  seconds: { migrate: number; copy: number; indexes: number; analyze: number; rollup: number; total: number };
}

function urlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const bulkTables = Object.keys(tableColumns) as TableName[];

/**
 * Creates `database` afresh, migrates it with the repository's migrations, seeds units and staff, then bulk-loads the
 * synthetic data set: secondary indexes dropped, one COPY stream per table with triggers and foreign-key checks off
 * (`session_replication_role = replica`; the generator writes the search tokens the trigger would), indexes rebuilt
 * two at a time, then VACUUM ANALYZE.
 */
export async function loadPostgres(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const admin = new pg.Client({ connectionString: options.serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${options.database} with (force)`);
  await admin.query(`create database ${options.database}`);
  await admin.end();
  const databaseUrl = urlFor(options.serverUrl, options.database);
  const handle = await createDatabase({ engine: 'postgres', databaseUrl, poolSize: 2 });
  await migrateToLatest(handle.db);
  const material = benchKeyMaterial();
  const keys = parseKeys(material.dataKeys, material.hashKey);
  const setting = await prepareSetting(handle.db, keys, options.asOf);
  await handle.close();
  const migrated = performance.now();
  log(`migrated and seeded ${options.database} in ${((migrated - started) / 1000).toFixed(1)} s`);

  const control = new pg.Client({ connectionString: databaseUrl });
  await control.connect();
  const indexes = await control.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [bulkTables],
  );
  for (const index of indexes.rows) await control.query(`drop index ${index.indexname}`);
  // unique constraints on random-order keys are rebuilt in bulk afterwards, like the indexes
  const constraints = [
    { table: 'petition_events', name: 'petition_events_sequence_unique', definition: 'unique (petition_id, sequence)' },
    { table: 'petitions', name: 'petitions_tracking_code_key', definition: 'unique (tracking_code)' },
  ];
  for (const constraint of constraints) await control.query(`alter table ${constraint.table} drop constraint ${constraint.name}`);
  const maxEvent = await control.query<{ next: string }>('select coalesce(max(id), 0) + 1 as next from petition_events');

  const clients = new Map<TableName, { client: pg.Client; stream: Writable; done: Promise<unknown> }>();
  for (const table of bulkTables) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`set session_replication_role = replica`);
    await client.query('set synchronous_commit = off');
    const stream = client.query(copyFrom(`copy ${table} (${tableColumns[table].join(', ')}) from stdin`));
    const done = new Promise((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    clients.set(table, { client, stream, done });
  }
  let batches = 0;
  const summary = await generateDataset(setting, { petitions: options.petitions, seed: options.seed, asOf: options.asOf, keys, firstEventId: Number(maxEvent.rows[0]!.next) }, async (batch: Batch) => {
    const waits: Promise<unknown>[] = [];
    for (const table of bulkTables) {
      const chunk = batch[table];
      if (chunk.length === 0) continue;
      const { stream } = clients.get(table)!;
      if (!stream.write(chunk)) waits.push(once(stream, 'drain'));
    }
    await Promise.all(waits);
    batches++;
    if (batches % 50 === 0) log(`  … ${batches * 2000} petitions generated (${((performance.now() - migrated) / 1000).toFixed(0)} s)`);
  });
  for (const { stream } of clients.values()) stream.end();
  await Promise.all([...clients.values()].map((entry) => entry.done));
  for (const { client } of clients.values()) await client.end();
  const copied = performance.now();
  log(`copied ${summary.petitions} petitions, ${summary.events} events, ${summary.petitioners} petitioners, ${summary.visits} visits in ${((copied - migrated) / 1000).toFixed(1)} s`);

  await control.query(`select setval(pg_get_serial_sequence('petition_events', 'id'), (select max(id) from petition_events))`);
  const queue = [
    ...constraints.map((constraint) => ({
      indexname: constraint.name,
      indexdef: `alter table ${constraint.table} add constraint ${constraint.name} ${constraint.definition}`,
    })),
    ...indexes.rows,
  ];
  const builders = await Promise.all(
    [0, 1].map(async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`set maintenance_work_mem = '1GB'`);
      await client.query('set max_parallel_maintenance_workers = 0');
      return client;
    }),
  );
  await Promise.all(
    builders.map(async (client) => {
      for (let index = queue.shift(); index; index = queue.shift()) {
        const at = performance.now();
        await client.query(index.indexdef);
        log(`  index ${index.indexname}: ${((performance.now() - at) / 1000).toFixed(1)} s`);
      }
      await client.end();
    }),
  );
  const indexed = performance.now();
  await control.end();
  // VACUUM sets the visibility map (index-only scans) and hint bits once, rather than on the first queries; two at a time
  const tables: string[] = ['petition_events', 'petition_search', 'petitions', 'petitioners', 'visits', 'petition_petitioners', 'units', 'staff'];
  await Promise.all(
    [0, 1].map(async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      for (let table = tables.shift(); table; table = tables.shift()) await client.query(`vacuum (analyze) ${table}`);
      await client.end();
    }),
  );
  const analyzed = performance.now();
  // the rollup of the whole range, a year at a time on two connections
  const rollupHandle = await createDatabase({ engine: 'postgres', databaseUrl, poolSize: 2 });
  const firstDay = await rollupHandle.db.selectFrom('petitions').select((eb) => eb.fn.min('received_at').as('first')).executeTakeFirstOrThrow();
  const yesterday = new Date(options.asOf.getTime() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const fromDay = new Date(new Date(firstDay.first).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const ranges: [string, string][] = [];
  for (let year = Number(fromDay.slice(0, 4)); year <= Number(yesterday.slice(0, 4)); year++) {
    ranges.push([year === Number(fromDay.slice(0, 4)) ? fromDay : `${year}-01-01`, year === Number(yesterday.slice(0, 4)) ? yesterday : `${year}-12-31`]);
  }
  let rows = 0;
  await Promise.all(
    [0, 1].map(async () => {
      for (let range = ranges.shift(); range; range = ranges.shift()) {
        const written = await refreshIndicatorDays(rollupHandle.db, range[0], range[1]);
        rows += written;
      }
    }),
  );
  await markIndicatorRollupComplete(rollupHandle.db, yesterday, options.asOf);
  await rollupHandle.db.executeQuery(sql`vacuum (analyze) indicator_daily`.compile(rollupHandle.db));
  await rollupHandle.close();
  const rolledUp = performance.now();
  log(`indicator rollup ${fromDay} … ${yesterday}: ${rows} rows in ${((rolledUp - analyzed) / 1000).toFixed(1)} s`);
  const seconds = {
    migrate: (migrated - started) / 1000,
    copy: (copied - migrated) / 1000,
    indexes: (indexed - copied) / 1000,
    analyze: (analyzed - indexed) / 1000,
    rollup: (rolledUp - analyzed) / 1000,
    total: (rolledUp - started) / 1000,
  };
  log(`indexes ${seconds.indexes.toFixed(1)} s, vacuum analyze ${seconds.analyze.toFixed(1)} s, rollup ${seconds.rollup.toFixed(1)} s; total ${seconds.total.toFixed(1)} s`);
  return { databaseUrl, summary, seconds };
}
