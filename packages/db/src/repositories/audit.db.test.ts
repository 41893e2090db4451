import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-database.ts';
import { appendAudit, appendAudits, auditChainCount, chainFor, hashAuditRow, verifyAuditChains } from './audit.ts';

const test = useTestDatabase();

describe('audit log hash chains', () => {
  it('verifies an intact log written by concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        test.db.transaction().execute((tx) =>
          appendAudit(tx, {
            occurredAt: new Date(Date.UTC(2026, 10, 25, 1, 0, index)),
            actorId: null,
            actorRole: 'receptionOfficer',
            action: 'petition.register',
            targetType: 'petition',
            targetId: `p-${index}`,
            ip: `127.0.0.${index % 5}`,
            details: { z: 1, a: { y: [1, 2], b: 'x' } },
          }),
        ),
      ),
    );
    const result = await verifyAuditChains(test.db);
    expect(result).toEqual({ rowsChecked: 40, firstBrokenRowId: undefined, reason: undefined });
    const chains = await test.db.selectFrom('audit_log').select('chain').distinct().execute();
    expect(chains.length).toBeGreaterThan(1);
    expect(chains.every((row) => row.chain < auditChainCount)).toBe(true);
  });

  it('links records of one chain written concurrently, each to the one committed before it', async () => {
    const actorId = '6f1d2c7e-0000-4000-8000-0000000000aa';
    await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        index % 2 === 0
          ? appendAudit(test.db, { occurredAt: new Date(Date.UTC(2026, 10, 25, 3, 0, index)), actorId, actorRole: 'admin', action: 'staff.update' })
          : test.db.transaction().execute((tx) => appendAudit(tx, { occurredAt: new Date(Date.UTC(2026, 10, 25, 3, 0, index)), actorId, actorRole: 'admin', action: 'staff.update' })),
      ),
    );
    const chain = chainFor({ actorId });
    const rows = await test.db.selectFrom('audit_log').select(['previous_hash', 'hash']).where('chain', '=', chain).orderBy('id').execute();
    expect(rows.length).toBeGreaterThanOrEqual(30);
    rows.slice(1).forEach((row, index) => expect(row.previous_hash).toBe(rows[index]!.hash));
    expect(await verifyAuditChains(test.db)).toEqual({ rowsChecked: 70, firstBrokenRowId: undefined, reason: undefined });
  });

  it('links the records of one statement in order, interleaved with single records of the same chain', async () => {
    const targetId = 'batch-target-0';
    const chain = chainFor({ actorId: null, targetId });
    const batches = Array.from({ length: 6 }, (_, batch) =>
      Array.from({ length: 1 + (batch % 4) * 3 }, (_, index) => ({
        occurredAt: new Date(Date.UTC(2026, 10, 26, 1, batch, index)),
        actorId: null,
        actorRole: 'kiosk',
        action: 'kiosk.submit',
        targetType: 'petition',
        targetId: index === 0 ? targetId : `batch-${batch}-${index}`,
        ip: '127.0.0.1',
        details: { batch, index },
      })),
    );
    const before = await test.db.selectFrom('audit_log').select('id').where('chain', '=', chain).execute();
    await Promise.all([
      ...batches.map((entries) => appendAudits(test.db, entries)),
      ...Array.from({ length: 5 }, (_, index) => appendAudit(test.db, { occurredAt: new Date(), actorId: null, actorRole: 'kiosk', action: 'kiosk.single', targetId, details: { index } })),
    ]);
    const rows = await test.db.selectFrom('audit_log').select(['id', 'previous_hash', 'hash', 'details', 'chain']).where('chain', '=', chain).orderBy('id').execute();
    const written = batches.reduce((sum, entries) => sum + entries.length, 0) + 5;
    expect(rows.length - before.length).toBe(written);
    rows.slice(1).forEach((row, index) => expect(row.previous_hash).toBe(rows[index]!.hash));
    // the records of each statement are consecutive and in the order given
    for (const [batch, entries] of batches.entries()) {
      const mine = rows.filter((row) => (row.details as { batch?: number }).batch === batch);
      expect(mine.map((row) => (row.details as { index: number }).index)).toEqual(entries.map((_, index) => index));
      expect(Number(mine.at(-1)!.id) - Number(mine[0]!.id)).toBe(entries.length - 1);
    }
    const head = await test.db.selectFrom('audit_chain_heads').selectAll().where('chain', '=', chain).executeTakeFirstOrThrow();
    expect(head.hash).toBe(rows.at(-1)!.hash);
    expect(String(head.last_id)).toBe(String(rows.at(-1)!.id));
    expect(await verifyAuditChains(test.db)).toMatchObject({ firstBrokenRowId: undefined });
  });

  it('still verifies records of hash version 1', async () => {
    const fields = { occurredAt: new Date(Date.UTC(2026, 0, 1)), actorId: null, actorRole: 'operator', action: 'legacy', targetType: null, targetId: null, ip: null, details: {}, chain: 63 };
    const head = await test.db.selectFrom('audit_chain_heads').select('hash').where('chain', '=', 63).executeTakeFirstOrThrow();
    const hash = hashAuditRow(head.hash, fields, 1);
    expect(hash).not.toBe(hashAuditRow(head.hash, fields, 2));
    await sql`insert into audit_log (occurred_at, actor_role, action, details, chain, previous_hash, hash, hash_version)
      values (${fields.occurredAt}, 'operator', 'legacy', '{}'::jsonb, 63, ${head.hash}, ${hash}, 1)`.execute(test.db);
    await test.db.updateTable('audit_chain_heads').set({ hash }).where('chain', '=', 63).execute();
    const total = await test.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(await verifyAuditChains(test.db)).toMatchObject({ rowsChecked: Number(total.n), firstBrokenRowId: undefined });
  });

  it('names the first tampered row', async () => {
    const target = await test.db.selectFrom('audit_log').select(['id']).orderBy('id').offset(7).limit(1).executeTakeFirstOrThrow();
    // a superuser bypasses the append-only trigger, as an attacker with database access would
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(test.db);
    await sql`update audit_log set action = 'petition.tampered' where id = ${target.id}`.execute(test.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(test.db);
    const result = await verifyAuditChains(test.db);
    expect(result.firstBrokenRowId).toBe(String(target.id));
    expect(result.reason).toMatch(/content/);
  });
});

