import { sql } from 'kysely';
import type { Database } from './database.ts';
import { seedDemoData, type SeedOptions, type SeedResult } from '@xinfang/db/seed';

/** The advisory lock that makes "is it empty? then seed" one step across server instances. */
const seedLockKey = sql<number>`hashtext('xinfang:demo-seed')`;

/**
 * Seeds the demo data into a database that has no staff account yet, and does nothing to one that has: never into a
 * database in use. Several server instances starting at once on one empty database seed it once: each takes a
 * PostgreSQL advisory lock on its own connection around "count the accounts → seed", so the second waits for the
 * first to finish, then finds the accounts and leaves them be (before, both seeded and the second died on a unique
 * key). PGlite takes the same lock; its one connection already serialises the two.
 * Returns the seed's result, or undefined when the database was not empty.
 * @example const seeded = await seedDemoDataOnce(db, { now: new Date(), keys, hashPassword });
 */
export async function seedDemoDataOnce(db: Database, options: SeedOptions): Promise<SeedResult | undefined> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${seedLockKey})`.execute(connection);
    try {
      const staff = await connection.selectFrom('staff').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      if (Number(staff.n) > 0) return undefined;
      return await seedDemoData(connection, options);
    } finally {
      // a session lock outlives a failed statement; on a broken connection the server drops it with the session
      await sql`select pg_advisory_unlock(${seedLockKey})`.execute(connection).catch(() => undefined);
    }
  });
}
