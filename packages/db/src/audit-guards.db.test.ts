import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChains } from './repositories/audit.ts';
import { useTestDatabase } from './testing/test-database.ts';

// Issue 11 §5: `TRUNCATE audit_log` emptied the log, and truncating the chain heads made every audited call fail
// (500). The triggers of migration 20261205091000 refuse both, even to the superuser PGlite always is.

const test = useTestDatabase();

const record = (action: string) => appendAudit(test.db, { occurredAt: new Date(), actorId: null, actorRole: 'kiosk', action, targetType: 'petition', targetId: crypto.randomUUID(), ip: '192.0.2.7' });
const count = async (table: 'audit_log' | 'audit_chain_heads') => Number((await test.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('the audit tables refuse to lose their records', () => {
  it('refuses TRUNCATE of the audit log and of the chain heads, DELETE of a head, and keeps every audited call working', async () => {
    for (let index = 0; index < 5; index++) await record('test.before');
    const logged = await count('audit_log');
    expect(logged).toBeGreaterThanOrEqual(5);

    await expect(sql`truncate audit_log`.execute(test.db)).rejects.toThrow(/audit_log keeps the audit trail: TRUNCATE is refused/);
    await expect(sql`truncate audit_chain_heads`.execute(test.db)).rejects.toThrow(/audit_chain_heads keeps the audit trail: TRUNCATE is refused/);
    await expect(sql`truncate audit_log, audit_chain_heads restart identity cascade`.execute(test.db)).rejects.toThrow(/TRUNCATE is refused/);
    await expect(sql`delete from audit_chain_heads where chain = 7`.execute(test.db)).rejects.toThrow(/audit_chain_heads keeps the audit trail: DELETE is refused/);
    await expect(sql`delete from audit_log`.execute(test.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set action = 'changed'`.execute(test.db)).rejects.toThrow(/append-only/);
    expect(await count('audit_log')).toBe(logged);
    expect(await count('audit_chain_heads')).toBe(64);

    // the heads stay updatable: every audited call moves one
    for (let index = 0; index < 5; index++) await record('test.after');
    expect(await count('audit_log')).toBe(logged + 5);
    expect(await verifyAuditChains(test.db)).toMatchObject({ firstBrokenRowId: undefined, rowsChecked: logged + 5 });
  });
});