describe('audit chain heads', () => {
  const fresh = useTestDatabase();

  async function write(count: number, actorId: string) {
    for (let index = 0; index < count; index++) {
      await fresh.db.transaction().execute((tx) =>
        appendAudit(tx, { occurredAt: new Date(Date.UTC(2026, 10, 25, 2, 0, index)), actorId, actorRole: 'admin', action: 'staff.update' }),
      );
    }
  }

  it('moves the head of the chain to each new record', async () => {
    const actorId = '6f1d2c7e-0000-4000-8000-000000000001';
    await write(3, actorId);
    const newest = await fresh.db.selectFrom('audit_log').select(['id', 'hash', 'chain']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const head = await fresh.db.selectFrom('audit_chain_heads').selectAll().where('chain', '=', newest.chain).executeTakeFirstOrThrow();
    expect({ ...head, last_id: String(head.last_id) }).toEqual({ chain: newest.chain, last_id: String(newest.id), hash: newest.hash });
    const heads = await fresh.db.selectFrom('audit_chain_heads').select('chain').execute();
    expect(heads.map((row) => row.chain).sort((a, b) => a - b)).toEqual(Array.from({ length: auditChainCount }, (_, index) => index));
  });

  it('notices the newest records of a chain being deleted', async () => {
    const newest = await fresh.db.selectFrom('audit_log').select(['id']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(fresh.db);
    await sql`delete from audit_log where id = ${newest.id}`.execute(fresh.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(fresh.db);
    const result = await verifyAuditChains(fresh.db);
    expect(result.firstBrokenRowId).toBe(String(newest.id));
    expect(result.reason).toMatch(/newest records deleted/);
  });
});
