import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { decryptPersonalData } from '@xinfang/security/personal-data';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();

async function countRows() {
  const count = async (table: 'petitions' | 'petitioners' | 'petition_events') =>
    Number((await test.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { petitions: await count('petitions'), petitioners: await count('petitioners'), events: await count('petition_events') };
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword: (password) => Promise.resolve(`plain:${password}`), petitions: 3 });
});

describe('kiosk.submit', () => {
  it('registers a petition with an encrypted mobile number and returns a tracking code', async () => {
    const { caller } = createTestContext(test.db, keys);
    const receipt = await caller.kiosk.submit({ name: '演示访客', mobile: '199-0000-9999', content: '楼下餐馆油烟很大，影响生活。', idempotencyKey: randomUUID() });
    expect(receipt.trackingCode).toMatch(/^[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{2}$/);
    const stored = await test.db
      .selectFrom('petitions as p')
      .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
      .select(['p.status', 'p.channel', 'p.kiosk_assisted', 'pr.mobile_cipher', 'pr.mobile_masked', 'p.summary'])
      .where('p.tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'registered', channel: 'online', kiosk_assisted: true, mobile_masked: '199****9999', summary: '楼下餐馆油烟很大，影响生活' });
    expect(stored.mobile_cipher).not.toContain('19900009999');
    expect(decryptPersonalData(keys, stored.mobile_cipher!)).toBe('19900009999');
  });

  it('creates one petition for a double tap with the same idempotency key, even concurrently', async () => {
    const { caller } = createTestContext(test.db, keys);
    const before = await countRows();
    const submission = { name: '演示访客', mobile: '19900008888', content: '同一个事项提交两次。请只算一次。', idempotencyKey: randomUUID() };
    const receipts = await Promise.all([caller.kiosk.submit(submission), caller.kiosk.submit(submission), caller.kiosk.submit(submission)]);
    expect(new Set(receipts.map((receipt) => receipt.trackingCode)).size).toBe(1);
    const after = await countRows();
    expect(after.petitions - before.petitions).toBe(1);
    expect(after.events - before.events).toBe(1);
  });

  it.each([
    ['mobile', { mobile: '12345' }, 'validation.mobile.invalid', '请输入正确的手机号码（11位，以1开头）'],
    ['content', { content: '' }, 'validation.required', '此项为必填项'],
    ['name', { name: "Robert'); DROP TABLE petitions;--" }, 'validation.name.invalid', '请输入姓名（1–50个字）'],
  ])('rejects a bad %s with a Chinese message and stores nothing', async (field, change, code, zh) => {
    const { caller } = createTestContext(test.db, keys);
    const before = await countRows();
    const error = await caller.kiosk
      .submit({ name: '演示访客', mobile: '19900007777', content: '一个正常的事项描述。', idempotencyKey: randomUUID(), ...change })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect(await countRows()).toEqual(before);
    const { ZodError } = await import('zod');
    const cause = (error as TRPCError).cause;
    expect(cause).toBeInstanceOf(ZodError);
    const issue = (cause as InstanceType<typeof ZodError>).issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toBe(code);
    const { translateMessage } = await import('@xinfang/domain/messages');
    expect(translateMessage(code, 'zh')).toBe(zh);
  });

  it('serves the hall configuration to the kiosk', async () => {
    const { caller } = createTestContext(test.db, keys);
    expect(await caller.kiosk.configuration()).toMatchObject({ hallCode: '440304', hallNameZh: '福田区人民来访接待厅', idleWarningSeconds: 60, idleResetSeconds: 90 });
  });
});
