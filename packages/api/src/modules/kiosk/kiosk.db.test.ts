import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { encodeBase64, maxKioskPhotoBytes, type KioskSubmission } from '@xinfang/domain/kiosk';
import { PetitionEvent } from '@xinfang/domain/workflow/petition-event';
import { decryptPersonalData } from '@xinfang/security/personal-data';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '@xinfang/db/repositories/audit';
import { createTestContext } from '../../testing/test-context.ts';
import { intakeWriter } from './kiosk.service.ts';

const test = useTestDatabase();
const keys = createTestKeys();

async function countRows() {
  const count = async (table: 'petitions' | 'petitioners' | 'petition_events' | 'petition_attachments' | 'petition_petitioners') =>
    Number((await test.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    petitions: await count('petitions'),
    petitioners: await count('petitioners'),
    events: await count('petition_events'),
    attachments: await count('petition_attachments'),
    links: await count('petition_petitioners'),
  };
}

/** How many rows of each table were added since `before`. */
async function rowsAddedSince(before: Awaited<ReturnType<typeof countRows>>) {
  const after = await countRows();
  return {
    petitions: after.petitions - before.petitions,
    petitioners: after.petitioners - before.petitioners,
    events: after.events - before.events,
    attachments: after.attachments - before.attachments,
    links: after.links - before.links,
  };
}

// DOMAIN.md §9's published example ID number; synthetic names and 199-0000 mobile numbers.
function submission(change: Partial<KioskSubmission> = {}): KioskSubmission {
  return {
    name: '演示访客',
    idNumber: '11010519491231002X',
    mobile: '199-0000-9999',
    content: '楼下餐馆油烟很大，影响生活。',
    idempotencyKey: randomUUID(),
    consent: true,
    ...change,
  };
}

const jpeg = encodeBase64(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 400 }, (_, index) => index % 256)]));

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword: (password) => Promise.resolve(`plain:${password}`), petitions: 3 });
});

