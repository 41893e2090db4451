import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

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
