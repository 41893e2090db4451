import { seedDemoData } from '@xinfang/db/seed';
import { getUnitByCode } from '@xinfang/db/repositories/units';
import { createTestKeys, patchStoredEventsForTest, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import { protectIdNumber, protectMobile } from '@xinfang/security/personal-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();
// DOMAIN.md §9's published example, not a real person's number
const exampleIdNumber = '11010519491231002X';
let ordinaryId: string;
let accusationId: string;

async function signedIn(username: string, password: string) {
  const context = createTestContext(test.db, keys, { clientIp: '192.0.2.7' });
  await context.caller.auth.signIn({ username, password });
  return context.caller;
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 30 });
  const department = await getUnitByCode(test.db, '440304D01');
  const routedThere = await test.db.selectFrom('petitions').select('id').where('handling_unit_id', '=', department.id).orderBy('id').executeTakeFirstOrThrow();
  const [first] = await test.db.selectFrom('petitions').select(['id', 'petitioner_id']).where('id', '<>', routedThere.id).orderBy('id').limit(1).execute();
  ordinaryId = first!.id;
  accusationId = routedThere.id;
  const sealed = protectIdNumber(keys, exampleIdNumber);
  await test.db.updateTable('petitioners').set({ id_number_cipher: sealed.cipher, id_number_hash: sealed.hash, id_number_masked: sealed.masked }).where('id', '=', first!.petitioner_id).execute();
  // an accusation against the housing bureau that (wrongly) reached that bureau: the firewall must still hold
  // (written into its log as if registration and triage had said so: the rule reads the replayed state)
  await patchStoredEventsForTest(test.db, accusationId, ['registered', 'triaged'], { petitionClass: 'accusation', accusedParties: { unitIds: [department.id], staffIds: [] } });
  await test.db.updateTable('petitions').set({ petition_class: 'accusation', accused_unit_ids: [department.id] }).where('id', '=', accusationId).execute();
});

describe('reveal', () => {
  it('shows the full ID number to a reception officer and records who, why and from where', async () => {
    const reception = await signedIn('reception', 'Demo-reception-2026');
    const result = await reception.privacy.reveal({ petitionId: ordinaryId, field: 'idNumber', reason: '核实信访人身份' });
    expect(result).toEqual({ field: 'idNumber', value: exampleIdNumber });
    const audit = await test.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.reveal').where('target_id', '=', ordinaryId).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_role: 'receptionOfficer', ip: '192.0.2.7', target_type: 'petition', details: { field: 'idNumber', reason: '核实信访人身份' } });
    expect(JSON.stringify(audit)).not.toContain(exampleIdNumber);
  });

  it('reveals a person linked to the petition, and no person of another petition', async () => {
    const reception = await signedIn('reception', 'Demo-reception-2026');
    const [main, other] = await test.db.selectFrom('petitions').select(['id', 'petitioner_id']).orderBy('id').limit(2).execute();
    const linked = await test.db.insertInto('petitioners').values({ kind: 'person', name: '演示代表', mobile_cipher: protectMobile(keys, '19900000777').cipher }).returning('id').executeTakeFirstOrThrow();
    await test.db.insertInto('petition_petitioners').values({ petition_id: main!.id, petitioner_id: linked.id, is_representative: true }).execute();
    expect((await reception.privacy.reveal({ petitionId: main!.id, petitionerId: linked.id, field: 'mobile', reason: '联系代表' })).value).toBe('19900000777');
    await expect(reception.privacy.reveal({ petitionId: main!.id, petitionerId: other!.petitioner_id, field: 'mobile', reason: '联系代表' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the masked form in lists', async () => {
    const row = await test.db.selectFrom('petitioners').select(['id_number_masked', 'id_number_cipher']).where('id_number_masked', 'is not', null).executeTakeFirstOrThrow();
    expect(row.id_number_masked).toBe('110105********002X');
    expect(row.id_number_cipher).not.toContain('1101051949');
  });

  it.each([
    ['statistician', 'Demo-statistician-2026', 'FORBIDDEN'],
    ['counsellor', 'Demo-counsellor-2026', 'FORBIDDEN'],
    ['admin', 'Demo-admin-2026', 'FORBIDDEN'],
  ] as const)('refuses %s', async (username, password, code) => {
    const caller = await signedIn(username, password);
    await expect(caller.privacy.reveal({ petitionId: ordinaryId, field: 'mobile', reason: '核实信访人身份' })).rejects.toMatchObject({ code });
  });

  it('needs a reason', async () => {
    const reception = await signedIn('reception', 'Demo-reception-2026');
    await expect(reception.privacy.reveal({ petitionId: ordinaryId, field: 'mobile', reason: ' ' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
  });

  it('says so when the value was never given', async () => {
    const reception = await signedIn('reception', 'Demo-reception-2026');
    await expect(reception.privacy.reveal({ petitionId: ordinaryId, field: 'address', reason: '上门走访' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the accusation firewall', () => {
  it('never reveals the accuser to the accused unit, even when the matter reached it', async () => {
    for (const [username, password] of [
      ['handler', 'Demo-handler-2026'],
      ['depthead', 'Demo-depthead-2026'],
    ] as const) {
      const caller = await signedIn(username, password);
      await expect(caller.privacy.reveal({ petitionId: accusationId, field: 'mobile', reason: '联系检举人' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'An accusation is never shown to the unit or person it accuses',
      });
    }
  });

  it('lets a bureau role with accuser access reveal, and refuses a lawyer (no accuser access)', async () => {
    const leader = await signedIn('leader', 'Demo-leader-2026');
    expect((await leader.privacy.reveal({ petitionId: accusationId, field: 'mobile', reason: '核实检举人身份' })).value).toMatch(/^1990000/);
    const lawyer = await signedIn('lawyer', 'Demo-lawyer-2026');
    await expect(lawyer.privacy.reveal({ petitionId: accusationId, field: 'mobile', reason: '核实检举人身份' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
