import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from './20261125000000_initial.ts';

/**
 * Every migration, by its timestamped name. Listed statically (not read from the folder) so the server
 * bundle carries them. Add a new file as `<UTC yyyymmddhhmmss>_<what>.ts` and one line here.
 */
const migrations: Record<string, Migration> = {
  '20261125000000_initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
