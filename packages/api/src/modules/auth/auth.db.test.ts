import type { TRPCError } from '@trpc/server';
import { setStaffPassword } from '@xinfang/db/repositories/staff';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { isDomainError } from '@xinfang/domain/errors';
import { defaultCallerLimits } from '@xinfang/domain/security/attempt-limits';
import { hashPassword, verifyPassword } from '@xinfang/security/password';
import type * as PasswordModule from '@xinfang/security/password';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

// the real argon2 check, counted: an unknown username must have a hash verified too
vi.mock('@xinfang/security/password', async (importOriginal) => {
  const real = await importOriginal<typeof PasswordModule>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const test = useTestDatabase();
const keys = createTestKeys();

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 12 });
});

describe('staff sign-in and the petition list', () => {
  it('refuses the list before sign-in, signs in, lists, signs out', async () => {
    const { caller, jar } = createTestContext(test.db, keys);
    await expect(caller.petitions.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await caller.auth.me()).toBeNull();
    const actor = await caller.auth.signIn({ username: 'reception', password: 'Demo-reception-2026' });
    expect(actor.role).toBe('receptionOfficer');
    expect(jar.token).toBeDefined();
    expect((await caller.auth.me())?.username).toBe('reception');
    const page = await caller.petitions.list({ limit: 5 });
    expect(page.total).toBe(12);
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).not.toBeNull();
    expect(page.items.every((item) => item.mobileMasked?.includes('****'))).toBe(true);
    await caller.auth.signOut();
    await expect(caller.petitions.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('gives the same neutral answer for an unknown user and a wrong password, and locks after 5 failures', async () => {
    const { caller } = createTestContext(test.db, keys);
    await expect(caller.auth.signIn({ username: 'nobody', password: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'Wrong username or password' });
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(caller.auth.signIn({ username: 'lawyer', password: 'wrong' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(caller.auth.signIn({ username: 'lawyer', password: 'Demo-lawyer-2026' })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('forbids a role without the permission', async () => {
    const { caller } = createTestContext(test.db, keys);
    await caller.auth.signIn({ username: 'admin', password: 'Demo-admin-2026' });
    await expect(caller.petitions.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('limits a street officer to their street', async () => {
    const { caller } = createTestContext(test.db, keys);
    await caller.auth.signIn({ username: 'street-officer', password: 'Demo-street-2026' });
    const page = await caller.petitions.list({ limit: 100 });
    const streetRows = await test.db
      .selectFrom('petitions')
      .innerJoin('units', 'units.id', 'petitions.street_unit_id')
      .select('petitions.id')
      .where('units.code', '=', '440304001000')
      .execute();
    expect(page.total).toBe(streetRows.length);
  });

  it('expires an idle session', async () => {
    let now = new Date('2026-11-25T01:00:00Z');
    const { caller } = createTestContext(test.db, keys, { now: () => now });
    await caller.auth.signIn({ username: 'leader', password: 'Demo-leader-2026' });
    expect(await caller.auth.me()).not.toBeNull();
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await caller.auth.me()).toBeNull();
  });
});

/** What each attempt got: 'OK' or the error's message code. */
async function outcomeOf(attempt: Promise<unknown>): Promise<string> {
  return attempt.then(
    () => 'OK',
    (error: TRPCError) => (isDomainError(error.cause) ? error.cause.code : error.code),
  );
}

describe('sign-in limits that cannot be walked around', () => {
  beforeEach(() => vi.mocked(verifyPassword).mockClear());

  it('counts each attempt before checking it: of 18 simultaneous wrong passwords exactly 5 are checked', async () => {
    const { caller } = createTestContext(test.db, keys);
    const outcomes = await Promise.all(Array.from({ length: 18 }, () => outcomeOf(caller.auth.signIn({ username: 'mediator', password: 'wrong-password' }))));
    expect(outcomes.filter((outcome) => outcome === 'auth.invalidCredentials')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome === 'auth.locked')).toHaveLength(13);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(5);
    const mirrored = await test.db.selectFrom('staff').select('locked_until').where('username', '=', 'mediator').executeTakeFirstOrThrow();
    expect(mirrored.locked_until).not.toBeNull();
  });

  it('treats an unknown username exactly like a known one: same answers, same lockout, a hash verified each time', async () => {
    const sequences: string[][] = [];
    for (const username of ['statistician', 'no-such-user-anywhere']) {
      const { caller } = createTestContext(test.db, keys);
      const outcomes: string[] = [];
      for (let attempt = 0; attempt < 7; attempt++) outcomes.push(await outcomeOf(caller.auth.signIn({ username, password: 'wrong-password' })));
      sequences.push(outcomes);
    }
    expect(sequences[0]).toEqual([...Array<string>(5).fill('auth.invalidCredentials'), 'auth.locked', 'auth.locked']);
    expect(sequences[1]).toEqual(sequences[0]);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(10);
    const unknownHash = vi.mocked(verifyPassword).mock.calls[9]![0];
    expect(unknownHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('says how long the lock lasts, and lets the account in once the window has passed', async () => {
    let now = new Date('2026-12-05T02:00:00Z');
    const { caller } = createTestContext(test.db, keys, { now: () => now });
    for (let attempt = 0; attempt < 5; attempt++) await outcomeOf(caller.auth.signIn({ username: 'halllead', password: 'wrong-password' }));
    now = new Date(now.getTime() + 5 * 60_000);
    const error = await caller.auth.signIn({ username: 'halllead', password: 'Demo-halllead-2026' }).catch((caught: TRPCError) => caught);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'Too many failed sign-ins for this username; try again in 10 minutes' });
    expect((error as TRPCError).cause).toMatchObject({ retryAfterSeconds: 600 });
    now = new Date(now.getTime() + 10 * 60_000);
    await expect(caller.auth.signIn({ username: 'halllead', password: 'Demo-halllead-2026' })).resolves.toMatchObject({ username: 'halllead' });
  });

  it('lets a new password in at once (an administrator’s reset ends the lock, as it did before)', async () => {
    const { caller } = createTestContext(test.db, keys);
    for (let attempt = 0; attempt < 6; attempt++) await outcomeOf(caller.auth.signIn({ username: 'rechecker', password: 'wrong-password' }));
    expect(await outcomeOf(caller.auth.signIn({ username: 'rechecker', password: 'Demo-rechecker-2026' }))).toBe('auth.locked');
    const staff = await test.db.selectFrom('staff').select('id').where('username', '=', 'rechecker').executeTakeFirstOrThrow();
    await setStaffPassword(test.db, staff.id, await hashPassword('Reset-by-admin-2026!'), true);
    expect(await outcomeOf(caller.auth.signIn({ username: 'rechecker', password: 'Reset-by-admin-2026!' }))).toBe('OK');
  });

  it('limits sign-in attempts per address with 429 and the seconds to wait', async () => {
    let now = new Date('2026-12-05T03:00:00Z');
    const { caller } = createTestContext(test.db, keys, { now: () => now, clientIp: '198.51.100.77', callerLimits: { ...defaultCallerLimits, signInPerMinute: 3 } });
    for (let attempt = 0; attempt < 3; attempt++) expect(await outcomeOf(caller.auth.signIn({ username: `someone-${attempt}`, password: 'x' }))).toBe('auth.invalidCredentials');
    now = new Date(now.getTime() + 15_000);
    const error = await caller.auth.signIn({ username: 'someone-else', password: 'x' }).catch((caught: TRPCError) => caught);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'Too many requests; try again in 45 seconds' });
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(3);
  });

  it('does not store the typed username of a failed sign-in in the audit log (people type passwords into it)', async () => {
    const { caller } = createTestContext(test.db, keys);
    const typed = 'Oops-My-Password-2026!';
    await outcomeOf(caller.auth.signIn({ username: typed, password: 'x' }));
    await outcomeOf(caller.auth.signIn({ username: typed, password: 'y' }));
    const rows = await test.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'auth.signIn.failed').orderBy('id', 'desc').limit(2).execute();
    expect(JSON.stringify(rows)).not.toContain(typed);
    expect(JSON.stringify(rows)).not.toContain(typed.toLowerCase());
    const hashes = rows.map((row) => (row.details as { usernameHash?: string }).usernameHash);
    expect(hashes[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(hashes[1]).toBe(hashes[0]);
  });
});
