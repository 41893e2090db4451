import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { demoAccounts, departmentStaff, seedDemoAccounts } from './demo-people.ts';
import { seedDemoPetitions } from './demo-petitions.ts';
import { seedUnits } from './demo-units.ts';
import type { SeedOptions } from './seed-options.ts';

export { demoAccounts, type DemoAccount } from './demo-people.ts';
export { seedUnits, type SeededUnits } from './demo-units.ts';
export { createSeededRandom, seededBytes } from './seeded-random.ts';
export type { SeedOptions } from './seed-options.ts';

export interface SeedResult {
  units: number;
  staff: number;
  petitionsCreated: number;
}

/**
 * The demo data set: units, one staff account per role, and clearly synthetic petitions over the last 12 months
 * (petitioners named "演示信访人NNN", mobile numbers 1990000NNNN, every text marked 【演示数据】).
 * Safe to run again: units and accounts are upserted, petitions only added when none exist yet.
 */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<SeedResult> {
  const units = await seedUnits(db);
  const actors = await seedDemoAccounts(db, units, options);

  const already = await db
    .selectFrom('petitions')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('content', 'like', '【演示数据】%')
    .executeTakeFirstOrThrow();
  let petitionsCreated = 0;
  if (Number(already.count) === 0) {
    petitionsCreated = await seedDemoPetitions(db, units, await departmentStaff(db, units, actors, options), options);
  }
  const unitCount = await db.selectFrom('units').select(sql<string>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return { units: Number(unitCount.count), staff: demoAccounts.length, petitionsCreated };
}
