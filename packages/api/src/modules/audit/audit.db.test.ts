import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 3 });
});

describe('the audit log for administrators', () => {
  it('lists a reveal with who, why and from where, pages newest first, and verifies the chains', async () => {
    const reception = createTestContext(test.db, keys, { clientIp: '192.0.2.44' }).caller;
    await reception.auth.signIn({ username: 'reception', password: 'Demo-reception-2026' });
    const petition = await test.db.selectFrom('petitions').select('id').limit(1).executeTakeFirstOrThrow();
    await reception.privacy.reveal({ petitionId: petition.id, field: 'mobile', reason: '电话回访' });

    const admin = createTestContext(test.db, keys).caller;
    await admin.auth.signIn({ username: 'admin', password: 'Demo-admin-2026' });
    const reveals = await admin.audit.list({ actionPrefix: 'privacy.' });
    expect(reveals.items).toHaveLength(1);
    expect(reveals.items[0]).toMatchObject({ action: 'privacy.reveal', actorName: '接访员（演示）', actorRole: 'receptionOfficer', ip: '192.0.2.44', targetId: petition.id, details: { field: 'mobile', reason: '电话回访' } });

    const first = await admin.audit.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await admin.audit.list({ limit: 2, beforeId: first.nextBeforeId! });
    expect(BigInt(second.items[0]!.id)).toBeLessThan(BigInt(first.items[1]!.id));

    expect(await admin.audit.verify()).toMatchObject({ intact: true, firstBrokenRowId: null });
    await expect(reception.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('treats LIKE wildcards in the prefix as text', async () => {
    const admin = createTestContext(test.db, keys).caller;
    await admin.auth.signIn({ username: 'admin', password: 'Demo-admin-2026' });
    await expect(admin.audit.list({ actionPrefix: '%' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect((await admin.audit.list({ actionPrefix: 'auth.signIn' })).items.length).toBeGreaterThan(0);
  });
});
