import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';

import './test-database.ts';

/**
 * Runs once per test run: migrates one database and hands it to the test files, which each get a clone
 * (PGlite: load of a data-folder dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = project.config.env.XINFANG_TEST_ENGINE;
  if (engine === 'postgres') {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) throw new Error('db:postgres tests need DATABASE_URL');
    const template = `xinfang_template_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const handle = await createDatabase({ engine: 'postgres', databaseUrl: url.toString(), poolSize: 1 });
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteSnapshotPath', '');
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const handle = await createDatabase({ engine: 'pglite-memory' });
  await migrateToLatest(handle.db);
  const snapshotPath = join(tmpdir(), `xinfang-pglite-${process.pid}-${randomBytes(3).toString('hex')}.tar`);
  const dump = await dumpPglite(handle);
  await writeFile(snapshotPath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteSnapshotPath', snapshotPath);
  project.provide('postgresTemplate', '');
  return async () => {
    const { rm } = await import('node:fs/promises');
    await rm(snapshotPath, { force: true });
  };
}

async function dumpPglite(handle: Awaited<ReturnType<typeof createDatabase>>): Promise<Blob> {
  if (!handle.dumpDataDir) throw new Error('not a PGlite database');
  return handle.dumpDataDir();
}
