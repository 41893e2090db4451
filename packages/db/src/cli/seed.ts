import { hashPassword } from '@xinfang/security/password';
import { migrateToLatest } from '../migrate.ts';
import { demoAccounts, seedDemoData } from '../seed/demo-seed.ts';
import { openFromEnvironment } from './environment.ts';

const { handle, loadKeysFromEnvironment } = await openFromEnvironment();
try {
  await migrateToLatest(handle.db);
  const result = await seedDemoData(handle.db, { now: new Date(), keys: loadKeysFromEnvironment().keys, hashPassword });
  console.log(`Seeded ${handle.description}: ${result.units} units, ${result.staff} accounts, ${result.petitionsCreated} new petitions.`);
  for (const account of demoAccounts) console.log(`  ${account.username.padEnd(16)} ${account.password}`);
} finally {
  await handle.close();
}
