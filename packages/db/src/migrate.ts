import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database } from './database.ts';
import { migrationProvider } from './migrations/index.ts';

/** Runs every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}

/** The name of the last applied migration, or undefined for an empty database. */
export async function findMigrationVersion(db: Database): Promise<string | undefined> {
  const exists = await sql<{ present: boolean }>`select to_regclass('public.kysely_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return undefined;
  const last = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return last.rows[0]?.name;
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
