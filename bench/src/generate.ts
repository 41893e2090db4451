import { parseArgs } from 'node:util';
import { loadPglite } from './load/load-pglite.ts';
import { loadPostgres } from './load/load-postgres.ts';

/**
 * The synthetic data set on its own:
 *   pnpm --filter @xinfang/bench generate -- --petitions 1000000 [--seed 7] [--database xinfang_bench]
 *   pnpm --filter @xinfang/bench generate -- --engine pglite --petitions 20000 [--data-dir bench/.data/pglite]
 */
const { values } = parseArgs({
  // `pnpm bench -- --flag` passes the `--` along
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: {
    petitions: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '440304' },
    database: { type: 'string', default: 'xinfang_bench' },
    server: { type: 'string', default: process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    engine: { type: 'string', default: 'postgres' },
    'as-of': { type: 'string', default: '2026-11-25T02:00:00.000Z' },
    'data-dir': { type: 'string' },
  },
});

const petitions = Number(values.petitions);
const seed = Number(values.seed);
const asOf = new Date(values['as-of']);
if (values.engine === 'pglite') {
  const result = await loadPglite({ petitions, seed, asOf, dataDir: values['data-dir'] });
  console.log(JSON.stringify(result, null, 2));
} else {
  const result = await loadPostgres({ serverUrl: values.server, database: values.database, petitions, seed, asOf });
  console.log(JSON.stringify(result, null, 2));
}
