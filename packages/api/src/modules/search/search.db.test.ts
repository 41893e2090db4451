import { randomUUID } from 'node:crypto';
import { seedDemoData } from '@xinfang/db/seed';
import { createTestKeys, useTestDatabase } from '@xinfang/db/testing';
import { hashPassword } from '@xinfang/security/password';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../testing/test-context.ts';

const test = useTestDatabase();
const keys = createTestKeys();

type Caller = ReturnType<typeof createTestContext>['caller'];
let reception: Caller;
let lawyer: Caller;
const matters: Record<'claim' | 'accusation', { trackingCode: string; id: string }> = {} as never;

/** A visitor's own submission at the district hall's kiosk, with what they wrote in every field. */
async function submitted(fields: { name: string; category: 'housing' | 'misconduct'; about: string; request: string; content: string }) {
  const kiosk = createTestContext(test.db, keys).caller;
  const receipt = await kiosk.kiosk.submit({
    name: fields.name,
    idNumber: '11010519491231002X',
    mobile: '19900007777',
    category: fields.category,
    about: fields.about,
    request: fields.request,
    content: fields.content,
    idempotencyKey: randomUUID(),
    consent: true,
    streetCode: '440304001000',
  });
  const row = await test.db.selectFrom('petitions').select('id').where('tracking_code', '=', receipt.trackingCode).executeTakeFirstOrThrow();
  return { trackingCode: receipt.trackingCode, id: row.id };
}

async function signedIn(username: string, password: string): Promise<Caller> {
  const { caller } = createTestContext(test.db, keys);
  await caller.auth.signIn({ username, password });
  return caller;
}

beforeAll(async () => {
  await seedDemoData(test.db, { now: new Date(), keys, hashPassword, petitions: 5 });
  matters.claim = await submitted({ name: '欧阳晓峰', category: 'housing', about: '翠园物业服务中心', request: '请督促物业尽快更换电梯钢丝绳', content: '【测试数据】小区电梯钢丝绳磨损严重，物业一直拖着不换。' });
  matters.accusation = await submitted({ name: '司马检举', category: 'misconduct', about: '南园街道城管中队某队员', request: '请依法查处', content: '【测试数据】城管队员收取摊贩好处费。' });
  reception = await signedIn('reception', 'Demo-reception-2026');
  lawyer = await signedIn('lawyer', 'Demo-lawyer-2026');
}, 120_000);

const idsOf = (result: { items: { id: string }[] }) => result.items.map((item) => item.id);

describe('search.petitions over what the visitor wrote', () => {
  it.each([
    ['whom it is about (反映谁)', '翠园物业'],
    ['what the visitor wants (希望怎样解决)', '钢丝绳 督促'],
    ['the filer’s name', '欧阳晓峰'],
  ])('finds a matter by %s, with the passage where the words occur', async (_what, text) => {
    const found = await reception.search.petitions({ text });
    expect(idsOf(found)).toEqual([matters.claim.id]);
    expect(found.items[0]).toMatchObject({ trackingCode: matters.claim.trackingCode, respondent: '翠园物业服务中心', petitionerName: '欧阳晓峰' });
  });

  it('finds a matter by its tracking code, in any letter case', async () => {
    expect(idsOf(await reception.search.petitions({ text: matters.claim.trackingCode.toLowerCase() }))).toEqual([matters.claim.id]);
  });

  it('shows where words the row does not already show occur, and nothing when all are in sight', async () => {
    const [hit] = (await reception.search.petitions({ text: '督促物业' })).items;
    expect(hit?.excerpt).toContain('督促物业');
    const [named] = (await reception.search.petitions({ text: '欧阳晓峰 翠园物业' })).items;
    expect(named?.excerpt).toBeNull();
  });

  it('matches an accuser’s name only for a role that may see accusers, and masks it for the others', async () => {
    expect(idsOf(await reception.search.petitions({ text: '司马检举' }))).toEqual([matters.accusation.id]);
    expect(idsOf(await lawyer.search.petitions({ text: '司马检举' }))).toEqual([]);
    const byText = await lawyer.search.petitions({ text: '城管中队' });
    expect(idsOf(byText)).toEqual([matters.accusation.id]);
    expect(byText.items[0]?.petitionerName).not.toContain('司马检举');
    expect(JSON.stringify(byText)).not.toContain('司马检举');
  });

  it('applies the same search to a work queue and its counts', async () => {
    const queue = await reception.petitions.queue({ queue: 'all', search: '翠园物业' });
    expect(queue.items.map((item) => item.id)).toEqual([matters.claim.id]);
    expect(queue.total).toBe(1);
    expect(queue.items[0]?.excerpt).toContain('翠园物业');
    expect((await reception.petitions.queueCounts({ search: '翠园物业' })).all).toBe(1);
    expect((await lawyer.petitions.queue({ queue: 'all', search: '司马检举' })).items).toEqual([]);
    expect((await lawyer.petitions.queueCounts({ search: '司马检举' })).all).toBe(0);
    expect((await reception.petitions.queue({ queue: 'all', search: '司马检举' })).items.map((item) => item.id)).toEqual([matters.accusation.id]);
  });

  it('shows staff on the case detail whom it is about, what the visitor wants, the chosen category and that an address exists', async () => {
    const detail = await reception.petitions.get({ id: matters.claim.id });
    expect(detail).toMatchObject({ respondent: '翠园物业服务中心', request: '请督促物业尽快更换电梯钢丝绳', kioskCategory: 'housing', petitionClass: 'claim', evaluation: null, appealRequests: [] });
    expect(detail.persons[0]?.hasAddress).toBe(false);
  });
});
