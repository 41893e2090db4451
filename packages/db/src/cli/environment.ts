import { loadKeys } from '@xinfang/security/key-store';
import { configFromEnvironment, createDatabase } from '../database.ts';

/** The database and keys the command-line tools use: the same environment variables as the server. */
export async function openFromEnvironment() {
  const dataDir = process.env.DATA_DIR ?? '.data';
  const handle = await createDatabase(configFromEnvironment({ DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: dataDir }));
  const loadKeysFromEnvironment = () =>
    loadKeys({ dataKeys: process.env.XINFANG_DATA_KEYS, hashKey: process.env.XINFANG_HASH_KEY, keyFile: process.env.XINFANG_KEY_FILE, dataDir });
  return { handle, loadKeysFromEnvironment };
}
