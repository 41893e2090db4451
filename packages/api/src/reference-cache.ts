/**
 * Reference data that changes rarely (the kiosk's hall and places, the working calendar), kept per database for a
 * short time so a busy kiosk endpoint does not read it on every request. A change made through this process
 * forgets the entry at once; another server process sees it when its entry expires (at most `ttlMs`).
 */
interface Entry {
  expiresAt: number;
  value: Promise<unknown>;
}

const entries = new WeakMap<object, Map<string, Entry>>();

export const referenceTtlMs = 30_000;

export function cachedReference<T>(db: object, key: string, load: () => Promise<T>, ttlMs = referenceTtlMs): Promise<T> {
  let byKey = entries.get(db);
  if (!byKey) entries.set(db, (byKey = new Map<string, Entry>()));
  const now = performance.now();
  const hit = byKey.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  const value = load();
  byKey.set(key, { expiresAt: now + ttlMs, value });
  // a failed load is not remembered: the next request tries again
  value.catch(() => {
    if (byKey.get(key)?.value === value) byKey.delete(key);
  });
  return value;
}

/** Forgets one entry (or every entry) of this database, after a change. */
export function forgetReference(db: object, key?: string): void {
  if (key === undefined) entries.delete(db);
  else entries.get(db)?.delete(key);
}
