import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateKeyMaterial, parseKeys, type PersonalDataKeys } from './personal-data.ts';

export interface KeySource {
  /** `XINFANG_DATA_KEYS`: comma-separated `id:base64`, current first. */
  dataKeys?: string | undefined;
  /** `XINFANG_HASH_KEY`: base64. */
  hashKey?: string | undefined;
  /** `XINFANG_KEY_FILE`: a JSON file `{ "dataKeys": "...", "hashKey": "..." }`. */
  keyFile?: string | undefined;
  /** Where the embedded default keeps a generated key file. */
  dataDir: string;
}

export interface LoadedKeys {
  keys: PersonalDataKeys;
  origin: 'environment' | 'keyFile' | 'generated' | 'generatedEarlier';
  path?: string;
}

/**
 * The personal-data keys: from the environment, else from a key file, else (embedded default) from
 * `DATA_DIR/keys.json`, generating it on first start. A generated key is fine for a demo; production
 * should supply its own key and keep it outside the data folder.
 */
export function loadKeys(source: KeySource): LoadedKeys {
  if (source.dataKeys && source.hashKey) return { keys: parseKeys(source.dataKeys, source.hashKey), origin: 'environment' };
  const fromFile = (path: string) => {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { dataKeys?: string; hashKey?: string };
    if (!parsed.dataKeys || !parsed.hashKey) throw new Error(`Key file ${path} needs "dataKeys" and "hashKey"`);
    return parseKeys(parsed.dataKeys, parsed.hashKey);
  };
  if (source.keyFile) return { keys: fromFile(source.keyFile), origin: 'keyFile', path: source.keyFile };
  const path = join(resolve(source.dataDir), 'keys.json');
  if (existsSync(path)) return { keys: fromFile(path), origin: 'generatedEarlier', path };
  const material = generateKeyMaterial();
  mkdirSync(dirname(path), { recursive: true });
  const contents = { dataKeys: `${material.id}:${material.key}`, hashKey: material.hashKey };
  writeFileSync(path, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 });
  return { keys: fromFile(path), origin: 'generated', path };
}