describe('kiosk.submit', () => {
  it('registers a petition with encrypted personal data, a replayable first event, and returns a tracking code', async () => {
    const { caller } = createTestContext(test.db, keys);
    const receipt = await caller.kiosk.submit(
      submission({ address: '演示路1号', category: 'environment', streetCode: '440304001000', request: '请求督促整改', about: '楼下某餐馆', photos: [{ contentType: 'image/jpeg', dataBase64: jpeg }] }),
    );
    expect(receipt.trackingCode).toMatch(/^[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{4}-[2-9A-HJ-NP-Y]{2}$/);
    expect(receipt.routeDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stored = await test.db
      .selectFrom('petitions as p')
      .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
      .innerJoin('units as s', 's.id', 'p.street_unit_id')
      .select(['p.id', 'p.status', 'p.channel', 'p.kiosk_assisted', 'p.petition_class', 'p.kiosk_category', 'p.request', 'p.respondent', 'pr.mobile_cipher', 'pr.mobile_masked', 'pr.id_number_masked', 'pr.id_number_cipher', 'pr.address_cipher', 'p.summary', 's.code as street_code', 'p.scope_path'])
      .where('p.tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      status: 'registered',
      channel: 'online',
      kiosk_assisted: true,
      petition_class: 'claim',
      kiosk_category: 'environment',
      request: '请求督促整改',
      respondent: '楼下某餐馆',
      mobile_masked: '199****9999',
      id_number_masked: '110105********002X',
      summary: '楼下餐馆油烟很大，影响生活',
      street_code: '440304001000',
    });
    expect(stored.scope_path).toContain('/440304001000/');
    expect(stored.mobile_cipher).not.toContain('19900009999');
    expect(decryptPersonalData(keys, stored.mobile_cipher!)).toBe('19900009999');
    expect(decryptPersonalData(keys, stored.id_number_cipher!)).toBe('11010519491231002X');
    expect(decryptPersonalData(keys, stored.address_cipher!)).toBe('演示路1号');
    const event = await test.db.selectFrom('petition_events').selectAll().where('petition_id', '=', stored.id).executeTakeFirstOrThrow();
    const parsed = PetitionEvent.parse({ type: event.type, occurredAt: new Date(event.occurred_at).toISOString(), actor: { staffId: null, role: event.actor_role, unitId: null }, payload: event.payload });
    expect(parsed).toMatchObject({ type: 'registered', payload: { trackingCode: receipt.trackingCode, channel: 'online', kioskAssisted: true, petitionClass: 'claim' } });
    const photo = await test.db.selectFrom('petition_attachments').selectAll().where('petition_id', '=', stored.id).executeTakeFirstOrThrow();
    expect(photo).toMatchObject({ content_type: 'image/jpeg', size_bytes: 404, position: 0 });
    expect([...photo.data.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('records an organisation with its contact person and a collective matter with its representatives', async () => {
    const { caller } = createTestContext(test.db, keys);
    const before = await countRows();
    const receipt = await caller.kiosk.submit(
      submission({
        petitionerKind: 'organisation',
        organisationName: '演示物业服务中心',
        creditCode: '91350100M000100Y43',
        collective: true,
        headcount: 40,
        representatives: [{ name: '代表甲', mobile: '19900000101' }, { name: '代表乙' }],
      }),
    );
    const row = await test.db
      .selectFrom('petitions as p')
      .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
      .select(['p.id', 'p.is_collective', 'p.headcount', 'pr.kind', 'pr.name', 'pr.contact_name', 'pr.credit_code'])
      .where('p.tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_collective: true, headcount: 40, kind: 'organisation', name: '演示物业服务中心', contact_name: '演示访客', credit_code: '91350100M000100Y43' });
    expect(await rowsAddedSince(before)).toEqual({ petitions: 1, petitioners: 3, events: 1, attachments: 0, links: 2 });
  });

  it('creates one petition for a double tap with the same idempotency key, even concurrently', async () => {
    const { caller } = createTestContext(test.db, keys);
    const before = await countRows();
    const same = submission({ mobile: '19900008888', content: '同一个事项提交两次。请只算一次。', photos: [{ contentType: 'image/jpeg', dataBase64: jpeg }] });
    const receipts = await Promise.all([caller.kiosk.submit(same), caller.kiosk.submit(same), caller.kiosk.submit(same)]);
    expect(new Set(receipts.map((receipt) => receipt.trackingCode)).size).toBe(1);
    expect(await rowsAddedSince(before)).toEqual({ petitions: 1, petitioners: 1, events: 1, attachments: 1, links: 0 });
    const after = await countRows();
    // a retry long after the first one committed (the kiosk lost the answer) gets the same receipt and writes nothing
    const later = await caller.kiosk.submit(same);
    expect(later).toEqual(receipts[0]);
    expect(await countRows()).toEqual(after);
  });

  it('refuses an idempotency key reused with a different submission (409), keeps answering the same one, and leaks no receipt', async () => {
    const { caller } = createTestContext(test.db, keys);
    const key = randomUUID();
    const first = await caller.kiosk.submit(submission({ idempotencyKey: key, mobile: '19900007777', content: '第一位访客：小区路灯不亮。' }));
    const before = await countRows();
    const auditBefore = await test.db.selectFrom('audit_log').select('id').where('action', '=', 'kiosk.submit').execute();
    for (const other of [
      submission({ idempotencyKey: key, mobile: '19900007777', content: '第二位访客：完全不同的事情。' }),
      submission({ idempotencyKey: key, mobile: '19900006666', content: '第一位访客：小区路灯不亮。' }),
      submission({ idempotencyKey: key, mobile: '19900007777', content: '第一位访客：小区路灯不亮。', photos: [{ contentType: 'image/jpeg', dataBase64: jpeg }] }),
    ]) {
      const error = await caller.kiosk.submit(other).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('CONFLICT');
      expect((error as TRPCError).message).not.toContain(first.trackingCode);
      expect((error as TRPCError & { cause: { code?: string } }).cause.code).toBe('kiosk.idempotencyKeyReused');
    }
    expect(await rowsAddedSince(before)).toEqual({ petitions: 0, petitioners: 0, events: 0, attachments: 0, links: 0 });
    expect(await test.db.selectFrom('audit_log').select('id').where('action', '=', 'kiosk.submit').execute()).toHaveLength(auditBefore.length);
    // the visitor's own retry, typed the same way or normalised differently, still gets its receipt
    expect(await caller.kiosk.submit(submission({ idempotencyKey: key, mobile: '19900007777', content: '第一位访客：小区路灯不亮。' }))).toEqual(first);
    expect(await caller.kiosk.submit(submission({ idempotencyKey: key, mobile: '199-0000-7777', content: '  第一位访客：小区路灯不亮。 ' }))).toEqual(first);
  });

  it('refuses a kiosk submission under a key that a staff registration used, instead of answering with that matter', async () => {
    const { caller } = createTestContext(test.db, keys);
    const key = randomUUID();
    // a registered matter whose key has no submission hash beside it, as a desk registration's has none
    const registered = await test.db.selectFrom('petitions').select('id').where('idempotency_key', 'is', null).limit(1).executeTakeFirstOrThrow();
    await test.db.updateTable('petitions').set({ idempotency_key: key }).where('id', '=', registered.id).execute();
    const error = await caller.kiosk.submit(submission({ idempotencyKey: key })).catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe('CONFLICT');
  });

  // the two arrive while the first batches are being written, so they are written in one statement: it fails as a whole,
  // the writer retries each alone, and the second meets the first's key
  it('refuses the second of two different submissions sharing a key in a burst, and lands the rest once', async () => {
    const { caller } = createTestContext(test.db, keys);
    const before = await countRows();
    const batchesBefore = intakeWriter(test.db).batchSizes.length;
    const key = randomUUID();
    const burst = Array.from({ length: 16 }, (_, index) =>
      index === 9 || index === 10 ? submission({ idempotencyKey: key, content: `同一键的第${index}件：两份不同的材料。` }) : submission({ content: `批量提交第${index}件：井盖缺失。` }),
    );
    const outcomes = await Promise.allSettled(burst.map((input) => caller.kiosk.submit(input)));
    expect(Math.max(...intakeWriter(test.db).batchSizes.slice(batchesBefore))).toBeGreaterThan(1);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(((refused[0] as PromiseRejectedResult).reason as TRPCError).code).toBe('CONFLICT');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(15);
    expect(await rowsAddedSince(before)).toEqual({ petitions: 15, petitioners: 15, events: 15, attachments: 0, links: 0 });
  });

  it('writes a burst of submissions in shared batches; a repeated key among them gets the first receipt and the rest land once', async () => {
    const { caller } = createTestContext(test.db, keys);
    const before = await countRows();
    const auditBefore = await test.db.selectFrom('audit_log').select('id').where('action', '=', 'kiosk.submit').execute();
    const batchesBefore = intakeWriter(test.db).batchSizes.length;
    const repeated = submission({ content: '同一键的重复提交（批量）。' });
    const burst = Array.from({ length: 24 }, (_, index) =>
      index % 8 === 3 ? repeated : submission({ content: `批量提交第${index}件：路灯不亮。`, photos: index % 5 === 0 ? [{ contentType: 'image/jpeg', dataBase64: jpeg }] : [] }),
    );
    const receipts = await Promise.all(burst.map((input) => caller.kiosk.submit(input)));
    const batches = intakeWriter(test.db).batchSizes.slice(batchesBefore);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    const repeatedCodes = new Set(receipts.filter((_, index) => index % 8 === 3).map((receipt) => receipt.trackingCode));
    expect(repeatedCodes.size).toBe(1);
    expect(new Set(receipts.map((receipt) => receipt.trackingCode)).size).toBe(22);
    expect(await rowsAddedSince(before)).toEqual({ petitions: 22, petitioners: 22, events: 22, attachments: 5, links: 0 });
    const auditAfter = await test.db.selectFrom('audit_log').select('id').where('action', '=', 'kiosk.submit').execute();
    expect(auditAfter.length - auditBefore.length).toBe(22);
    expect(await verifyAuditChains(test.db)).toMatchObject({ firstBrokenRowId: undefined });
  });

  it.each([
    ['mobile', { mobile: '12345' }, 'validation.mobile.invalid', '请输入正确的手机号码（11位，以1开头）'],
    ['content', { content: '' }, 'validation.required', '此项为必填项'],
    ['name', { name: "Robert'); DROP TABLE petitions;--" }, 'validation.name.invalid', '请输入姓名（1–50个字）'],
    ['idNumber', { idNumber: '110105194912310021' }, 'validation.idCard.checksum', '身份证号码校验位不正确，请核对'],
    ['consent', { consent: false as true }, 'kiosk.consentRequired', '请阅读并同意个人信息保护告知'],
    ['photos', { photos: [{ contentType: 'image/jpeg' as const, dataBase64: encodeBase64(new TextEncoder().encode('%PDF-1.7 not an image at all')) }] }, 'kiosk.photo.notImage', '只能上传照片（JPG、PNG或WebP图片）'],
    ['photos', { photos: [{ contentType: 'image/jpeg' as const, dataBase64: encodeBase64(new Uint8Array(maxKioskPhotoBytes + 1).fill(0xff)) }] }, 'kiosk.photo.tooLarge', '照片太大，请重新拍摄或选择较小的照片'],
    ['representatives', { collective: true, headcount: 9 }, 'kiosk.collective.representativeRequired', '集体反映请至少填写1名代表'],
    // PostgreSQL text cannot hold NUL and UTF-8 cannot hold half a surrogate pair: both used to reach the database and fail with 500
    ['content', { content: '楼下餐馆油烟\u0000很大，影响生活。' }, 'validation.text.unsafeCharacters', '含有无法识别的字符（如控制字符或残缺的符号），请删除后重新输入'],
    ['content', { content: '楼下餐馆油烟\ud800很大，影响生活。' }, 'validation.text.unsafeCharacters', '含有无法识别的字符（如控制字符或残缺的符号），请删除后重新输入'],
    ['name', { name: '演示\udc00' }, 'validation.text.unsafeCharacters', '含有无法识别的字符（如控制字符或残缺的符号），请删除后重新输入'],
    ['address', { address: '演示路\u00001号' }, 'validation.text.unsafeCharacters', '含有无法识别的字符（如控制字符或残缺的符号），请删除后重新输入'],
    ['about', { about: '楼下\u001b[2J餐馆' }, 'validation.text.unsafeCharacters', '含有无法识别的字符（如控制字符或残缺的符号），请删除后重新输入'],
    ['request', { request: '请求整改\ud83d' }, 'validation.text.unsafeCharacters', '含有无法识别的字符（如控制字符或残缺的符号），请删除后重新输入'],
  ])('rejects a bad %s with a Chinese message and stores nothing', async (field, change, code, zh) => {
    const { caller } = createTestContext(test.db, keys);
    const before = await countRows();
    const error = await caller.kiosk.submit(submission(change)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNPROCESSABLE_CONTENT');
    expect(await countRows()).toEqual(before);
    const { ZodError } = await import('zod');
    const cause = (error as TRPCError).cause;
    expect(cause).toBeInstanceOf(ZodError);
    const issue = (cause as InstanceType<typeof ZodError>).issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toBe(code);
    const { translateMessage } = await import('@xinfang/domain/messages');
    expect(translateMessage(code, 'zh')).toBe(zh);
  });

  it('stores rare name characters beyond the BMP (生僻字) and multi-line content exactly as typed', async () => {
    const { caller } = createTestContext(test.db, keys);
    const receipt = await caller.kiosk.submit(
      submission({ name: '王𪚥', content: '第一段：电梯坏了。\r\n\t第二段：𠀀村物业不管。', collective: true, headcount: 3, representatives: [{ name: '张𠀀' }] }),
    );
    const row = await test.db
      .selectFrom('petitions as p')
      .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
      .select(['p.id', 'p.content', 'pr.name'])
      .where('p.tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '王𪚥', content: '第一段：电梯坏了。\r\n\t第二段：𠀀村物业不管。' });
    const representative = await test.db
      .selectFrom('petition_petitioners as link')
      .innerJoin('petitioners as pr', 'pr.id', 'link.petitioner_id')
      .select('pr.name')
      .where('link.petition_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(representative.name).toBe('张𠀀');
  });

  it('refuses a community that is not in the chosen street, storing nothing', async () => {
    const { caller } = createTestContext(test.db, keys);
    const before = await countRows();
    const error = await caller.kiosk.submit(submission({ streetCode: '440304001000', communityCode: '440304002001' })).catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe('UNPROCESSABLE_CONTENT');
    expect((error as TRPCError).message).toContain('street or community');
    expect(await countRows()).toEqual(before);
  });

  it('serves the hall configuration and the street and community pickers to the kiosk', async () => {
    const { caller } = createTestContext(test.db, keys);
    expect(await caller.kiosk.configuration()).toMatchObject({ hallCode: '440304', hallNameZh: '福田区人民来访接待厅', idleWarningSeconds: 60, idleResetSeconds: 90 });
    const places = await caller.kiosk.places();
    expect(places).toHaveLength(10);
    expect(places[0]).toMatchObject({ code: '440304001000', nameZh: '南园街道' });
    expect(places[0]!.communities.length).toBeGreaterThanOrEqual(2);
    expect(places[0]!.communities.every((community) => community.code.startsWith('440304001'))).toBe(true);
  });
});
