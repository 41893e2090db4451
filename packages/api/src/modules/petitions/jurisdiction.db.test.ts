import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword });
});

async function signedIn(username: string, password: string) {
  const { caller } = createTestContext(test.db, keys);
  await caller.auth.signIn({ username, password });
  return caller;
}

describe('a street officer and the matters of their street', () => {
  it('may open every matter the list shows them, including district-hall matters from their street', async () => {
    const officer = await signedIn('street-officer', 'Demo-street-2026');
    const page = await officer.petitions.list({ limit: 100 });
    expect(page.items.some((item) => item.hallName === '福田区')).toBe(true);
    for (const item of page.items) {
      const detail = await officer.petitions.get({ id: item.id });
      expect(detail).toBeDefined();
    }
  });

  it('may not open a matter of another street', async () => {
    const officer = await signedIn('street-officer', 'Demo-street-2026');
    const nanyuan = await test.db.selectFrom('units').select('id').where('code', '=', '440304001000').executeTakeFirstOrThrow();
    const elsewhere = await test.db
      .selectFrom('petitions as p')
      .innerJoin('units as h', 'h.id', 'p.hall_unit_id')
      .select('p.id')
      .where('p.street_unit_id', '!=', nanyuan.id)
      .where('h.code', '!=', '440304001000')
      .where('p.handling_unit_id', 'is', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(officer.petitions.get({ id: elsewhere.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
