import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-database.ts';
import { appendAudit, auditChainCount, verifyAuditChains } from './audit.ts';

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
