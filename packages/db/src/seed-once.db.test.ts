import { describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from './database.ts';
import { seedDemoDataOnce } from './seed-once.ts';
import { createTestKeys, useTestDatabase } from './testing/test-database.ts';

const test = useTestDatabase();
const keys = createTestKeys();
const options = { now: new Date('2026-12-01T02:00:00Z'), keys, hashPassword: (password: string) => Promise.resolve(`plain:${password}`), petitions: 4 };

async function count(table: 'staff' | 'petitions' | 'units'): Promise<number> {
  return Number((await test.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
}

describe('seedDemoDataOnce', () => {
  it('seeds an empty database once when two server instances start on it at the same moment', async () => {
    // two instances: on PostgreSQL two pools (two processes would be no different); PGlite has one connection per process
    const second: DatabaseHandle = test.databaseUrl ? await createDatabase({ engine: 'postgres', databaseUrl: test.databaseUrl, poolSize: 2 }) : test.handle;
    try {
      const results = await Promise.allSettled([seedDemoDataOnce(test.db, options), seedDemoDataOnce(second.db, options)]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      const seeded = results.map((result) => (result.status === 'fulfilled' ? result.value : 'failed'));
      expect(seeded.filter((result) => result !== undefined)).toHaveLength(1);
      expect(seeded.find((result) => result !== undefined)).toMatchObject({ petitionsCreated: 4 });
    } finally {
      if (second !== test.handle) await second.close();
    }
    expect(await count('petitions')).toBe(4);
    const staff = await count('staff');
    expect(staff).toBeGreaterThan(5);

    // and never again, not even into a database whose demo petitions were closed or removed
    expect(await seedDemoDataOnce(test.db, options)).toBeUndefined();
    expect(await count('staff')).toBe(staff);
  });

  it('leaves a database that has accounts alone, and releases its lock for the next caller', async () => {
    expect(await seedDemoDataOnce(test.db, options)).toBeUndefined();
    expect(await seedDemoDataOnce(test.db, options)).toBeUndefined();
  });
});
