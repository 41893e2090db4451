import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { appendAudit } from '../repositories/audit.ts';
import { useTestDatabase } from '../testing/test-database.ts';

const run = promisify(execFile);
const test = useTestDatabase();
const cli = fileURLToPath(new URL('./audit-verify.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** The command reads the database the environment names: this file's PostgreSQL database, or a PGlite folder on disk. */
let handle: DatabaseHandle;
let environment: Record<string, string>;

beforeAll(async () => {
  if (test.engine === 'postgres') {
    handle = test.handle;
    environment = { DATABASE_URL: test.databaseUrl! };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'xinfang-audit-cli-'));
    handle = await createDatabase({ engine: 'pglite', dataDir: join(dataDir, 'pglite') });
    await migrateToLatest(handle.db);
    environment = { DATA_DIR: dataDir };
  }
  for (let index = 0; index < 24; index++) {
    await handle.db.transaction().execute((tx) =>
      appendAudit(tx, { occurredAt: new Date(Date.UTC(2026, 10, 25, 2, 0, index)), actorId: null, actorRole: 'kiosk', action: 'kiosk.submit', targetType: 'petition', targetId: `t-${index % 3}`, ip: '192.0.2.1' }),
    );
  }
});

afterAll(async () => {
  if (test.engine !== 'postgres') await handle?.close();
});

async function verify(): Promise<{ code: number; output: string }> {
  // PGlite allows one process at a time on a data folder
  if (test.engine !== 'postgres') await handle.close();
  try {
    const { stdout, stderr } = await run(tsx, [cli], { env: { ...process.env, ...environment, DATABASE_URL: environment.DATABASE_URL ?? '' } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  } finally {
    if (test.engine !== 'postgres') handle = await createDatabase({ engine: 'pglite', dataDir: join(environment.DATA_DIR!, 'pglite') });
  }
}

describe('pnpm audit:verify', () => {
  it('reports an intact log', async () => {
    const result = await verify();
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toMatch(/Audit log intact: 24 rows checked/);
  });

  it('names the first broken row after a superuser deletes one from the middle of a chain', async () => {
    const rows = await handle.db.selectFrom('audit_log').select(['id', 'chain']).orderBy('id').execute();
    const chain = rows[0]!.chain;
    const inChain = rows.filter((row) => row.chain === chain);
    expect(inChain.length).toBeGreaterThan(2);
    const victim = inChain[1]!;
    const successor = inChain[2]!;
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(handle.db);
    await sql`delete from audit_log where id = ${victim.id}`.execute(handle.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(handle.db);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Audit log BROKEN at row ${successor.id}: link to the previous row does not match`);
  });

  it('refuses UPDATE and DELETE to an ordinary writer: the trigger', async () => {
    const row = await handle.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await expect(sql`update audit_log set action = 'x' where id = ${row.id}`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${row.id}`.execute(handle.db)).rejects.toThrow(/append-only/);
  });
});
