import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { generateKeyMaterial, parseKeys, type PersonalDataKeys } from '@xinfang/security/personal-data';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database, type DatabaseHandle } from '../database.ts';
import { sql } from 'kysely';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data folder; each test file loads its own copy. */
    pgliteSnapshotPath: string;
    /** A migrated database on the real server, used as the template for each file's database. */
    postgresTemplate: string;
  }
}

export interface TestDatabase {
  /** Valid after beforeAll has run. */
  readonly db: Database;
  readonly engine: 'pglite' | 'postgres';
  readonly handle: DatabaseHandle;
  /** For a superuser-only operation in a test (e.g. tampering that bypasses triggers): the database URL, postgres only. */
  readonly databaseUrl: string | undefined;
}

/**
 * A fresh migrated database for this test file: a copy of the run's migrated PGlite, or (in the
 * `db:postgres` project) a new database on the server cloned from the migrated template and dropped afterwards.
 * Call at the top level of a *.db.test.ts file.
 */
export function useTestDatabase(): TestDatabase {
  const engine = process.env.XINFANG_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
  let handle: DatabaseHandle | undefined;
  let databaseUrl: string | undefined;
  let databaseName: string | undefined;

  beforeAll(async () => {
    if (engine === 'postgres') {
      const serverUrl = process.env.DATABASE_URL!;
      databaseName = `xinfang_test_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${databaseName} template ${inject('postgresTemplate')}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${databaseName}`;
      databaseUrl = url.toString();
      handle = await createDatabase({ engine: 'postgres', databaseUrl, poolSize: 4 });
    } else {
      const snapshot = await readFile(inject('pgliteSnapshotPath'));
      handle = await createDatabase({ engine: 'pglite-memory', loadDataDir: new Blob([snapshot]) });
    }
  });

  afterAll(async () => {
    await handle?.close();
    if (databaseName) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL! });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
  });

  return {
    get db() {
      if (!handle) throw new Error('useTestDatabase: the database is opened in beforeAll');
      return handle.db;
    },
    get handle() {
      if (!handle) throw new Error('useTestDatabase: the database is opened in beforeAll');
      return handle;
    },
    engine,
    get databaseUrl() {
      return databaseUrl;
    },
  };
}

/** Fresh personal-data keys for a test. */
export function createTestKeys(): PersonalDataKeys {
  const material = generateKeyMaterial();
  return parseKeys(`${material.id}:${material.key}`, material.hashKey);
}

/**
 * Merges `patch` into the stored payloads of a petition's events of these types, past the append-only guard
 * (`session_replication_role = replica` skips triggers; the test databases connect as superuser). Only for tests that
 * need a log no write path produces, such as an accusation that wrongly reached the unit it accuses.
 */
export async function patchStoredEventsForTest(db: Database, petitionId: string, types: readonly string[], patch: Record<string, unknown>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await sql`update petition_events set payload = payload || ${JSON.stringify(patch)}::jsonb where petition_id = ${petitionId} and type = any(${[...types]}::text[])`.execute(tx);
  });
}
