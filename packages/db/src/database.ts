import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;
export type DatabaseTransaction = Transaction<DB>;
/** Either the database or an open transaction: what read-only repository functions take first. */
export type Executor = Kysely<DB> | Transaction<DB>;

export type DatabaseConfig =
  | { engine: 'postgres'; databaseUrl: string; poolSize?: number }
  | { engine: 'pglite'; dataDir: string }
  | { engine: 'pglite-memory'; loadDataDir?: Blob };

export interface DatabaseHandle {
  db: Database;
  engine: DatabaseConfig['engine'];
  /** What to show a person: the server address without credentials, or the data folder. */
  description: string;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data folder, loadable with `{ engine: 'pglite-memory', loadDataDir }`. */
  dumpDataDir?: () => Promise<Blob>;
}

/**
 * The database for an environment: real PostgreSQL when `DATABASE_URL` is set, otherwise the embedded PGlite
 * with its data under `DATA_DIR/pglite` (default `./.data`).
 * @example configFromEnvironment({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' })
 */
export function configFromEnvironment(environment: { DATABASE_URL?: string | undefined; DATA_DIR?: string | undefined }): DatabaseConfig {
  if (environment.DATABASE_URL) return { engine: 'postgres', databaseUrl: environment.DATABASE_URL };
  return { engine: 'pglite', dataDir: join(resolve(environment.DATA_DIR ?? '.data'), 'pglite') };
}

// pg returns bigint (int8) as a string by default; counts and ids fit in a JS number range for us.
pg.types.setTypeParser(20, (value) => value);

/**
 * Opens a Kysely instance over `pg` or PGlite. The same migrations and queries run on both.
 * @example const { db, close } = await createDatabase({ engine: 'pglite-memory' });
 */
export async function createDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // An idle client that loses its server (restart, a dropped test database) must not crash the process;
    // the next query on the pool reports the problem to its caller.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: config.engine, description: describeUrl(config.databaseUrl), close: () => db.destroy() };
  }
  let pglite: PGlite;
  let description: string;
  if (config.engine === 'pglite') {
    mkdirSync(config.dataDir, { recursive: true });
    pglite = await PGlite.create({ dataDir: config.dataDir });
    description = `PGlite at ${config.dataDir}`;
  } else {
    pglite = await PGlite.create(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {});
    description = 'PGlite in memory';
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: config.engine,
    description,
    dumpDataDir: () => pglite.dumpDataDir('none'),
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
