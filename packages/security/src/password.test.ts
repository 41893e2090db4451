import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('Correct-horse-2026');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'Correct-horse-2026')).toBe(true);
    expect(await verifyPassword(stored, 'correct-horse-2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
