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
  | {
      engine: 'postgres';
      databaseUrl: string;
      poolSize?: number;
      /**
       * How long a query waits for a connection (a new one, or a free one from the pool) before it fails with an error
       * `isDatabaseUnavailable` recognises; unset waits for ever. The server sets it so that a database that has gone
       * away answers 503 in seconds instead of holding requests open.
       */
      connectTimeoutMs?: number;
    }
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
  if (environment.DATABASE_URL) return { engine: 'postgres', databaseUrl: environment.DATABASE_URL, connectTimeoutMs: 10_000 };
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
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: config.connectTimeoutMs ?? 0,
      // notices a server that vanished without closing the connection (a host gone, a cut network)
      keepAlive: true,
    });
    // A client that loses its server (backend terminated, restart, failover, a dropped test database) emits 'error'.
    // The pool listens only while the client is idle; an 'error' while a request holds it (between two statements of a
    // transaction) would otherwise be unhandled and end the process. Every client gets a listener for its whole life:
    // the statement that was using it fails on its own (and the API answers 503), and the pool discards the client
    // when it is released and opens a fresh one for the next request.
    pool.on('connect', (client) => client.on('error', () => undefined));
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

const unavailableStates = new Set([
  '57P01', // admin_shutdown: the backend was terminated (pg_terminate_backend, fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
]);
const unavailableSystemErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
// node-postgres raises these without a code when a connection breaks or cannot be had in time
const unavailableMessages = /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout)/;

/**
 * True when an error means the database is away (its connection broke, it refuses or cannot take connections, a
 * connection could not be had in time), as opposed to a fault in the statement: the API answers 503 for these and the
 * next request tries again on a fresh connection. Looks through `cause` chains (tRPC and our own wrappers).
 * @example isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })) // true
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 8; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (code.startsWith('08') || unavailableStates.has(code) || unavailableSystemErrors.has(code))) return true;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    // a host name with several addresses fails with an AggregateError of one error per address
    const { errors } = current as { errors?: unknown };
    if (Array.isArray(errors) && errors.length > 0 && errors.every((each) => isDatabaseUnavailable(each))) return true;
  }
  return false;
}

function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
