import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { parseKeys } from '@xinfang/security/personal-data';
import pg from 'pg';
import { benchKeyMaterial } from './generator/dataset.ts';
import { loadPglite } from './load/load-pglite.ts';
import { loadPostgres, type LoadResult } from './load/load-postgres.ts';
import { firstLoadSize } from './measure/frontend.ts';
import { measureIntake } from './measure/intake.ts';
import { measureQueries } from './measure/queries.ts';
import { measureStartup } from './measure/startup.ts';
import { writeReport, type BenchReport } from './report.ts';

/**
 * `pnpm bench`: loads the synthetic data set into its own database (unless it is already there at this scale), then
 * measures queries, intake against pgbench, front-end sizes, memory and start-up, and writes
 * bench/results/latest.json and docs/benchmarks.md. Not part of `pnpm test`.
 */
const { values } = parseArgs({
  // `pnpm bench -- --flag` passes the `--` along
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: {
    petitions: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '440304' },
    database: { type: 'string', default: 'xinfang_bench' },
    server: { type: 'string', default: process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'as-of': { type: 'string', default: '2026-11-25T02:00:00.000Z' },
    reload: { type: 'boolean', default: false },
    runs: { type: 'string', default: '60' },
    repeats: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '32' },
    'pglite-petitions': { type: 'string', default: '20000' },
    skip: { type: 'string', default: '' },
    'no-write': { type: 'boolean', default: false },
    'rewrite-docs': { type: 'boolean', default: false },
  },
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
if (values['rewrite-docs']) {
  // docs/benchmarks.md again from the last run's full results (after editing bench/METHOD.md)
  writeReport(root, JSON.parse(readFileSync(join(root, 'bench', 'results', 'latest-full.json'), 'utf8')) as BenchReport);
  console.log('docs/benchmarks.md rewritten from bench/results/latest-full.json');
  process.exit(0);
}
const skip = new Set(values.skip.split(',').filter(Boolean));
const log = (line: string) => console.log(line);
const petitions = Number(values.petitions);
const seed = Number(values.seed);
const asOf = new Date(values['as-of']);
const marker = `xinfang bench: petitions=${petitions} seed=${seed} asOf=${asOf.toISOString()}`;
const run = promisify(execFile);

async function databaseMarker(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: values.server });
  await client.connect();
  try {
    const result = await client.query<{ comment: string | null }>('select shobj_description(oid, $2) as comment from pg_database where datname = $1', [values.database, 'pg_database']);
    return result.rows[0]?.comment ?? undefined;
  } finally {
    await client.end();
  }
}

const url = new URL(values.server);
url.pathname = `/${values.database}`;
const databaseUrl = url.toString();
let load: LoadResult | undefined;
if (values.reload || (await databaseMarker()) !== marker) {
  log(`loading ${petitions.toLocaleString('en')} petitions into ${values.database} …`);
  load = await loadPostgres({ serverUrl: values.server, database: values.database, petitions, seed, asOf, log });
  const client = new pg.Client({ connectionString: values.server });
  await client.connect();
  await client.query(`comment on database ${values.database} is '${marker}'`);
  await client.end();
} else {
  log(`${values.database} already holds this data set (${marker}); --reload to load it again`);
}

const material = benchKeyMaterial();
const keys = parseKeys(material.dataKeys, material.hashKey);
const runs = Number(values.runs);
const repeats = Number(values.repeats);

log('queries …');
const queries = skip.has('queries') ? undefined : await phase('queries', () => measureQueries(databaseUrl, keys, { runs, indicatorYear: 2025 }));

const problems: string[] = [];
/** A phase that fails is reported, not fatal: the other figures are still worth writing. */
async function phase<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push(`${name}: ${message.slice(0, 2000)}`);
    log(`  ${name} failed: ${message.slice(0, 2000)}`);
    return undefined;
  }
}

log('front end …');
if (!skip.has('build')) await phase('build', () => run('flock', ['/tmp/xinfang-build.lock', 'pnpm', 'build'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }));
const kiosk = await phase('kiosk size', () => Promise.resolve(firstLoadSize(root, 'kiosk')));
const consoleApp = await phase('console size', () => Promise.resolve(firstLoadSize(root, 'console')));

log('intake (pgbench reference, then kiosk submissions over HTTP) …');
if (!skip.has('intake')) {
  // the kiosk load adds ~100,000 identical matters, the newest of all: queries measured on them would not be measuring
  // the data set, so the next run loads it again
  const client = new pg.Client({ connectionString: values.server });
  await client.connect();
  await client.query(`comment on database ${values.database} is '${marker} + kiosk load'`);
  await client.end();
}
const intake = skip.has('intake')
  ? undefined
  : await phase('intake', () => measureIntake({ root, databaseUrl, serverUrl: values.server, keys: material, repeats, seconds: Number(values.seconds), connections: Number(values.connections), log }));

log('start-up …');
const startup = skip.has('startup') ? undefined : await phase('start-up', () => measureStartup(root, repeats));

log('PGlite load …');
const pglite = skip.has('pglite') ? undefined : await phase('pglite', () => loadPglite({ petitions: Number(values['pglite-petitions']), seed, asOf }));

const server = new pg.Client({ connectionString: values.server });
await server.connect();
const version = (await server.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
await server.end();

const report: BenchReport = {
  petitions,
  seed,
  asOf: asOf.toISOString(),
  machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3), postgres: version, node: process.version, cpu: cpus()[0]?.model ?? '' },
  date: new Date().toISOString(),
  load,
  queries,
  intake,
  frontend: { kiosk, console: consoleApp },
  startup,
  pglite,
  problems,
};
if (!values['no-write']) writeReport(root, report);
log(JSON.stringify(report.queries ? { queue: report.queries.queues.map((q) => [q.name, q.p95]), detail: report.queries.detail.p95, search: Object.values(report.queries.searchByLength).map((q) => q.p95), indicators: report.queries.indicators.p95 } : {}, null, 2));
log(JSON.stringify({ intake: intake && { rate: intake.maxRate.median, pgbench: intake.pgbench.median, ratio: intake.ratio, halfP99: intake.halfLoadOpenLoop.p99LatencyMs, halfP99FixedRate: intake.halfLoad.p99LatencyMs, rss: intake.rssMb }, kiosk: kiosk?.gzipKb, console: consoleApp?.gzipKb, startup: startup?.warm }, null, 2));
log(values['no-write'] ? 'not written (--no-write)' : `written: ${join('bench', 'results', 'latest.json')} and docs/benchmarks.md`);
