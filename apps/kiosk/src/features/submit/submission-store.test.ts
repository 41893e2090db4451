import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './submission-store.ts';

describe('idempotency keys', () => {
  it('are RFC 4122 version-4 UUIDs and do not repeat', () => {
    const keys = Array.from({ length: 500 }, newIdempotencyKey);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
