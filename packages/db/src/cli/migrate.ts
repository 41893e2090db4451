import { migrateToLatest } from '../migrate.ts';
import { openFromEnvironment } from './environment.ts';

const { handle } = await openFromEnvironment();
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied ${applied.join(', ')} on ${handle.description}` : `Up to date: ${handle.description}`);
} finally {
  await handle.close();
}
