import { describe, expect, it } from 'vitest';
import { findStaffByUsername } from '../repositories/staff.ts';
import { listPetitions } from '../repositories/petitions.ts';
import { createTestKeys, useTestDatabase } from '../testing/test-database.ts';
import { demoAccounts, seedDemoData } from './demo-seed.ts';
import { departments, streets } from './reference-units.ts';

const test = useTestDatabase();
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
    expect(roles.size).toBe(9);
  });

  it('spreads petitions over the last 12 months, stores mobiles only encrypted, and lists them by jurisdiction', async () => {
    const everything = await listPetitions(test.db, { scopePath: '/440304/', limit: 100 });
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

    const nanyuan = await listPetitions(test.db, { scopePath: '/440304/440304001000/', limit: 100 });
    expect(nanyuan.total).toBeGreaterThan(0);
    expect(nanyuan.total).toBeLessThan(200);
    expect(nanyuan.items.every((item) => item.summary.length > 0)).toBe(true);
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: { receivedAt: string; id: string } | undefined;
    for (;;) {
      const page = await listPetitions(test.db, { scopePath: '/440304/', limit: 30, after });
      seen.push(...page.items.map((item) => item.id));
      if (page.items.length < 30) break;
      const last = page.items.at(-1)!;
      after = { receivedAt: last.receivedAt, id: last.id };
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
  });
});
