import { randomUUID } from 'node:crypto';
import { Role } from '@xinfang/domain/staff';
import { PetitionEvent } from '@xinfang/domain/workflow/petition-event';
import { replay } from '@xinfang/domain/workflow/replay';
import { findParentUnit } from '@xinfang/domain/units/unit-tree';
import { describe, expect, it } from 'vitest';
import { findStaffByUsername } from '../repositories/staff.ts';
import { listPetitions } from '../repositories/petitions.ts';
import type { ReaderScope } from '../repositories/petition-visibility.ts';
import { createTestKeys, useTestDatabase } from '../testing/test-database.ts';
import { demoAccounts, seedDemoData } from './demo-seed.ts';
import { departments, streets } from './reference-units.ts';

const test = useTestDatabase();

/** A reader at a unit path, accused by nothing (the demo has no accusations naming units) and appealed to by nothing. */
function readerAt(unitPath: string): ReaderScope {
  return { unitPath, unitId: randomUUID(), firewall: { staffId: randomUUID(), coveringUnitIds: [] } };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
const keys = createTestKeys();
const now = new Date('2026-11-25T02:00:00Z');
const hashPassword = (password: string) => Promise.resolve(`test-hash:${password}`);

describe('demo seed', () => {
  it('builds the unit tree, one account per role and 200 synthetic petitions, and is idempotent', async () => {
    const first = await seedDemoData(test.db, { now, keys, hashPassword });
    expect(first.petitionsCreated).toBe(200);
    const second = await seedDemoData(test.db, { now, keys, hashPassword });
    expect(second.petitionsCreated).toBe(0);
    expect(second.units).toBe(first.units);

    const streetRows = await test.db.selectFrom('units').selectAll().where('kind', '=', 'street').execute();
    expect(streetRows.map((row) => row.name_zh).sort()).toEqual(streets.map((street) => street.nameZh).sort());
    const departmentCount = await test.db.selectFrom('units').select('id').where('kind', '=', 'department').execute();
    expect(departmentCount).toHaveLength(departments.length);
    const communities = await test.db.selectFrom('units').select(['path']).where('kind', '=', 'community').execute();
    expect(communities.length).toBeGreaterThanOrEqual(20);
    expect(communities.every((community) => community.path.startsWith('/440304/4403040'))).toBe(true);

    for (const account of demoAccounts) expect(await findStaffByUsername(test.db, account.username)).toBeDefined();
    const roles = new Set(demoAccounts.map((account) => account.role));
    expect(roles.size).toBe(Role.options.length);
  }, 180_000); // seeds 200 matters through the workflow: 3 s alone, over 40 s when CI runs both engines side by side

  it('spreads petitions over the last 12 months, stores mobiles only encrypted, and lists them by jurisdiction', async () => {
    const everything = await listPetitions(test.db, { reader: readerAt('/440304/'), limit: 100 });
    expect(everything.total).toBe(200);
    const times = everything.items.map((item) => Date.parse(item.receivedAt));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    const all = await test.db.selectFrom('petitions').select(['received_at']).execute();
    const oldest = Math.min(...all.map((row) => new Date(row.received_at).getTime()));
    expect(now.getTime() - oldest).toBeLessThanOrEqual(366 * 24 * 3600 * 1000);
    expect(now.getTime() - oldest).toBeGreaterThan(300 * 24 * 3600 * 1000);

    const petitioners = await test.db.selectFrom('petitioners').selectAll().execute();
    expect(petitioners.every((row) => row.mobile_cipher && !row.mobile_cipher.includes('1990000'))).toBe(true);
    expect(petitioners.every((row) => row.mobile_masked?.startsWith('199****'))).toBe(true);

    const nanyuan = await listPetitions(test.db, { reader: readerAt('/440304/440304001000/'), limit: 100 });
    expect(nanyuan.total).toBeGreaterThan(0);
    expect(nanyuan.total).toBeLessThan(200);
    expect(nanyuan.items.every((item) => item.summary.length > 0)).toBe(true);
  });

  it('puts the city above the district, and the review and recheck accounts at those levels', async () => {
    const units = await test.db.selectFrom('units').selectAll().execute();
    const tree = units.map((unit) => ({ id: unit.id, parentId: unit.parent_id, kind: unit.kind as 'district' }));
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    expect(findParentUnit(tree, byCode.get('440304')!.id)).toBe(byCode.get('440300')!.id);
    expect(findParentUnit(tree, byCode.get('440304D01')!.id)).toBe(byCode.get('440304')!.id);
    expect(byCode.get('440300')!.parent_id).toBeNull();
    expect((await findStaffByUsername(test.db, 'reviewer'))?.unit_id).toBe(byCode.get('440304')!.id);
    expect((await findStaffByUsername(test.db, 'rechecker'))?.unit_id).toBe(byCode.get('440300')!.id);
  });

  it('hangs the district under the city in a database seeded before the city existed, keeping its paths', async () => {
    await test.db.updateTable('units').set({ parent_id: null }).where('code', '=', '440304').execute();
    const again = await seedDemoData(test.db, { now, keys, hashPassword });
    expect(again.petitionsCreated).toBe(0);
    const district = await test.db.selectFrom('units').selectAll().where('code', '=', '440304').executeTakeFirstOrThrow();
    const city = await test.db.selectFrom('units').selectAll().where('code', '=', '440300').executeTakeFirstOrThrow();
    expect({ parent: district.parent_id, path: district.path }).toEqual({ parent: city.id, path: '/440304/' });
  });

  it('builds each petition with the workflow: statuses spread, and the projection is what the events replay to', async () => {
    const petitions = await test.db.selectFrom('petitions').select(['id', 'status', 'version', 'petition_class', 'clocks', 'light']).execute();
    const events = await test.db.selectFrom('petition_events').selectAll().orderBy('petition_id').orderBy('sequence').execute();
    const byPetition = groupBy(events, (event) => event.petition_id);
    for (const petition of petitions) {
      const log = byPetition.get(petition.id)!;
      const state = replay(
        log.map((event) =>
          PetitionEvent.parse({
            type: event.type,
            occurredAt: new Date(event.occurred_at).toISOString(),
            actor: { staffId: event.actor_id, role: event.actor_role ?? 'petitioner', unitId: event.actor_unit_id },
            payload: event.payload,
          }),
        ),
      );
      expect({ status: state.status, version: state.version, petitionClass: state.petitionClass ?? null }).toEqual({
        status: petition.status,
        version: petition.version,
        petitionClass: petition.petition_class,
      });
      expect(log.map((event) => event.sequence)).toEqual(log.map((_, index) => index + 1));
      expect(petition.clocks).not.toBeNull();
    }
    const counts = groupBy(petitions, (petition) => petition.status);
    for (const status of ['registered', 'closed', 'handling', 'notAccepted', 'diverted', 'withdrawn']) expect(counts.get(status)?.length ?? 0, status).toBeGreaterThan(0);
    expect(counts.size).toBeGreaterThanOrEqual(8);
    const appealed = events.filter((event) => event.type === 'reviewAnswered' || event.type === 'recheckAnswered');
    expect(appealed.length).toBeGreaterThan(0);
    expect(petitions.some((petition) => petition.light === 'red')).toBe(true);
  });

  it('issues the notices of the steps taken, numbered per kind and year in the order issued', async () => {
    const noticeEvents = ['triaged', 'diverted', 'receiptAcknowledged', 'notAccepted', 'extensionApproved', 'replied', 'reviewAnswered', 'recheckAnswered'];
    const events = await test.db.selectFrom('petition_events').select(['petition_id', 'sequence', 'type']).where('type', 'in', noticeEvents).execute();
    const documents = await test.db.selectFrom('petition_documents').selectAll().orderBy('issued_at').execute();
    expect(documents.map((document) => `${document.petition_id}#${document.event_sequence}`).sort()).toEqual(events.map((event) => `${event.petition_id}#${event.sequence}`).sort());
    // the year in the number is the year in Asia/Shanghai
    const byKind = groupBy(documents, (document) => `${document.kind}/${/〔(\d{4})〕/.exec(document.serial_number)![1]}`);
    for (const issued of byKind.values()) {
      const numbers = issued.map((document) => Number(/(\d{4})号$/.exec(document.serial_number)![1]));
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    }
    const receipt = documents.find((document) => document.kind === 'receipt')!;
    expect(receipt.content).toMatchObject({ title: '受理告知书', addressee: expect.stringMatching(/^演示信访人\d{3}$/), serialNumber: receipt.serial_number });
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: { receivedAt: string; id: string } | undefined;
    for (;;) {
      const page = await listPetitions(test.db, { reader: readerAt('/440304/'), limit: 30, after });
      seen.push(...page.items.map((item) => item.id));
      if (page.items.length < 30) break;
      const last = page.items.at(-1)!;
      after = { receivedAt: last.receivedAt, id: last.id };
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
  });
});
